package org.trustfund.contribution.imports;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The columns of a contribution import file. Columns are found by their header, in any order; a header may
 * be the column's {@link #key() key} or its label in English or French (case, accents and punctuation do not
 * matter), so a template downloaded in either language reads back.
 */
public enum ImportColumn {

    RECEIVED_DATE("received_date", true),
    DONOR_ID("donor_id", false),
    DONOR_NAME("donor_name", false),
    FUND_CODE("fund_code", true),
    CURRENCY("currency", true),
    AMOUNT("amount", true),
    BANK_REFERENCE("bank_reference", true),
    PLEDGE_ID("pledge_id", false),
    STALE_RATE_REASON("stale_rate_reason", false);

    static final String BUNDLE = "org.trustfund.contribution.imports.template";
    static final Locale[] LANGUAGES = {Locale.ENGLISH, Locale.FRENCH};

    private final String key;
    private final boolean required;

    ImportColumn(String key, boolean required) {
        this.key = key;
        this.required = required;
    }

    /** The language-neutral header, e.g. {@code received_date}. */
    public String key() {
        return key;
    }

    /** Required in every file. The donor is given by id or by name: at least one of the two columns is needed. */
    public boolean required() {
        return required;
    }

    /** The header as written in a template for this language. */
    public String label(Locale locale) {
        return texts(locale).getString("column." + name());
    }

    /** What goes in the column, for the template's comments and instructions. */
    public String description(Locale locale) {
        return texts(locale).getString("column." + name() + ".description");
    }

    /** The column this header names, if any. */
    public static Optional<ImportColumn> forHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String wanted = normalized(header);
        for (ImportColumn column : values()) {
            if (normalized(column.key).equals(wanted)) {
                return Optional.of(column);
            }
            for (Locale language : LANGUAGES) {
                if (normalized(column.label(language)).equals(wanted)) {
                    return Optional.of(column);
                }
            }
        }
        return Optional.empty();
    }

    private static String normalized(String s) {
        String plain = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The template texts; a language without its own file gets English, never the server's default locale. */
    static ResourceBundle texts(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, ImportColumn.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
