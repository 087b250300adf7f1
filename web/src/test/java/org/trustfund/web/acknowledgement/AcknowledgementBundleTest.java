package org.trustfund.web.acknowledgement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The acknowledgement pages' texts and the letters' texts exist in English and French and format cleanly. */
class AcknowledgementBundleTest {

    @Test
    void frenchHasEveryEnglishKeyAndNoOther() {
        for (String bundle : new String[] {"org.trustfund.web.acknowledgement", "org.trustfund.acknowledgement.letters"}) {
            ResourceBundle english = ResourceBundle.getBundle(bundle, Locale.ENGLISH);
            ResourceBundle french = ResourceBundle.getBundle(bundle, Locale.FRENCH);
            assertEquals(new TreeSet<>(english.keySet()), new TreeSet<>(french.keySet()), bundle);
            assertEquals(Locale.FRENCH, french.getLocale(), "the French file itself, not the English fallback: " + bundle);
        }
    }

    @Test
    void everyPageTextFormatsWithItsArgumentsAndKeepsItsApostrophes() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.FRENCH}) {
            ResourceBundle bundle = ResourceBundle.getBundle("org.trustfund.web.acknowledgement", locale);
            for (String key : bundle.keySet()) {
                String pattern = bundle.getString(key);
                assertFalse(pattern.contains("'"), key + ": an ASCII apostrophe is eaten by MessageFormat");
                Object argument = pattern.contains("choice") || pattern.contains("number") ? (Object) 2 : "IGF-2026-0001";
                assertFalse(new MessageFormat(pattern, locale).format(new Object[] {argument}).isBlank(), key);
            }
        }
    }
}
