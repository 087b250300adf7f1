package org.trustfund.web.reference;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Rates such as the programme support cost are kept as fractions (0.13) and shown and typed as percentages
 * (13%). A percentage has at most two decimals, as the fraction is kept to four.
 */
public final class Percent {

    public static final int MAX_DECIMALS = 2;

    private Percent() {
    }

    /** The fraction for a typed percentage, or null for null. */
    public static BigDecimal toFraction(BigDecimal percent) {
        return percent == null ? null : percent.movePointLeft(2);
    }

    public static BigDecimal fromFraction(BigDecimal fraction) {
        return fraction == null ? null : fraction.movePointRight(2).stripTrailingZeros();
    }

    /** Whether a typed percentage keeps to two decimals (12.5 and 12.75 do, 12.755 does not). */
    public static boolean hasAllowedScale(BigDecimal percent) {
        return percent == null || percent.stripTrailingZeros().scale() <= MAX_DECIMALS;
    }

    /** The number of a percentage in the reader's language, e.g. 13, 12.5 or 12,5; the sign is the bundle's. */
    public static String number(BigDecimal fraction, Locale locale) {
        if (fraction == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(MAX_DECIMALS);
        return format.format(fromFraction(fraction));
    }
}
