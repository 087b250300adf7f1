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
    REVALUATION
}
