package org.trustfund.pledge;

import java.io.Serializable;
import org.trustfund.money.Money;

/**
 * A pledge with what certified contributions have paid on it and what of it is overdue, for lists and donor
 * statements.
 */
public record PledgeSummary(Pledge pledge, Money paid, Money overdue) implements Serializable {

    /** What the donor still owes; nothing once paid or written off. */
    public Money outstanding() {
        return outstanding(pledge.getStatus(), pledge.getAmount(), paid);
    }

    /** The rule of {@link #outstanding()}, for lists that read a pledge's columns rather than the pledge. */
    public static Money outstanding(PledgeStatus status, Money amount, Money paid) {
        return status.isOpen() ? amount.minus(paid) : Money.zero(amount.currency());
    }

    /** Outstanding under a signed agreement: a receivable. An unsigned pledge's balance is memo only. */
    public boolean isReceivable() {
        return pledge.isAgreementSigned() && outstanding().isPositive();
    }
}
