package org.trustfund.web.acknowledgement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The public page's language: the one asked for by address, else the browser's first UN language, else English. */
class PublicPageLanguageTest {

    private static String language(String asked, String header) {
        return PublicSupportersPage.language(asked, header).getLanguage();
    }

    @Test
    void theBrowsersFirstUnLanguageWithItsWeights() {
        assertEquals("zh", language(null, "zh-CN,zh;q=0.9,en;q=0.8"));
        assertEquals("fr", language(null, "de-DE,de;q=0.9,fr;q=0.5,en;q=0.3"), "German is not one of the six");
        assertEquals("ar", language(null, "ar-EG"));
        assertEquals("es", language(null, "en;q=0.2,es-419;q=0.9"), "the weights decide, not the order");
        assertEquals("ru", language(null, "ru"));
    }

    @Test
    void englishWithoutAHeaderOrWithOneThatCannotBeRead() {
        assertEquals("en", language(null, null));
        assertEquals("en", language(null, ""));
        assertEquals("en", language(null, "de, it"));
        assertEquals("en", language(null, ";;q=x,,=="));
    }

    @Test
    void theLanguageChosenOnThePageWinsIfItIsAUnLanguage() {
        assertEquals("ru", language("ru", "fr"));
        assertEquals("fr", language("de", "fr"), "an unknown choice is ignored");
        assertEquals("en", language("zh-Hant<script>", null));
    }
}
