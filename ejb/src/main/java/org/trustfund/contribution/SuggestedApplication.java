package org.trustfund.contribution;

import java.io.Serializable;
import java.time.LocalDate;
import org.trustfund.money.Money;

/** An open instalment a contribution could pay, with the amount the oldest-first rule suggests. */
public record SuggestedApplication(long instalmentId, long pledgeId, int seq, LocalDate dueDate, Money instalmentAmount,
        Money open, Money suggested) implements Serializable {
}
