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
    void aResetPasswordMustBeChangedAndEndsTheSessions() {
        UserAccount user = officer();
        user.changePassword("mine");
        assertFalse(user.isMustChangePassword());
        long before = user.getSecurityStamp();
        user.resetPassword("temporary");
        assertTrue(user.isMustChangePassword());
        assertEquals("temporary", user.getPasswordHash());
        assertTrue(user.getSecurityStamp() > before, "sessions made before the reset end");
    }

    @Test
    void changingOnesOwnPasswordEndsTheOtherSessions() {
        UserAccount user = officer();
        long before = user.getSecurityStamp();
        user.changePassword("mine");
        assertEquals(before + 1, user.getSecurityStamp());
    }

    @Test
    void aDisabledAccountCannotSignInAndItsSessionsEnd() {
        UserAccount user = officer();
        long before = user.getSecurityStamp();
        user.disable();
        assertFalse(user.canSignIn());
        assertEquals(before + 1, user.getSecurityStamp());
        user.disable();
        assertEquals(before + 1, user.getSecurityStamp(), "disabling twice is one change");
        user.enable();
        assertTrue(user.canSignIn());
    }

    @Test
    void newRolesOrAnotherDonorEndTheSessionsTheSameRolesDoNot() {
        UserAccount user = officer();
        long before = user.getSecurityStamp();
        user.assignRoles(EnumSet.of(Role.FINANCE_OFFICER));
        user.rename("Jane Q. Doe");
        assertEquals(before, user.getSecurityStamp(), "nothing a session relies on changed");
        user.assignRoles(EnumSet.of(Role.AUDITOR));
        assertEquals(before + 1, user.getSecurityStamp(), "a demoted user's session ends");
        user.assignRoles(EnumSet.of(Role.DONOR));
        user.linkToDonor(7L);
        assertEquals(before + 3, user.getSecurityStamp());
        user.linkToDonor(7L);
        assertEquals(before + 3, user.getSecurityStamp(), "the same donor again changes nothing");
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

    @Test
    void aStandingAdmitsOnlyTheCurrentStampOfAnEnabledAccount() {
        assertTrue(new AccountStanding(true, 3).admits(3));
        assertFalse(new AccountStanding(true, 3).admits(2), "made before the last change");
        assertFalse(new AccountStanding(false, 3).admits(3), "disabled");
    }
}
