package org.trustfund.closing;

/** One step in the closing or reopening of a fund's year, as kept in its history. */
public enum YearAction {
    PROPOSE_CLOSE,
    CONFIRM_CLOSE,
    REJECT_CLOSE,
    REQUEST_REOPEN,
    CONFIRM_REOPEN,
    REJECT_REOPEN
}
