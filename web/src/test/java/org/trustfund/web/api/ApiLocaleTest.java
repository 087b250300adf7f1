package org.trustfund.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Messages speak English or French; a letter downloaded through the API is in any of the six UN languages. */
class ApiLocaleTest {

    @Test
    void aLetterIsInTheCallersFirstUnLanguage() {
        assertEquals("zh", ApiLocale.document(List.of(Locale.forLanguageTag("zh-CN"), Locale.ENGLISH)).getLanguage());
        assertEquals("ar", ApiLocale.document(List.of(Locale.GERMAN, Locale.forLanguageTag("ar-EG"))).getLanguage(),
                "German is not one of the six: the next one");
        assertEquals("en", ApiLocale.document(List.of(Locale.GERMAN, Locale.ITALIAN)).getLanguage());
        assertEquals("en", ApiLocale.document(List.of()).getLanguage());
    }

    @Test
    void messagesStayInEnglishOrFrench() {
        assertEquals(Locale.ENGLISH, ApiLocale.pick(List.of(Locale.forLanguageTag("zh-CN"), Locale.ENGLISH)));
        assertEquals(Locale.FRENCH, ApiLocale.pick(List.of(Locale.forLanguageTag("ru"), Locale.FRENCH)));
    }
}
