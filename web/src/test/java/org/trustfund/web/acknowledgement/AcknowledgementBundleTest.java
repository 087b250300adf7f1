package org.trustfund.web.acknowledgement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The acknowledgement pages' texts exist in English and French, the letters' and the public page's in the six UN
 * languages, and all format cleanly.
 */
class AcknowledgementBundleTest {

    @Test
    void frenchHasEveryEnglishKeyAndNoOther() {
        for (String bundle : new String[] {"org.trustfund.web.acknowledgement"}) {
            ResourceBundle english = ResourceBundle.getBundle(bundle, Locale.ENGLISH);
            ResourceBundle french = ResourceBundle.getBundle(bundle, Locale.FRENCH);
            assertEquals(new TreeSet<>(english.keySet()), new TreeSet<>(french.keySet()), bundle);
            assertEquals(Locale.FRENCH, french.getLocale(), "the French file itself, not the English fallback: " + bundle);
        }
    }

    @Test
    void theLettersAndThePublicPageHaveEveryKeyInEachUnLanguageAndFormatCleanly() {
        for (String bundle : new String[] {"org.trustfund.acknowledgement.letters", "org.trustfund.web.publicpage"}) {
            ResourceBundle english = ResourceBundle.getBundle(bundle, Locale.ENGLISH);
            for (String tag : new String[] {"ar", "es", "fr", "ru", "zh"}) {
                Locale locale = Locale.forLanguageTag(tag);
                ResourceBundle other = ResourceBundle.getBundle(bundle, locale);
                assertEquals(locale, other.getLocale(), "the file itself, not the English fallback: " + bundle + " " + tag);
                assertEquals(new TreeSet<>(english.keySet()), new TreeSet<>(other.keySet()), bundle + " " + tag);
                for (String key : other.keySet()) {
                    String pattern = other.getString(key);
                    assertFalse(pattern.isBlank(), key);
                    if (pattern.contains("{0")) {
                        // Formatted with MessageFormat: a texts' apostrophes must be typographic or doubled.
                        Object argument = pattern.contains("choice") || pattern.contains("number") ? (Object) 2 : "X";
                        String text = new MessageFormat(pattern, locale).format(new Object[] {argument, "Y", "Z"});
                        assertFalse(text.contains("{"), bundle + " " + tag + " " + key + ": " + text);
                    }
                }
            }
        }
    }

    @Test
    void everyPageTextFormatsWithItsArgumentsAndKeepsItsApostrophes() {
        for (String tag : new String[] {"en", "fr", "es", "ru", "ar", "zh"}) {
            Locale locale = Locale.forLanguageTag(tag);
            for (String name : new String[] {"org.trustfund.web.acknowledgement", "org.trustfund.web.publicpage"}) {
                ResourceBundle bundle = ResourceBundle.getBundle(name, locale);
                for (String key : bundle.keySet()) {
                    String pattern = bundle.getString(key);
                    assertFalse(pattern.contains("'"), key + ": an ASCII apostrophe is eaten by MessageFormat");
                    Object argument = pattern.contains("choice") || pattern.contains("number") ? (Object) 2
                            : "IGF-2026-0001";
                    assertFalse(new MessageFormat(pattern, locale).format(new Object[] {argument}).isBlank(), key);
                }
            }
        }
    }
}
