package org.trustfund.ledger;

/** The financial events that post to the ledger. */
public enum JournalEvent {
    AGREEMENT_SIGNED,
    PLEDGE_REVISED,
    PLEDGE_WRITTEN_OFF,
    CONDITIONS_MET,
    CONTRIBUTION_CERTIFIED,
    CONTRIBUTION_REVERSED,
    UNAPPLIED_RECEIPTS_APPLIED,
    SEPARATE_GIFT_RECOGNISED,
    REVALUATION,
    IN_KIND_CERTIFIED,
    IN_KIND_REVERSED,
    TRANSFER_CERTIFIED,
    TRANSFER_REVERSED,
    TRAVEL_OBLIGATED,
    /** An obligation released: paid (the payment's journal follows) or cancelled before payment. */
    TRAVEL_OBLIGATION_RELEASED,
    TRAVEL_PAID,
    TRAVEL_PAYMENT_REVERSED,
    EXPENDITURE_CERTIFIED,
    EXPENDITURE_REVERSED,
    PSC_CHARGED,
    PSC_REVERSED
}
