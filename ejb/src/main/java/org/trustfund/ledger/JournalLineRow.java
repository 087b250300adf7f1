package org.trustfund.ledger;

/** One line of an export: the journal it belongs to and the line. */
public record JournalLineRow(JournalSummary journal, JournalLineView line) {
}
