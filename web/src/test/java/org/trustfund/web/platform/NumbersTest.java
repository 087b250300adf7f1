package org.trustfund.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.trustfund.money.Money;

class NumbersTest {

    @Test
    void amountsAreGroupedWithTheCurrencysDecimals() {
        assertEquals("USD 553,054.53", Numbers.amount(new BigDecimal("553054.53"), "USD", Locale.ENGLISH));
        assertEquals("EUR 30,000.00", Numbers.amount(new BigDecimal("30000.0000"), "EUR", Locale.ENGLISH));
        assertEquals("JPY 150,000", Numbers.money(Money.of("150000", "JPY"), Locale.ENGLISH));
        assertEquals("EUR 30\u202f000,00", Numbers.amount(new BigDecimal("30000"), "EUR", Locale.FRENCH));
    }

    @Test
    void ratesHaveAtLeastThreeDecimalsAndNoTrailingZerosBeyond() {
        assertEquals("0.9154", Numbers.rate(new BigDecimal("0.915400"), Locale.ENGLISH));
        assertEquals("6.700", Numbers.rate(new BigDecimal("6.7"), Locale.ENGLISH));
        assertEquals("6.700", Numbers.rate(new BigDecimal("6.700000"), Locale.ENGLISH));
        assertEquals("151.230", Numbers.rate(new BigDecimal("151.23"), Locale.ENGLISH));
        assertEquals("1,350.125", Numbers.rate(new BigDecimal("1350.125"), Locale.ENGLISH));
        assertEquals("0.123457", Numbers.rate(new BigDecimal("0.1234567"), Locale.ENGLISH));
        assertEquals("0,9154", Numbers.rate(new BigDecimal("0.915400"), Locale.FRENCH));
    }

    @Test
    void percentagesHaveAtMostTwoDecimals() {
        assertEquals("13", Numbers.percent(new BigDecimal("0.1300"), Locale.ENGLISH));
        assertEquals("12.5", Numbers.percent(new BigDecimal("0.125"), Locale.ENGLISH));
        assertEquals("12,75", Numbers.percent(new BigDecimal("0.1275"), Locale.FRENCH));
    }

    @Test
    void storedTextWithAmountsIsRewrittenForPeople() {
        assertEquals("2026-03-31 EUR 30,000.00; 2027-03-31 EUR 1,500.50",
                Numbers.moneyInText("2026-03-31 EUR 30000.0000; 2027-03-31 EUR 1500.5", Locale.ENGLISH));
        assertEquals("fund IGF 2025, donor 1234", Numbers.moneyInText("fund IGF 2025, donor 1234", Locale.ENGLISH),
                "only amounts after a currency code are rewritten");
    }
}
