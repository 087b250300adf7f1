package org.trustfund.web.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Dates and instants as the API writes them: ISO 8601 text. Kept as strings in the views so the OpenAPI
 * document states their format (Payara's generator describes {@code java.time} types as objects).
 */
public final class Iso {

    private Iso() {
    }

    public static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** To the millisecond, in UTC, e.g. {@code 2025-03-05T10:15:30.123Z}. */
    public static String text(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
