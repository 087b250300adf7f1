/**
 * The general ledger: every financial event posts one balanced journal, in US dollars, that is never
 * changed or deleted. Balances and report figures are sums over journal lines; a correction is a
 * reversing journal. {@link org.trustfund.ledger.LedgerCheck} proves the books are consistent.
 */
package org.trustfund.ledger;
