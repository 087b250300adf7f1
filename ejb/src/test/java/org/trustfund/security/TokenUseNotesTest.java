package org.trustfund.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenUseNotesTest {

    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    @Test
    void aTokensUseIsWrittenAtMostOnceAMinute() {
        TokenUseNotes notes = new TokenUseNotes();
        assertTrue(notes.due(1, T0));
        assertFalse(notes.due(1, T0.plusSeconds(59)));
        assertTrue(notes.due(2, T0.plusSeconds(59)), "each token on its own");
        assertTrue(notes.due(1, T0.plusSeconds(60)));
    }
}
