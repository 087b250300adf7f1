package org.trustfund.reference;

import java.time.LocalDate;
import java.time.YearMonth;
import org.trustfund.platform.BusinessException;

/**
 * The rate in force on a date is older than that month's, and no reason to use it was given. Not a broken rule:
 * the same call goes through with a reason, so the pages ask for one and the API answers 422.
 */
public class StaleRateException extends BusinessException {

    private static final long serialVersionUID = 1L;

    /** Names the currency, the date's month (yyyy-mm) and the latest rate's date; {@code field} holds the date. */
    public StaleRateException(String field, ExchangeRate rate, LocalDate date) {
        super(field, "rate.stale", rate.getCurrency(), YearMonth.from(date).toString(),
                rate.getEffectiveDate().toString());
    }
}
