package org.trustfund.web.contribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trustfund.money.Money;

class AmountsTest {

    @Test
    void readsPlainAndUnambiguouslyGroupedNumbers() {
        assertEquals(Optional.of(new BigDecimal("1250.50")), Amounts.parse("1250.50", Locale.ENGLISH));
        assertEquals(Optional.of(new BigDecimal("1250.50")), Amounts.parse(" 1 250.50 ", Locale.ENGLISH));
        assertEquals(Optional.of(new BigDecimal("1250000.50")), Amounts.parse("1,250,000.50", Locale.ENGLISH));
        assertEquals(Optional.of(new BigDecimal("-5")), Amounts.parse("-5", Locale.ENGLISH), "the service says why a negative is refused");
        assertEquals(Optional.of(new BigDecimal("0.5")), Amounts.parse(".5", Locale.ENGLISH));
    }

    @Test
    void refusesWhatIsNotANumberRatherThanGuessing() {
        for (String text : new String[] {"abc", "12,50", "1.250,50", "1,25", "1e3", "12.5.1", "EUR 10", "", " ", "--5", "1,25,0"}) {
            assertTrue(Amounts.parse(text, Locale.ENGLISH).isEmpty(), text);
        }
        assertTrue(Amounts.parse(null, Locale.ENGLISH).isEmpty());
    }

    @Test
    void knowsEachCurrencysMinorUnits() {
        assertTrue(Amounts.fitsCurrency(new BigDecimal("10.50"), "EUR"));
        assertTrue(Amounts.fitsCurrency(new BigDecimal("10.500"), "EUR"), "trailing zeros are harmless");
        assertFalse(Amounts.fitsCurrency(new BigDecimal("10.555"), "EUR"));
        assertFalse(Amounts.fitsCurrency(new BigDecimal("10.5"), "JPY"));
        assertTrue(Amounts.fitsCurrency(new BigDecimal("10.555"), "KWD"));
    }

    @Test
    void xdrHasTheMinorUnitsMoneyHas() {
        // Java reports -1 digits for XDR; the page reads it as Money and the API do, from one source.
        assertEquals(0, Amounts.minorUnits("XDR"));
        assertFalse(Amounts.fitsCurrency(new BigDecimal("100.50"), "XDR"));
        assertTrue(Amounts.fitsCurrency(new BigDecimal("100"), "XDR"));
        assertEquals("XDR 1,500", Amounts.money(Money.of("1500", "XDR"), Locale.ENGLISH));
    }

    @Test
    void writesTheIsoCodeNeverASymbol() {
        assertEquals("EUR 1,500.00", Amounts.money(Money.of("1500.00", "EUR"), Locale.ENGLISH));
        assertEquals("JPY 150,000", Amounts.money(Money.of("150000", "JPY"), Locale.ENGLISH));
        assertEquals("USD -0.01", Amounts.money(Money.of("-0.01", "USD"), Locale.ENGLISH));
        String french = Amounts.money(Money.of("1500.00", "EUR"), Locale.FRENCH);
        assertTrue(french.startsWith("EUR 1") && french.endsWith("500,00"), french);
    }

    @Test
    void writesRatesWithTheirOwnDecimals() {
        assertEquals("0.880", Amounts.rate(new BigDecimal("0.880000"), Locale.ENGLISH));
        assertEquals("147.385", Amounts.rate(new BigDecimal("147.385000"), Locale.ENGLISH));
        assertEquals("1,234.000", Amounts.rate(new BigDecimal("1234.000000"), Locale.ENGLISH));
        assertEquals("0,925", Amounts.rate(new BigDecimal("0.925000"), Locale.FRENCH));
        assertEquals("0.9154", Amounts.rate(new BigDecimal("0.915400"), Locale.ENGLISH));
    }
}
