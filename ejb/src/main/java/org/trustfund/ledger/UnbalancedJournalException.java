package org.trustfund.ledger;

import java.math.BigDecimal;

/** A programming error: a journal whose debits and credits differ must never be posted. */
public class UnbalancedJournalException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public UnbalancedJournalException(String what, BigDecimal debits, BigDecimal credits) {
        super("Unbalanced journal '" + what + "': debits " + debits.toPlainString() + " ≠ credits " + credits.toPlainString());
    }
}
