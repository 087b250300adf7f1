package org.trustfund.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserAccountTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private static UserAccount officer() {
        return new UserAccount("jdoe", "Jane Doe", "hash", EnumSet.of(Role.FINANCE_OFFICER), true, T0, "admin");
    }

    @Test
    void locksAfterFiveFailuresInARowForFifteenMinutes() {
        UserAccount user = officer();
        for (int i = 1; i < UserAccount.MAX_FAILED_ATTEMPTS; i++) {
            assertFalse(user.recordFailedSignIn(T0.plusSeconds(i)), "not locked after " + i);
            assertTrue(user.canSignInAt(T0.plusSeconds(i)));
        }
        assertTrue(user.recordFailedSignIn(T0.plusSeconds(10)), "the fifth failure locks");
        assertFalse(user.canSignInAt(T0.plusSeconds(11)));
        assertTrue(user.isLockedAt(T0.plusSeconds(10).plus(UserAccount.LOCK_DURATION).minusSeconds(1)));
        assertFalse(user.isLockedAt(T0.plusSeconds(10).plus(UserAccount.LOCK_DURATION)));
    }

    @Test
    void aSuccessfulSignInClearsTheCount() {
        UserAccount user = officer();
        user.recordFailedSignIn(T0);
        user.recordFailedSignIn(T0);
        user.recordSuccessfulSignIn(T0.plusSeconds(5));
        assertEquals(0, user.getFailedAttempts());
        assertEquals(T0.plusSeconds(5), user.getLastSignInAt());
    }

    @Test
    void countsAfreshOnceALockHasRunOut() {
        UserAccount user = officer();
        for (int i = 0; i < UserAccount.MAX_FAILED_ATTEMPTS; i++) {
            user.recordFailedSignIn(T0);
        }
        Instant later = T0.plus(UserAccount.LOCK_DURATION).plusSeconds(1);
        assertFalse(user.recordFailedSignIn(later));
        assertEquals(1, user.getFailedAttempts());
        assertTrue(user.canSignInAt(later));
    }

    @Test
    void aResetPasswordMustBeChangedAndUnlocks() {
        UserAccount user = officer();
        user.changePassword("mine");
        assertFalse(user.isMustChangePassword());
        for (int i = 0; i < UserAccount.MAX_FAILED_ATTEMPTS; i++) {
            user.recordFailedSignIn(T0);
        }
        user.resetPassword("temporary");
        assertTrue(user.isMustChangePassword());
        assertTrue(user.canSignInAt(T0));
        assertEquals("temporary", user.getPasswordHash());
    }

    @Test
    void aDisabledAccountCannotSignIn() {
        UserAccount user = officer();
        user.disable();
        assertFalse(user.canSignInAt(T0));
        user.enable();
        assertTrue(user.canSignInAt(T0));
    }

    @Test
    void refusesWhatCanNeverBeValid() {
        assertThrows(IllegalArgumentException.class,
                () -> new UserAccount("Bad Name", "X", "h", EnumSet.of(Role.ADMIN), false, T0, "a"));
        assertThrows(IllegalArgumentException.class,
                () -> new UserAccount("ok", " ", "h", EnumSet.of(Role.ADMIN), false, T0, "a"));
        assertThrows(IllegalArgumentException.class,
                () -> new UserAccount("ok", "X", "h", Set.of(), false, T0, "a"));
        UserAccount user = officer();
        assertThrows(IllegalArgumentException.class, () -> user.assignRoles(Set.of()));
    }
}
