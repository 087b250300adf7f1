package org.trustfund.pledge;

import java.io.Serializable;
import java.time.LocalDate;
import org.trustfund.money.Money;

/** One line of the pledge list: the pledge's columns and what it still owes, read without loading the pledge. */
public record PledgeRow(long id, long donorId, String donor, String fund, Money amount, int firstYear, int lastYear,
        PledgeStatus status, LocalDate pledgedOn, LocalDate agreementDate, Money outstanding) implements Serializable {
}
