package org.trustfund.contribution;

/** Maker–checker states of a contribution. */
public enum ContributionStatus {
    /** Recorded by a finance officer, waiting for certification; counts nowhere yet. */
    RECORDED,
    /** Sent back by the certifying officer with a reason, for the finance officer to correct. */
    RETURNED,
    /** Certified by a second person: posted to the ledger, counts in reports. */
    CERTIFIED,
    /** A certified contribution undone by a reversing journal, with a reason; kept and visible. */
    REVERSED
}
