package org.trustfund.web.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The reference data texts exist in English and French, format cleanly, and cover every key the EJB raises. */
class ReferenceBundleTest {

    private static final String BUNDLE = "org.trustfund.web.reference";

    private final ResourceBundle english = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH);
    private final ResourceBundle french = ResourceBundle.getBundle(BUNDLE, Locale.FRENCH);

    @Test
    void frenchHasEveryEnglishKeyAndNoOther() {
        assertEquals(new TreeSet<>(english.keySet()), new TreeSet<>(french.keySet()));
        assertEquals(Locale.FRENCH, french.getLocale(), "the French file itself, not the English fallback");
    }

    @Test
    void everyTextFormatsWithItsArgumentsAndKeepsItsApostrophes() {
        for (ResourceBundle bundle : new ResourceBundle[] {english, french}) {
            for (String key : bundle.keySet()) {
                String pattern = bundle.getString(key);
                assertFalse(pattern.contains("'"), key + ": an ASCII apostrophe is eaten by MessageFormat");
                // The one choice pattern counts problems: give it a number, the other arguments text.
                String text = new MessageFormat(pattern.replace("{1,choice", "{3,choice"), bundle.getLocale())
                        .format(new Object[] {"A", "B", "C", 2});
                assertFalse(text.isBlank(), key);
            }
        }
        assertEquals("The file r.csv was not imported: one problem, listed below. Nothing was saved; correct the file"
                + " and import it again.", new MessageFormat(english.getString("rate.import.rejected"), Locale.ENGLISH)
                .format(new Object[] {"r.csv", 1}));
        assertTrue(new MessageFormat(french.getString("rate.import.rejected"), Locale.FRENCH)
                .format(new Object[] {"r.csv", 3}).contains("3 problèmes"));
    }

    @Test
    void everyRateFileMessageTheServiceRaisesHasAText() throws IOException {
        Set<String> raised = new TreeSet<>();
        Pattern key = Pattern.compile("\"(rate\\.file\\.[a-zA-Z.]+)\"");
        try (Stream<Path> sources = Files.list(Path.of("..", "ejb", "src", "main", "java", "org", "trustfund", "reference"))) {
            for (Path source : sources.toList()) {
                Matcher m = key.matcher(Files.readString(source));
                while (m.find()) {
                    raised.add(m.group(1));
                }
            }
        }
        assertTrue(raised.size() > 20, "found the keys: " + raised);
        for (String k : raised) {
            assertTrue(english.containsKey(k), "missing English text for " + k);
        }
    }
}
