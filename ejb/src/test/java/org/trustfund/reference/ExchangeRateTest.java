package org.trustfund.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** When a rate is too old for a date: UN operational rates are set monthly. */
class ExchangeRateTest {

    private static ExchangeRate rate(String effective) {
        return new ExchangeRate("DKK", LocalDate.parse(effective), new BigDecimal("6.850000"),
                Instant.parse("2026-01-01T00:00:00Z"), "admin");
    }

    @Test
    void aRateOfAnEarlierMonthIsStale() {
        assertTrue(rate("2023-03-01").isStaleOn(LocalDate.parse("2026-12-02")));
        assertTrue(rate("2026-11-30").isStaleOn(LocalDate.parse("2026-12-01")), "even the last day of the month before");
        assertEquals(45, rate("2023-03-01").monthsBefore(LocalDate.parse("2026-12-02")));
    }

    @Test
    void theMonthsRateAndItsMidMonthRevisionAreNot() {
        assertFalse(rate("2026-12-01").isStaleOn(LocalDate.parse("2026-12-01")));
        assertFalse(rate("2026-12-01").isStaleOn(LocalDate.parse("2026-12-31")));
        assertFalse(rate("2026-12-15").isStaleOn(LocalDate.parse("2026-12-20")), "a mid-month revision is the rate in force");
        assertEquals(0, rate("2026-12-15").monthsBefore(LocalDate.parse("2026-12-20")));
    }
}
