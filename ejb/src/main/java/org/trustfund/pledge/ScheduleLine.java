package org.trustfund.pledge;

import java.io.Serializable;
import java.time.LocalDate;
import org.trustfund.money.Money;

/** One instalment as typed: when it is due and how much. */
public record ScheduleLine(LocalDate dueDate, Money amount) implements Serializable {

    @Override
    public String toString() {
        return dueDate + " " + amount;
    }
}
