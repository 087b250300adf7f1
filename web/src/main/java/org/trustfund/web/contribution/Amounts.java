package org.trustfund.web.contribution;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import org.trustfund.money.CurrencyUnits;
import org.trustfund.money.Money;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.platform.Numbers;
import org.trustfund.web.platform.TypedNumber;

/**
 * Reads amounts as officers type them and writes amounts and rates for people. An amount is always shown
 * with its ISO currency code, never a symbol, so a euro amount can never pass for dollars.
 */
public final class Amounts {

    private Amounts() {
    }

    /** The number typed in the page's language ({@link TypedNumber}), or empty if it is refused. */
    public static Optional<BigDecimal> parse(String text, Locale locale) {
        if (TypedNumber.isBlank(text)) {
            return Optional.empty();
        }
        TypedNumber.Reading reading = TypedNumber.read(text, locale);
        return reading.ok() ? Optional.of(reading.value()) : Optional.empty();
    }

    /** Why the text is not a number, in the page's language, or null if it is one. */
    public static String refusal(String text, Locale locale) {
        TypedNumber.Reading reading = TypedNumber.read(text, locale);
        return reading.ok() ? null : Messages.text(locale, reading.refusalKey(), reading.arguments());
    }

    public static boolean isBlank(String text) {
        return TypedNumber.isBlank(text);
    }

    /** Whether the amount fits the currency's minor units (2 for EUR, 0 for JPY), as the currency table says. */
    public static boolean fitsCurrency(BigDecimal amount, String currencyCode) {
        return CurrencyUnits.fits(amount, currencyCode);
    }

    public static int minorUnits(String currencyCode) {
        return CurrencyUnits.of(currencyCode);
    }

    /** E.g. {@code EUR 1,500.00} in English, {@code EUR 1 500,00} in French. */
    public static String money(Money money, Locale locale) {
        return Numbers.money(money, locale);
    }

    /** An amount to put back into an input field, in the page's language (read back by {@link #parse}). */
    public static String input(Money money, Locale locale) {
        return money == null ? "" : Numbers.input(money.amount(), locale);
    }

    /** A rate in units per US dollar, as {@link Numbers#rate} writes every rate. */
    public static String rate(BigDecimal unitsPerUsd, Locale locale) {
        return Numbers.rate(unitsPerUsd, locale);
    }
}
