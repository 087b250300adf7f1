package org.trustfund.ledger;

import java.math.BigDecimal;

/**
 * One line of a journal as read: US dollar debit or credit, and the movement in the transaction's currency
 * (signed debit minus credit) with the pledge whose receivable it moves, where there are.
 */
public record JournalLineView(long id, Account account, BigDecimal debit, BigDecimal credit, String currency,
        BigDecimal currencyAmount, Long pledgeId) {
}
