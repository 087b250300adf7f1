package org.trustfund.web.closing;

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

/** The closing texts exist in English and French, format cleanly, and cover every key the closing rules raise. */
class ClosingBundleTest {

    private static final String BUNDLE = "org.trustfund.web.closing";

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
                assertFalse(new MessageFormat(pattern, bundle.getLocale()).format(new Object[] {"2025", "IGF", "2024"}).isBlank());
            }
        }
        assertEquals("2025 is closed for IGF: figures dated in it were reported. Date the correction in an open year.",
                new MessageFormat(english.getString("period.closed"), Locale.ENGLISH).format(new Object[] {"2025", "IGF"}));
    }

    @Test
    void everyKeyTheClosingRulesRaiseHasAText() throws IOException {
        Set<String> raised = new TreeSet<>();
        Pattern key = Pattern.compile("\"((?:closing|period)\\.[a-zA-Z.]+)\"");
        try (Stream<Path> sources = Files.list(Path.of("..", "ejb", "src", "main", "java", "org", "trustfund", "closing"))) {
            for (Path source : sources.toList()) {
                Matcher m = key.matcher(Files.readString(source));
                while (m.find()) {
                    raised.add(m.group(1));
                }
            }
        }
        assertTrue(raised.size() > 10, "found the keys: " + raised);
        for (String k : raised) {
            assertTrue(english.containsKey(k), "missing text for " + k);
        }
    }
}
