package org.trustfund.receipt;

/** Maker–checker states of an in-kind contribution or an intermediary transfer (the same as a cash contribution's). */
public enum ReceiptStatus {
    /** Recorded by a finance officer, waiting for certification; counts nowhere yet. */
    RECORDED,
    /** Sent back by the certifying officer with a reason, for the finance officer to correct. */
    RETURNED,
    /** Certified by a second person: posted (where the kind posts at all) and counted in reports. */
    CERTIFIED,
    /** A certified receipt undone by reversing journals, with a reason; kept and visible. */
    REVERSED
}
