package org.trustfund.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TypedNumberTest {

    private static final Locale EN = Locale.ENGLISH;
    private static final Locale EN_US = Locale.US;
    private static final Locale EN_GB = Locale.UK;
    private static final Locale FR = Locale.FRENCH;

    private static void reads(String text, Locale locale, String expected) {
        TypedNumber.Reading r = TypedNumber.read(text, locale);
        assertTrue(r.ok(), () -> text + " in " + locale + " refused: " + r.refusalKey());
        assertEquals(new BigDecimal(expected), r.value(), text + " in " + locale);
        assertEquals(new BigDecimal(expected).scale(), r.value().scale(), "keeps the decimals typed: " + text);
    }

    private static void refuses(String text, Locale locale, String key) {
        TypedNumber.Reading r = TypedNumber.read(text, locale);
        assertFalse(r.ok(), () -> text + " in " + locale + " read as " + r.value());
        assertNull(r.value());
        assertEquals(key, r.refusalKey(), text + " in " + locale);
    }

    @Test
    void englishReadsPlainDigitsAndItsOwnGroupingInEveryVariant() {
        for (Locale en : new Locale[] {EN, EN_US, EN_GB}) {
            reads("30000", en, "30000");
            reads("30000.00", en, "30000.00");
            reads("30,000.00", en, "30000.00");
            reads("1,250,000.50", en, "1250000.50");
            reads("1,234", en, "1234");
            reads(" 30 000.50 ", en, "30000.50");
            reads("-5", en, "-5");
            reads("+5.5", en, "5.5");
            reads(".5", en, "0.5");
        }
    }

    @Test
    void englishRefusesADecimalCommaInsteadOfReadingItAsGrouping() {
        refuses("10,5", EN, "number.decimalMark");
        refuses("1,25", EN, "number.decimalMark");
        refuses("10000,50", EN, "number.decimalMark");
        refuses("1.234,5", EN, "number.decimalMark");
        refuses("1,23,456", EN, "number.grouping");
        refuses("30,00,000.00", EN_US, "number.grouping");
        refuses("1 23.5", EN, "number.grouping");
    }

    @Test
    void frenchReadsTheDecimalCommaAndEverySpaceThePagesGroupWith() {
        reads("10000,50", FR, "10000.50");
        reads("10 000,50", FR, "10000.50");
        reads("30\u00a0000,00", FR, "30000.00");
        reads("30\u202f000,00", FR, "30000.00");
        reads("1\u202f250\u202f000", FR, "1250000");
        reads(",5", FR, "0.5");
        reads("-12,5", FR, "-12.5");
    }

    @Test
    void frenchRefusesADotWhichCouldBeAThousandOrOne() {
        refuses("1.234", FR, "number.decimalMark");
        refuses("10000.50", FR, "number.decimalMark");
        refuses("10.000,50", FR, "number.decimalMark");
        refuses("10 00,5", FR, "number.grouping");
    }

    @Test
    void whatFormatsAsAPageShowsItReadsBackTheSame() {
        BigDecimal amount = new BigDecimal("1234567.89");
        for (Locale locale : new Locale[] {EN, EN_US, FR, Locale.FRANCE}) {
            String shown = Numbers.input(amount, locale);
            reads(shown, locale, "1234567.89");
        }
    }

    @Test
    void refusesWhatIsNotANumber() {
        for (String text : new String[] {"abc", "1e3", "12.5.1", "EUR 10", "--5", "5-", "12.", "1 2 3", "٣"}) {
            assertFalse(TypedNumber.read(text, EN).ok(), text);
            assertFalse(TypedNumber.read(text, FR).ok(), text);
        }
        refuses("", EN, "number.required");
        refuses("  ", FR, "number.required");
        refuses(null, EN, "number.required");
    }

    @Test
    void theMessageArgumentsAreTheLanguagesDecimalMarkAndAnExample() {
        assertEquals(".", TypedNumber.read("10,5", EN).arguments()[0]);
        assertEquals("30,000.50", TypedNumber.read("10,5", EN).arguments()[1]);
        assertEquals(",", TypedNumber.read("10.5", FR).arguments()[0]);
    }
}
