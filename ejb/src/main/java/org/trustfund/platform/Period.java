package org.trustfund.platform;

import java.time.LocalDate;

/** The rule every list with a date range follows: the range runs forwards (an open end is fine). */
public final class Period {

    private Period() {
    }

    /**
     * @throws BusinessException {@code period.reversed} on the field {@code from}, as the ledger's periods do, if
     *     {@code from} is after {@code to}: a reversed range is a mistake to show, not an empty list
     */
    public static void requireOrdered(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new BusinessException("from", "period.reversed", from, to);
        }
    }
}
