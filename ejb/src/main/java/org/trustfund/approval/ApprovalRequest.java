package org.trustfund.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.trustfund.platform.BusinessException;

/**
 * A correction one person asks for and a second approves (segregation of duties). The subject (a contribution
 * or a pledge) is named by type and id; its owning service checks the subject and performs the action on
 * approval. A request is decided once: approved by a certifying officer who is not the requester, rejected by
 * one with a note, or withdrawn by the requester.
 */
@Entity
@Table(name = "approval_request")
@NamedQuery(name = "ApprovalRequest.pendingFor", query = "SELECT r FROM ApprovalRequest r WHERE r.subjectType = :type"
        + " AND r.subjectId = :id AND r.status = org.trustfund.approval.ApprovalStatus.PENDING")
@NamedQuery(name = "ApprovalRequest.of", query = "SELECT r FROM ApprovalRequest r WHERE r.subjectType = :type"
        + " AND r.subjectId = :id ORDER BY r.requestedAt, r.id")
@NamedQuery(name = "ApprovalRequest.byStatus", query = "SELECT r FROM ApprovalRequest r WHERE r.status = :status"
        + " ORDER BY r.requestedAt, r.id")
@NamedQuery(name = "ApprovalRequest.countByStatus", query = "SELECT COUNT(r) FROM ApprovalRequest r WHERE r.status = :status")
public class ApprovalRequest {

    public static final int MAX_TEXT = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false, length = 30)
    private ApprovalKind kind;

    @Column(name = "subject_type", nullable = false, updatable = false, length = 40)
    private String subjectType;

    @Column(name = "subject_id", nullable = false, updatable = false)
    private long subjectId;

    @Column(name = "fund_id", nullable = false, updatable = false)
    private long fundId;

    @Column(name = "donor_id", nullable = false, updatable = false)
    private long donorId;

    /** The date the action takes effect on, where the request names one (a write-off). */
    @Column(name = "effective_date", updatable = false)
    private LocalDate effectiveDate;

    @Column(name = "reason", nullable = false, updatable = false, length = MAX_TEXT)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private ApprovalStatus status;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "requested_by", nullable = false, updatable = false, length = 100)
    private String requestedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by", length = 100)
    private String decidedBy;

    @Column(name = "decision_note", length = MAX_TEXT)
    private String decisionNote;

    @Version
    private long version;

    protected ApprovalRequest() {
    }

    public ApprovalRequest(ApprovalKind kind, String subjectType, long subjectId, long fundId, long donorId,
            LocalDate effectiveDate, String reason, Instant at, String by) {
        this.kind = Objects.requireNonNull(kind);
        this.subjectType = Objects.requireNonNull(subjectType);
        this.subjectId = subjectId;
        this.fundId = fundId;
        this.donorId = donorId;
        this.effectiveDate = effectiveDate;
        this.reason = requireText(reason, "reason");
        this.status = ApprovalStatus.PENDING;
        this.requestedAt = Objects.requireNonNull(at);
        this.requestedBy = Objects.requireNonNull(by);
    }

    private static String requireText(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new BusinessException(field, "reason.required");
        }
        if (text.trim().length() > MAX_TEXT) {
            throw new BusinessException(field, "text.tooLong", MAX_TEXT);
        }
        return text.trim();
    }

    /** A certifying officer who did not ask for it approves: the owning service then performs the action. */
    public void approve(String by, Instant at) {
        requirePending();
        if (by.equals(requestedBy)) {
            throw new BusinessException("approval.ownRequest");
        }
        decide(ApprovalStatus.APPROVED, by, at, null);
    }

    /** A certifying officer who did not ask for it refuses it, saying why. */
    public void reject(String by, Instant at, String note) {
        requirePending();
        if (by.equals(requestedBy)) {
            throw new BusinessException("approval.ownRequest");
        }
        decide(ApprovalStatus.REJECTED, by, at, requireText(note, "note"));
    }

    /** The requester takes it back. */
    public void withdraw(String by, Instant at) {
        requirePending();
        if (!by.equals(requestedBy)) {
            throw new BusinessException("approval.notYourRequest");
        }
        decide(ApprovalStatus.WITHDRAWN, by, at, null);
    }

    private void decide(ApprovalStatus to, String by, Instant at, String note) {
        status = to;
        decidedBy = by;
        decidedAt = at;
        decisionNote = note;
    }

    public void requireKind(ApprovalKind expected) {
        if (kind != expected) {
            throw new BusinessException("approval.wrongKind", id, kind);
        }
    }

    private void requirePending() {
        if (status != ApprovalStatus.PENDING) {
            throw new BusinessException("approval.decided", id, status);
        }
    }

    public boolean isPending() {
        return status == ApprovalStatus.PENDING;
    }

    public Long getId() {
        return id;
    }

    public ApprovalKind getKind() {
        return kind;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public long getSubjectId() {
        return subjectId;
    }

    public long getFundId() {
        return fundId;
    }

    public long getDonorId() {
        return donorId;
    }

    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    public String getReason() {
        return reason;
    }

    public ApprovalStatus getStatus() {
        return status;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getDecisionNote() {
        return decisionNote;
    }

    public long getVersion() {
        return version;
    }
}
