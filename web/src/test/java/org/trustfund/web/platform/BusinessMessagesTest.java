package org.trustfund.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message key a business rule raises ({@code new BusinessException(...)} anywhere in the ejb module) has a
 * text in English and in French in one of the bundles the pages and the API search, so no one ever reads a bare
 * key such as {@code contribution.held.none}.
 */
class BusinessMessagesTest {

    private static final Pattern RAISED = Pattern.compile("BusinessException\\(\\s*\"([^\"]+)\"(?:\\s*,\\s*\"([^\"]+)\")?");
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z]*(\\.[A-Za-z]+)+");

    @Test
    void everyRaisedKeyHasAnEnglishAndAFrenchText() throws IOException {
        Set<String> raised = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("..", "ejb", "src", "main", "java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = RAISED.matcher(Files.readString(source));
                while (m.find()) {
                    // (key, ...) or (field, key, ...); a key held in a variable is not seen here.
                    String first = m.group(1);
                    String second = m.group(2);
                    if (KEY.matcher(first).matches()) {
                        raised.add(first);
                    } else if (second != null && KEY.matcher(second).matches()) {
                        raised.add(second);
                    }
                }
            }
        }
        assertTrue(raised.size() > 100, "found the keys: " + raised.size());
        List<String> missing = new ArrayList<>();
        for (String key : raised) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
                if (!hasText(key, locale)) {
                    missing.add(key + " (" + locale + ")");
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyBundleHasTheSameKeysInFrenchAsInEnglish() {
        for (String name : Messages.BUNDLES) {
            ResourceBundle english = ResourceBundle.getBundle(name, Locale.ENGLISH);
            ResourceBundle french = ResourceBundle.getBundle(name, Locale.FRENCH);
            assertEquals(Locale.FRENCH, french.getLocale(), name + ": a French file of its own");
            assertEquals(new TreeSet<>(english.keySet()), new TreeSet<>(french.keySet()), name);
        }
    }

    private static boolean hasText(String key, Locale locale) {
        for (String name : Messages.BUNDLES) {
            ResourceBundle bundle = ResourceBundle.getBundle(name, locale);
            try {
                bundle.getString(key);
                if (!locale.equals(Locale.ENGLISH) && !bundle.getLocale().equals(locale)) {
                    continue;
                }
                return true;
            } catch (MissingResourceException e) {
                // the next bundle
            }
        }
        return false;
    }
}
