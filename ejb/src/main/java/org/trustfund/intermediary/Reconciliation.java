package org.trustfund.intermediary;

import org.trustfund.money.Money;

/**
 * Whether a transfer adds up: gross − fees − net (null while the net is not known) and the gifts − gross. A
 * transfer is certified only when both are zero.
 */
public record Reconciliation(Money gross, Money fees, Money net, Money gifts, Money feesDifference,
        Money giftsDifference) {

    public boolean reconciles() {
        return net != null && feesDifference != null && feesDifference.isZero() && giftsDifference.isZero();
    }
}
