package org.trustfund.expenditure;

import java.io.Serializable;
import java.time.LocalDate;
import org.trustfund.money.Money;

/** Other expenditure as typed. */
public record ExpenditureInput(long fundId, ExpenditureCategory category, LocalDate date, Money amount,
        String reference, String description, String staleRateReason) implements Serializable {
}
