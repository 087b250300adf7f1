package org.trustfund.web.donor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.trustfund.reference.UnLanguage;

/**
 * The language of correspondence is chosen from the six languages, each named in its own language, in every language
 * the pages have (every messages file there is, whichever were added since).
 */
class LanguageLabelsTest {

    private static final Map<UnLanguage, String> OWN_NAMES = Map.of(UnLanguage.ARABIC, "العربية",
            UnLanguage.ENGLISH, "English", UnLanguage.SPANISH, "Español", UnLanguage.FRENCH, "Français",
            UnLanguage.RUSSIAN, "Русский", UnLanguage.CHINESE, "中文");

    @Test
    void everyMessagesFileNamesTheSixLanguagesInTheirOwnLanguageAndLabelsTheField() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.list(Path.of("src", "main", "resources", "org", "trustfund", "web"))) {
            files = all.filter(p -> p.getFileName().toString().matches("messages(_[a-z]{2})?\\.properties")).sorted()
                    .toList();
        }
        assertTrue(files.size() >= 2, files.toString());
        for (Path file : files) {
            Properties texts = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                texts.load(in);
            }
            for (UnLanguage language : UnLanguage.values()) {
                assertEquals(OWN_NAMES.get(language), texts.getProperty("language." + language.code()),
                        file + ": " + language);
            }
            for (String key : List.of("donor.correspondenceLanguage", "donor.correspondenceLanguage.invalid",
                    "donor.writtenIn")) {
                String text = texts.getProperty(key);
                assertTrue(text != null && !text.isBlank(), file + ": " + key);
                assertFalse(text.contains("'"), file + ": " + key + " has an ASCII apostrophe, which MessageFormat eats");
            }
        }
    }
}
