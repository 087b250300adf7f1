package org.trustfund.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionAccountTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-12-02T08:00:00Z");

    @Test
    void aSessionEndsEightHoursAfterSignInHoweverBusy() {
        SessionAccount account = new SessionAccount("jdoe", Set.of("AUDITOR"), 4, SIGNED_IN);
        assertFalse(account.outlived(SIGNED_IN.plusSeconds(8 * 3600 - 1)));
        assertTrue(account.outlived(SIGNED_IN.plusSeconds(8 * 3600)));
    }

    @Test
    void aNewStampKeepsTheSignInTime() {
        SessionAccount restamped = new SessionAccount("jdoe", Set.of("AUDITOR"), 4, SIGNED_IN).withStamp(5);
        assertEquals(5, restamped.securityStamp());
        assertEquals(SIGNED_IN, restamped.signedInAt());
        assertEquals(Set.of("AUDITOR"), restamped.groups());
    }
}
