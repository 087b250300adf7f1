package org.trustfund.reference;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The six official languages of the United Nations, in which the fund writes to donors; by ISO 639-1 code. */
public enum UnLanguage {
    ARABIC("ar"), ENGLISH("en"), SPANISH("es"), FRENCH("fr"), RUSSIAN("ru"), CHINESE("zh");

    private final String code;

    UnLanguage(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /**
     * The locale to write figures in for a reader of {@code locale}: Arabic with Western digits (0–9), as the UN's
     * Arabic documents write them (Java's Arabic would use Arabic-Indic digits, beside dates in Western ones); any
     * other language as it is.
     */
    public static Locale forFigures(Locale locale) {
        return "ar".equals(locale.getLanguage()) && locale.getUnicodeLocaleType("nu") == null
                ? new Locale.Builder().setLocale(locale).setUnicodeLocaleKeyword("nu", "latn").build() : locale;
    }

    /** The language of a code, any case and surrounding blanks aside; empty for anything else. */
    public static Optional<UnLanguage> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.code.equals(c)).findFirst();
    }

    /** The codes, in the order of {@link #values()} (alphabetical by code). */
    public static List<String> codes() {
        return Arrays.stream(values()).map(UnLanguage::code).toList();
    }
}
