package org.trustfund.web.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The language of API messages: French if the caller's Accept-Language prefers it, English otherwise. */
public final class ApiLocale {

    private ApiLocale() {
    }

    public static Locale of(HttpHeaders headers) {
        return headers == null ? Locale.ENGLISH : pick(headers.getAcceptableLanguages());
    }

    public static Locale of(HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null ? Locale.ENGLISH
                : pick(Collections.list(request.getLocales()));
    }

    /**
     * The language of a document the caller downloads (a letter): the first of the caller's languages that is one of
     * the six UN languages the letters are written in; English if none is.
     */
    public static Locale ofDocument(HttpHeaders headers) {
        return headers == null ? Locale.ENGLISH : document(headers.getAcceptableLanguages());
    }

    static Locale document(List<Locale> preferred) {
        return preferred.stream().map(l -> org.trustfund.reference.UnLanguage.of(l.getLanguage()))
                .flatMap(java.util.Optional::stream).findFirst()
                .map(org.trustfund.reference.UnLanguage::locale).orElse(Locale.ENGLISH);
    }

    /** The first of the caller's languages (most preferred first) that we speak. */
    static Locale pick(List<Locale> preferred) {
        for (Locale locale : preferred) {
            if ("fr".equals(locale.getLanguage())) {
                return Locale.FRENCH;
            }
            if ("en".equals(locale.getLanguage())) {
                return Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }
}
