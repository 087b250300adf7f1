package org.trustfund.pledge;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.trustfund.money.Money;

/** A new pledge as a finance officer enters it. */
public record PledgeInput(long donorId, long fundId, Money amount, String purpose, int firstYear, int lastYear,
        LocalDate pledgedOn, List<ScheduleLine> schedule) implements Serializable {
}
