package org.trustfund.closing;

/** Where a fund's year stands in its closing. A year without a record is {@link #OPEN}. */
public enum YearStatus {
    OPEN,
    /** A finance officer proposed to close it; postings are still accepted until it is confirmed. */
    CLOSE_PROPOSED,
    CLOSED,
    /** Reopening is requested; the year stays closed until a certifying officer confirms. */
    REOPEN_PROPOSED;

    /** Whether postings dated in a year in this state are refused. */
    public boolean refusesPostings() {
        return this == CLOSED || this == REOPEN_PROPOSED;
    }
}
