package org.trustfund.ledger;

import java.math.BigDecimal;

/**
 * One account of a trial balance, in US dollars. Balances are signed debit minus credit (a credit balance is
 * negative), so they add up across accounts; {@link #closingOnNormalSide()} shows the closing balance the way
 * the account is read (a liability or revenue account's credit balance as a positive amount).
 *
 * @param opening debits less credits of every journal dated before the period
 * @param debits the debits of journals dated in the period
 * @param credits the credits of journals dated in the period
 */
public record TrialBalanceRow(Account account, BigDecimal opening, BigDecimal debits, BigDecimal credits) {

    public Account.Kind kind() {
        return account.kind();
    }

    /** Debits less credits at the end of the period. */
    public BigDecimal closing() {
        return opening.add(debits).subtract(credits);
    }

    public BigDecimal openingOnNormalSide() {
        return account.isDebitNormal() ? opening : opening.negate();
    }

    /** The closing balance on the account's normal side: positive when it stands where the account grows. */
    public BigDecimal closingOnNormalSide() {
        return account.isDebitNormal() ? closing() : closing().negate();
    }

    /** "DEBIT" or "CREDIT": the side the account grows on. */
    public String normalSide() {
        return account.isDebitNormal() ? "DEBIT" : "CREDIT";
    }
}
