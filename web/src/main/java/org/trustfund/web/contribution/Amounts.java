package org.trustfund.web.contribution;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.trustfund.money.CurrencyUnits;
import org.trustfund.money.Money;

/**
 * Reads amounts as officers type them and writes amounts and rates for people. An amount is always shown
 * with its ISO currency code, never a symbol, so a euro amount can never pass for dollars.
 */
public final class Amounts {

    /** Digits with an optional decimal point; an optional sign, so the service can say why a negative is refused. */
    private static final Pattern PLAIN = Pattern.compile("[-+]?\\d+(\\.\\d+)?|[-+]?\\.\\d+");
    /** English thousands separators are accepted only where they are unambiguous: 1,250,000.50. */
    private static final Pattern GROUPED = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u202f]+");

    private Amounts() {
    }

    /**
     * The number typed, or empty if the text is not a number. Spaces are ignored; a comma is read only as
     * an English thousands separator (1,250.50), never as a decimal comma, so "12,50" is refused rather
     * than read as 1250.
     */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = SPACES.matcher(text).replaceAll("");
        if (PLAIN.matcher(s).matches()) {
            return Optional.of(new BigDecimal(s));
        }
        if (GROUPED.matcher(s).matches()) {
            return Optional.of(new BigDecimal(s.replace(",", "")));
        }
        return Optional.empty();
    }

    public static boolean isBlank(String text) {
        return text == null || SPACES.matcher(text).replaceAll("").isEmpty();
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
        if (money == null) {
            return "";
        }
        return money.currencyCode() + " " + number(money.amount(), minorUnits(money.currencyCode()), locale);
    }

    /** A plain amount in the currency's minor units, without the code (for an input field). */
    public static String plain(Money money) {
        return money == null ? "" : money.amount().toPlainString();
    }

    /** A rate in units per US dollar, with as many decimals as it has (at most 6). */
    public static String rate(BigDecimal unitsPerUsd, Locale locale) {
        if (unitsPerUsd == null) {
            return "";
        }
        BigDecimal r = unitsPerUsd.stripTrailingZeros();
        int decimals = Math.min(Math.max(r.scale(), 0), 6);
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(locale));
        return format.format(unitsPerUsd);
    }

    private static String number(BigDecimal amount, int decimals, Locale locale) {
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(locale));
        format.setParseBigDecimal(true);
        return format.format(amount);
    }
}
