package org.trustfund.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void addsAndSubtractsExactlyInOneCurrency() {
        Money a = Money.of("0.10", "USD");
        Money b = Money.of("0.20", "USD");
        assertEquals(Money.of("0.30", "USD"), a.plus(b));
        assertEquals(Money.of("-0.10", "USD"), a.minus(b));
        assertEquals(0, new BigDecimal("0.30").compareTo(a.plus(b).amount()));
    }

    @Test
    void refusesToMixCurrencies() {
        Money usd = Money.of("10.00", "USD");
        Money eur = Money.of("10.00", "EUR");
        assertThrows(CurrencyMismatchException.class, () -> usd.plus(eur));
        assertThrows(CurrencyMismatchException.class, () -> usd.minus(eur));
        assertThrows(CurrencyMismatchException.class, () -> usd.compareTo(eur));
        assertFalse(usd.equals(eur));
    }

    @Test
    void aCurrencyWithoutIsoMinorUnitsHasNoneUntilTheCurrencyTableSaysOtherwise() {
        // Java reports -1 for XDR; the currency table records 0 for it by default, and Money agrees.
        assertEquals(-1, java.util.Currency.getInstance("XDR").getDefaultFractionDigits());
        assertEquals(0, CurrencyUnits.isoDefault(java.util.Currency.getInstance("XDR")));
        assertEquals(0, CurrencyUnits.of("XDR"));
        assertThrows(IllegalArgumentException.class, () -> Money.of("100.50", "XDR"));
        assertEquals("100", Money.of("100", "XDR").amount().toPlainString());
        assertFalse(CurrencyUnits.fits(new BigDecimal("100.50"), "XDR"));
        assertTrue(CurrencyUnits.fits(new BigDecimal("100.00"), "XDR"), "trailing zeros are harmless");
    }

    @Test
    void keepsTheCurrencysMinorUnits() {
        assertEquals("2", Money.of("2", "JPY").amount().toPlainString());
        assertEquals("2.00", Money.of("2", "USD").amount().toPlainString());
        assertEquals("2.000", Money.of("2", "KWD").amount().toPlainString());
        assertEquals(Money.of("2.0", "USD"), Money.of("2.00", "USD"));
        assertEquals(Money.of("2.0", "USD").hashCode(), Money.of("2.00", "USD").hashCode());
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHas() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Money.of("1.005", "USD"));
        assertTrue(e.getMessage().contains("USD"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Money.of("1.5", "JPY"));
    }

    @Test
    void refusesUnknownCurrency() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("1.00", "XYZ"));
        assertThrows(IllegalArgumentException.class, () -> Money.of("1.00", "usd"));
        assertThrows(IllegalArgumentException.class, () -> Money.of("1.00", null));
    }

    @Test
    void roundsOnlyWhenAskedAndAsAsked() {
        Money base = Money.of("100.00", "USD");
        BigDecimal rate = new BigDecimal("0.125");
        assertEquals(Money.of("12.50", "USD"), base.times(rate, RoundingMode.UNNECESSARY));
        Money odd = Money.of("0.05", "USD");
        assertEquals(Money.of("0.02", "USD"), odd.times(new BigDecimal("0.5"), RoundingMode.HALF_EVEN));
        assertEquals(Money.of("0.03", "USD"), odd.times(new BigDecimal("0.5"), RoundingMode.HALF_UP));
        assertThrows(ArithmeticException.class, () -> odd.times(new BigDecimal("0.5"), RoundingMode.UNNECESSARY));
    }

    @Test
    void dividesWithNamedRounding() {
        // 1,000 EUR at an operational rate of 0.9200 EUR per USD.
        Money eur = Money.of("1000.00", "EUR");
        assertEquals(new BigDecimal("1086.96"), eur.dividedBy(new BigDecimal("0.9200"), RoundingMode.HALF_UP).amount());
        assertEquals(new BigDecimal("1086.95"), eur.dividedBy(new BigDecimal("0.9200"), RoundingMode.DOWN).amount());
    }

    @Test
    void convertsWithOneExactRoundingToTheTargetsMinorUnits() {
        java.util.Currency usd = Money.currency("USD");
        // JPY has no minor unit; the dollar result still has cents.
        assertEquals(Money.of("66.89", "USD"), Money.of("10000", "JPY").convertedTo(usd, new BigDecimal("149.500000"), RoundingMode.HALF_UP));
        // 0.125 exactly halfway: HALF_UP goes up, HALF_EVEN to the even cent.
        assertEquals(Money.of("0.13", "USD"), Money.of("1.00", "EUR").convertedTo(usd, new BigDecimal("8"), RoundingMode.HALF_UP));
        assertEquals(Money.of("0.12", "USD"), Money.of("1.00", "EUR").convertedTo(usd, new BigDecimal("8"), RoundingMode.HALF_EVEN));
        assertThrows(IllegalArgumentException.class,
                () -> Money.of("1.00", "EUR").convertedTo(usd, BigDecimal.ZERO, RoundingMode.HALF_UP));
    }

    @Test
    void allocatesWithoutLosingACent() {
        List<Money> parts = Money.of("100.00", "USD").allocate(3);
        assertEquals(List.of(Money.of("33.34", "USD"), Money.of("33.33", "USD"), Money.of("33.33", "USD")), parts);
        Money sum = parts.stream().reduce(Money.zero("USD"), Money::plus);
        assertEquals(Money.of("100.00", "USD"), sum);
    }

    @Test
    void allocatesByWeightsAndKeepsTheSign() {
        List<Money> parts = Money.of("-10.00", "EUR").allocate(List.of(new BigDecimal("1"), new BigDecimal("2")));
        assertEquals(List.of(Money.of("-3.34", "EUR"), Money.of("-6.66", "EUR")), parts);
        List<Money> skipZero = Money.of("0.01", "USD").allocate(List.of(BigDecimal.ZERO, BigDecimal.ONE));
        assertEquals(List.of(Money.zero("USD"), Money.of("0.01", "USD")), skipZero);
    }

    @Test
    void comparesWithinACurrency() {
        Money small = Money.of("5.00", "USD");
        Money big = Money.of("7.00", "USD");
        assertTrue(big.isGreaterThan(small));
        assertTrue(small.isLessThan(big));
        assertEquals(small, small.min(big));
        assertTrue(small.negate().isNegative());
        assertEquals(small, small.negate().abs());
        assertTrue(Money.zero("EUR").isZero());
    }

    @Test
    void printsTheCodeNotASymbol() {
        assertEquals("EUR 1234.50", Money.of("1234.5", "EUR").toString());
    }
}
