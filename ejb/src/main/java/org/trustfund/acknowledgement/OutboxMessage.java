package org.trustfund.acknowledgement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * An acknowledgement on its way to the donor by e-mail. It waits until sent; each failed attempt is counted with its
 * error and the next one comes later (1, 2, 4 … 60 minutes); after {@value #MAX_ATTEMPTS} attempts it is failed and
 * waits for staff to retry it. Nothing is ever deleted: the outbox is the record of what was sent, when and to whom.
 */
@Entity
@Table(name = "letter_outbox")
public class OutboxMessage {

    public enum Status { WAITING, SENT, FAILED }

    /** Why the message was written: the letter was issued, or staff sent it again. */
    public enum Cause { ISSUED, RESENT }

    /** Attempts before a message is marked failed (about five hours of retries). */
    public static final int MAX_ATTEMPTS = 10;

    /** How long a claimed message is left to its sender before another may try it (a crashed server's lease). */
    static final Duration LEASE = Duration.ofMinutes(5);

    private static final Duration LONGEST_DELAY = Duration.ofMinutes(60);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "acknowledgement_id", nullable = false, updatable = false)
    private Acknowledgement acknowledgement;

    @Column(name = "recipient", nullable = false, updatable = false, length = 200)
    private String recipient;

    @Column(name = "language", nullable = false, updatable = false, length = 2)
    private String language;

    @Enumerated(EnumType.STRING)
    @Column(name = "cause", nullable = false, updatable = false, length = 10)
    private Cause cause;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private Status status;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "last_error", length = 500)
    private String lastError;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "message_id", length = 250)
    private String messageId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 100)
    private String createdBy;

    @Version
    private long version;

    protected OutboxMessage() {
    }

    OutboxMessage(Acknowledgement acknowledgement, String recipient, String language, Cause cause, Instant now,
            String by) {
        this.acknowledgement = acknowledgement;
        this.recipient = recipient;
        this.language = language;
        this.cause = cause;
        this.status = Status.WAITING;
        this.nextAttemptAt = now;
        this.createdAt = now;
        this.createdBy = by;
    }

    boolean isDue(Instant now) {
        return status == Status.WAITING && !nextAttemptAt.isAfter(now);
    }

    /** Taken by a sender: nobody else tries it until the lease ends. */
    void claim(Instant now) {
        nextAttemptAt = now.plus(LEASE);
    }

    void sent(Instant now, String id) {
        attempts++;
        status = Status.SENT;
        sentAt = now;
        lastAttemptAt = now;
        nextAttemptAt = null;
        messageId = clip(id, 250);
    }

    /**
     * A failed attempt. {@code counts} is false when nothing was tried (no mail server configured): the message
     * waits without using up its attempts.
     */
    void failed(Instant now, String error, boolean counts) {
        lastAttemptAt = now;
        lastError = clip(error, 500);
        if (!counts) {
            nextAttemptAt = now.plus(LEASE);
            return;
        }
        attempts++;
        if (attempts >= MAX_ATTEMPTS) {
            status = Status.FAILED;
            nextAttemptAt = null;
        } else {
            nextAttemptAt = now.plus(delayAfter(attempts));
        }
    }

    /** Staff asked for another try now: a failed message waits again, with its attempts so far kept. */
    void retryNow(Instant now) {
        if (status == Status.SENT) {
            throw new org.trustfund.platform.BusinessException("status", "outbox.retry.sent");
        }
        status = Status.WAITING;
        nextAttemptAt = now;
    }

    /** 1, 2, 4, 8, 16, 32, then 60 minutes. */
    static Duration delayAfter(int attempts) {
        Duration d = Duration.ofMinutes(1L << Math.min(attempts - 1, 6));
        return d.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : d;
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public Long getId() { return id; }
    public Acknowledgement getAcknowledgement() { return acknowledgement; }
    public String getRecipient() { return recipient; }
    public String getLanguage() { return language; }
    public Cause getCause() { return cause; }
    public Status getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public Instant getLastAttemptAt() { return lastAttemptAt; }
    public String getLastError() { return lastError; }
    public Instant getSentAt() { return sentAt; }
    public String getMessageId() { return messageId; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public long getVersion() { return version; }
}
