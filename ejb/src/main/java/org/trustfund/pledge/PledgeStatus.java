package org.trustfund.pledge;

/** Where a pledge is in its life. */
public enum PledgeStatus {
    /** Promised, no agreement yet: disclosed, not revenue. */
    PLEDGED,
    /** Standard Trust Fund Agreement signed: a receivable and revenue. */
    AGREEMENT_SIGNED,
    PARTLY_PAID,
    PAID,
    /** Given up, with a reason; what was still owed leaves the receivables. */
    WRITTEN_OFF;

    public boolean isOpen() {
        return this != PAID && this != WRITTEN_OFF;
    }
}
