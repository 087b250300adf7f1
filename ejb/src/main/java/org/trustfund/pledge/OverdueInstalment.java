package org.trustfund.pledge;

import java.io.Serializable;
import java.time.LocalDate;
import org.trustfund.money.Money;

/** An instalment past its due date that certified contributions have not fully paid. */
public record OverdueInstalment(long instalmentId, long pledgeId, long donorId, String donorName, String fundCode,
        int seq, LocalDate dueDate, Money amount, Money paid) implements Serializable {

    public Money open() {
        return amount.minus(paid);
    }
}
