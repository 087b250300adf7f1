package org.trustfund.ledger;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.UnknownRecordException;
import org.trustfund.reference.Fund;

/**
 * The inputs every ledger read checks, in one place: the fund exists, and the period runs forwards. A period
 * left open defaults, for the pages and the API alike, to the current year up to today (UTC).
 */
public final class LedgerPeriod {

    private LedgerPeriod() {
    }

    public static LocalDate defaultFrom(Clock clock) {
        return LocalDate.now(clock).withDayOfYear(1);
    }

    public static LocalDate defaultTo(Clock clock) {
        return LocalDate.now(clock);
    }

    /** @throws BusinessException {@code ledger.period.reversed} if {@code from} is after {@code to} */
    static void requireOrdered(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new BusinessException("from", "ledger.period.reversed", from, to);
        }
    }

    /** @throws BusinessException {@code fund.unknown} (no field: the API answers 404) if there is no such fund */
    static Fund requireFund(EntityManager em, long fundId) {
        Fund fund = em.find(Fund.class, fundId);
        if (fund == null) {
            throw new UnknownRecordException("fund.unknown", fundId);
        }
        return fund;
    }
}
