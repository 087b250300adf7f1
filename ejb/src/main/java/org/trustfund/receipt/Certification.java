package org.trustfund.receipt;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.Objects;
import org.trustfund.platform.BusinessException;

/**
 * The maker–checker record of a receipt: who recorded it, who certified or sent it back and why, who reversed it
 * and why. The rules live here once for every kind: the recorder never certifies their own entry, a reason is
 * required to send back or reverse, only a certified receipt is reversed, and only an uncertified one is changed.
 */
@Embeddable
public class Certification {

    public static final int MAX_REASON = 500;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private ReceiptStatus status;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, updatable = false, length = 100)
    private String recordedBy;

    @Column(name = "certified_at")
    private Instant certifiedAt;

    @Column(name = "certified_by", length = 100)
    private String certifiedBy;

    @Column(name = "returned_reason", length = MAX_REASON)
    private String returnedReason;

    @Column(name = "reversed_at")
    private Instant reversedAt;

    @Column(name = "reversed_by", length = 100)
    private String reversedBy;

    @Column(name = "reversal_reason", length = MAX_REASON)
    private String reversalReason;

    protected Certification() {
    }

    public static Certification recorded(String by, Instant at) {
        Certification c = new Certification();
        c.status = ReceiptStatus.RECORDED;
        c.recordedBy = Objects.requireNonNull(by);
        c.recordedAt = Objects.requireNonNull(at);
        return c;
    }

    /** Before a change by the finance officer: only while not certified; the change goes back to the certifier. */
    public void corrected() {
        requireStatus(ReceiptStatus.RECORDED, ReceiptStatus.RETURNED);
        status = ReceiptStatus.RECORDED;
        returnedReason = null;
    }

    public void requireChangeable() {
        requireStatus(ReceiptStatus.RECORDED, ReceiptStatus.RETURNED);
    }

    public void certify(String by, Instant at) {
        requireStatus(ReceiptStatus.RECORDED);
        requireNotRecorder(by);
        status = ReceiptStatus.CERTIFIED;
        certifiedBy = by;
        certifiedAt = at;
    }

    public void sendBack(String by, String reason) {
        requireStatus(ReceiptStatus.RECORDED);
        requireNotRecorder(by);
        returnedReason = reason(reason);
        status = ReceiptStatus.RETURNED;
    }

    public void requireReversible() {
        requireStatus(ReceiptStatus.CERTIFIED);
    }

    public void reverse(String by, String reason, Instant at) {
        requireReversible();
        reversalReason = reason(reason);
        reversedBy = by;
        reversedAt = at;
        status = ReceiptStatus.REVERSED;
    }

    private void requireNotRecorder(String by) {
        if (by.equals(recordedBy)) {
            throw new BusinessException("receipt.certify.ownEntry");
        }
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessException("reason", "reason.required");
        }
        org.trustfund.platform.TextLimits.requireAtMost("reason", reason.trim(), MAX_REASON);
        return reason.trim();
    }

    private void requireStatus(ReceiptStatus... allowed) {
        for (ReceiptStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new BusinessException("receipt.wrongStatus", status);
    }

    public boolean isCertified() {
        return status == ReceiptStatus.CERTIFIED;
    }

    public ReceiptStatus getStatus() {
        return status;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getCertifiedAt() {
        return certifiedAt;
    }

    public String getCertifiedBy() {
        return certifiedBy;
    }

    public String getReturnedReason() {
        return returnedReason;
    }

    public Instant getReversedAt() {
        return reversedAt;
    }

    public String getReversedBy() {
        return reversedBy;
    }

    public String getReversalReason() {
        return reversalReason;
    }
}
