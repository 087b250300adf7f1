package org.trustfund.web.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PercentTest {

    @Test
    void aTypedPercentageBecomesTheStoredFractionAndBack() {
        assertEquals(0, new BigDecimal("0.13").compareTo(Percent.toFraction(new BigDecimal("13"))));
        assertEquals(0, new BigDecimal("0.1275").compareTo(Percent.toFraction(new BigDecimal("12.75"))));
        assertEquals("13", Percent.fromFraction(new BigDecimal("0.1300")).toPlainString());
        assertNull(Percent.toFraction(null));
    }

    @Test
    void showsThePercentageInTheReadersLanguage() {
        assertEquals("13", Percent.number(new BigDecimal("0.1300"), Locale.ENGLISH));
        assertEquals("12.5", Percent.number(new BigDecimal("0.1250"), Locale.ENGLISH));
        assertEquals("12,5", Percent.number(new BigDecimal("0.1250"), Locale.FRENCH));
        assertEquals("0", Percent.number(new BigDecimal("0.0000"), Locale.ENGLISH));
    }

    @Test
    void aPercentageHasAtMostTwoDecimals() {
        assertTrue(Percent.hasAllowedScale(new BigDecimal("12.50")));
        assertTrue(Percent.hasAllowedScale(new BigDecimal("12.75")));
        assertFalse(Percent.hasAllowedScale(new BigDecimal("12.755")));
    }
}
