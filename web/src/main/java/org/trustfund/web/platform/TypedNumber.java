package org.trustfund.web.platform;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a number as a person types it in their language, and refuses with a reason what could be read two
 * ways; it never guesses.
 * <ul>
 * <li>English: "30000.50", "30,000.50" and "30 000.50" are 30000.50; "1,234" is 1234 (a comma is only ever a
 * thousands separator); "10,5" is refused ("use . for decimals"), so is "1.234,5".</li>
 * <li>French: "10000,50", "10 000,50" (space, no-break space or narrow no-break space, as French pages show
 * amounts) are 10000.50; a dot is refused, as "1.234" may be a thousand or one.</li>
 * <li>Both: a sign in front, digits grouped by three only; letters, exponents and two decimal marks are
 * refused.</li>
 * </ul>
 * The number keeps the decimals typed ("30,000.00" has scale 2), so a currency's minor units can be checked.
 */
public final class TypedNumber {

    /** Spaces people and pages put between thousands: space, no-break space, narrow no-break space, thin space. */
    private static final String SPACE_CHARS = " \\u00a0\\u202f\\u2009";
    private static final Pattern SPACES = Pattern.compile("[" + SPACE_CHARS + "]+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern COMMA_GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+");
    private static final Pattern SPACE_GROUPED = Pattern.compile("\\d{1,3}([" + SPACE_CHARS + "]\\d{3})+");

    /** What was read: a number, or the bundle key (and its arguments) saying why not. */
    public record Reading(BigDecimal value, String refusalKey, Object... arguments) {
        public boolean ok() {
            return refusalKey == null;
        }
    }

    private TypedNumber() {
    }

    public static boolean isBlank(String text) {
        return text == null || text.isBlank() || SPACES.matcher(text).replaceAll("").isBlank();
    }

    /** The number typed, or why it is refused; blank text is refused as {@code number.required}. */
    public static Reading read(String text, Locale locale) {
        if (isBlank(text)) {
            return refused("number.required", locale);
        }
        char decimal = decimalMark(locale);
        boolean english = decimal == '.';
        String s = SPACES.matcher(text).replaceAll(" ").strip();
        String sign = "";
        if (!s.isEmpty() && "+-\u2212".indexOf(s.charAt(0)) >= 0) {
            sign = s.charAt(0) == '+' ? "" : "-";
            s = s.substring(1);
        }
        if (s.isEmpty() || !s.chars().allMatch(c -> isAsciiDigit(c) || c == '.' || c == ',' || c == ' ')) {
            return refused("number.invalid", locale);
        }
        if (!english && s.indexOf('.') >= 0) {
            return refused("number.decimalMark", locale);
        }
        int point = s.indexOf(decimal);
        String whole = point < 0 ? s : s.substring(0, point);
        String fraction = point < 0 ? "" : s.substring(point + 1);
        if (point >= 0 && !DIGITS.matcher(fraction).matches()) {
            // "1.234,5" in English: a comma after the decimal point is a French number.
            return refused(english && fraction.indexOf(',') >= 0 ? "number.decimalMark" : "number.invalid", locale);
        }
        if (whole.isEmpty()) {
            whole = "0";
        } else if (!DIGITS.matcher(whole).matches()) {
            boolean grouped = SPACE_GROUPED.matcher(whole).matches() || english && COMMA_GROUPED.matcher(whole).matches();
            if (!grouped) {
                // "10,5" in English is a decimal comma, not a thousands separator: say so rather than read 105.
                boolean decimalComma = english && whole.chars().filter(c -> c == ',').count() == 1 && point < 0;
                return refused(decimalComma ? "number.decimalMark" : "number.grouping", locale);
            }
            whole = whole.replaceAll("[^0-9]", "");
        }
        return new Reading(new BigDecimal(sign + whole + (point >= 0 ? "." + fraction : "")), null);
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** The decimal mark of the language: "." in English, "," in French. */
    public static char decimalMark(Locale locale) {
        return DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
    }

    private static Reading refused(String key, Locale locale) {
        char decimal = decimalMark(locale);
        return new Reading(null, key, String.valueOf(decimal), decimal == ',' ? "30 000,50" : "30,000.50");
    }
}
