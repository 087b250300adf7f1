/**
 * The general ledger: every financial event posts one balanced journal, in US dollars, that is never
 * changed or deleted. Balances and report figures are sums over journal lines; a correction is a
 * reversing journal. {@link org.trustfund.ledger.LedgerCheck} proves the books are consistent.
 *
 * <p>Read side, for people: {@link org.trustfund.ledger.TrialBalance} (one SQL aggregate per fund and period) and
 * {@link org.trustfund.ledger.JournalService} (journals filtered and paged in the database, their lines in keyset
 * chunks for exports), written as xlsx by {@link org.trustfund.ledger.LedgerWorkbooks}; plain SQL, never entities.
 */
package org.trustfund.ledger;
