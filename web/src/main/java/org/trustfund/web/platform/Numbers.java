package org.trustfund.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trustfund.money.CurrencyUnits;
import org.trustfund.money.Money;

/**
 * One way of writing each kind of number, on every page: {@code #{numbers.money(p.amount)}}.
 * <ul>
 * <li>an amount: grouped, with its currency's own decimals and its ISO code in front ({@code EUR 30,000.00},
 * {@code EUR 30 000,00} in French), never a symbol;</li>
 * <li>a rate of exchange (units per US dollar): as the UN table gives it, with at least three decimals and at
 * most six, trailing zeros beyond the third dropped ({@code 0.9154}, {@code 6.700}, {@code 151.230});</li>
 * <li>a percentage: at most two decimals ({@code 13}, {@code 12.5}).</li>
 * </ul>
 * The language is the page's. Figures typed into a field are shown with {@link #input}, which the typing
 * rules of {@link TypedNumber} read back.
 */
@Named
@ApplicationScoped
public class Numbers {

    public static final int RATE_MIN_DECIMALS = 3;
    public static final int RATE_MAX_DECIMALS = 6;
    private static final Pattern MONEY_IN_TEXT = Pattern.compile("\\b([A-Z]{3}) (-?\\d+(?:\\.\\d+)?)\\b");

    public String money(Money money) {
        return money(money, locale());
    }

    public String amount(BigDecimal amount, String currency) {
        return amount(amount, currency, locale());
    }

    public String usd(BigDecimal usd) {
        return amount(usd, "USD", locale());
    }

    public String rate(BigDecimal unitsPerUsd) {
        return rate(unitsPerUsd, locale());
    }

    /** A fraction (0.13) as a percentage number (13), without the sign, which the bundle places. */
    public String percent(BigDecimal fraction) {
        return percent(fraction, locale());
    }

    /** Text written with {@code Money.toString()} (e.g. a stored schedule) with its amounts written for people. */
    public String moneyInText(String text) {
        return moneyInText(text, locale());
    }

    public static String money(Money money, Locale locale) {
        return money == null ? "" : amount(money.amount(), money.currencyCode(), locale);
    }

    /** {@code EUR 30,000.00}: the code, then the amount grouped with the currency's decimals. */
    public static String amount(BigDecimal amount, String currency, Locale locale) {
        if (amount == null) {
            return "";
        }
        return currency + " " + number(amount, minorUnits(amount, currency), locale);
    }

    public static String rate(BigDecimal unitsPerUsd, Locale locale) {
        if (unitsPerUsd == null) {
            return "";
        }
        int decimals = Math.min(Math.max(unitsPerUsd.stripTrailingZeros().scale(), RATE_MIN_DECIMALS), RATE_MAX_DECIMALS);
        return number(unitsPerUsd.setScale(decimals, RoundingMode.HALF_EVEN), decimals, locale);
    }

    public static String percent(BigDecimal fraction, Locale locale) {
        if (fraction == null) {
            return "";
        }
        BigDecimal percent = fraction.movePointRight(2).stripTrailingZeros();
        int decimals = Math.min(Math.max(percent.scale(), 0), 2);
        return number(percent.setScale(decimals, RoundingMode.HALF_EVEN), decimals, locale);
    }

    /** A figure to put back into an input: the language's decimal mark, the decimals it has, no grouping (easier to edit). */
    public static String input(BigDecimal value, Locale locale) {
        if (value == null) {
            return "";
        }
        int decimals = Math.max(value.scale(), 0);
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "0" : "0." + "0".repeat(decimals), DecimalFormatSymbols.getInstance(locale));
        return format.format(value);
    }

    public static String moneyInText(String text, Locale locale) {
        if (text == null) {
            return "";
        }
        Matcher m = MONEY_IN_TEXT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            try {
                // Only a real currency code: "IGF 2025" (a fund code and a year) stays as written.
                int decimals = CurrencyUnits.of(java.util.Currency.getInstance(m.group(1)));
                replacement = m.group(1) + " " + number(new BigDecimal(m.group(2)), decimals, locale);
            } catch (RuntimeException e) {
                replacement = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Grouped, with exactly {@code decimals} decimals. */
    public static String number(BigDecimal value, int decimals, Locale locale) {
        DecimalFormat format = new DecimalFormat(decimals <= 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(locale));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(value);
    }

    private static int minorUnits(BigDecimal amount, String currency) {
        try {
            return CurrencyUnits.of(currency);
        } catch (RuntimeException e) {
            // A code the table does not know (an old record): show the decimals it has.
            return Math.max(amount.stripTrailingZeros().scale(), 0);
        }
    }

    public static Locale locale() {
        FacesContext fc = FacesContext.getCurrentInstance();
        return fc != null && fc.getViewRoot() != null ? fc.getViewRoot().getLocale() : Locale.ENGLISH;
    }
}
