package org.trustfund.travel;

/**
 * Where a trip stands: requested → approved → obligated → paid → post-trip report received; or rejected (before
 * approval) or cancelled (at any point before the report; after payment by a reversal of the payment).
 */
public enum TravelStatus {
    REQUESTED,
    APPROVED,
    OBLIGATED,
    PAID,
    REPORTED,
    REJECTED,
    CANCELLED;

    /** Approved and not yet paid, cancelled or rejected: what the fund has committed but not spent. */
    public boolean isCommitted() {
        return this == APPROVED || this == OBLIGATED;
    }

    /** A funded trip: paid, with or without its report. */
    public boolean isPaid() {
        return this == PAID || this == REPORTED;
    }
}
