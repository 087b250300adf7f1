package org.trustfund.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    @Test
    void guessesAtOneUserFromOneAddressAreSlowedThenRefused() {
        SignInThrottle throttle = new SignInThrottle();
        for (int i = 0; i < SignInThrottle.FREE_PER_USER_AT_ADDRESS; i++) {
            assertEquals(Optional.empty(), throttle.refusal("jdoe", "10.0.0.9", T0));
            throttle.failed("jdoe", "10.0.0.9", T0);
        }
        assertEquals(Optional.empty(), throttle.refusal("jdoe", "10.0.0.9", T0));
        throttle.failed("jdoe", "10.0.0.9", T0);
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.refusal("jdoe", "10.0.0.9", T0));
        assertEquals(Optional.empty(), throttle.refusal("jdoe", "10.0.0.10", T0), "the holder elsewhere is not held");
        assertEquals(Optional.empty(), throttle.refusal("jdoe", "10.0.0.9", T0.plusSeconds(1)), "released");
    }

    @Test
    void aSuccessClearsTheUsersCountAtThatAddressButNotTheAddresss() {
        SignInThrottle throttle = new SignInThrottle();
        for (int i = 0; i < SignInThrottle.FREE_PER_USER_AT_ADDRESS + 3; i++) {
            throttle.failed("jdoe", "10.0.0.9", T0);
        }
        throttle.succeeded("jdoe", "10.0.0.9", T0.plusSeconds(60));
        assertEquals(Optional.empty(), throttle.refusal("jdoe", "10.0.0.9", T0.plusSeconds(60)));
        for (int i = 0; i <= SignInThrottle.FREE_PER_ADDRESS; i++) {
            throttle.failed("user" + i, "10.0.0.66", T0);
        }
        throttle.succeeded("mallory", "10.0.0.66", T0);
        assertTrue(throttle.refusal("someone-else", "10.0.0.66", T0).isPresent(),
                "spraying many names from one address is slowed, and one valid account does not reset it");
    }

    @Test
    void aGuessSpreadOverManyAddressesDoesNotKeepTheHolderOut() {
        SignInThrottle throttle = new SignInThrottle();
        throttle.succeeded("jdoe", "192.0.2.1", T0);
        for (int i = 0; i < SignInThrottle.FREE_PER_USER + 5; i++) {
            throttle.failed("jdoe", "203.0.113." + (i % 200), T0.plusSeconds(1));
        }
        assertTrue(throttle.refusal("jdoe", "198.51.100.7", T0.plusSeconds(1)).isPresent(),
                "a new address is held back for that user name");
        assertEquals(Optional.empty(), throttle.refusal("jdoe", "192.0.2.1", T0.plusSeconds(1)),
                "the address the holder signed in from is not");
    }

    @Test
    void waitsAreWholeSecondsRoundedUp() {
        SignInThrottle throttle = new SignInThrottle();
        for (int i = 0; i < SignInThrottle.FREE_PER_USER_AT_ADDRESS + 2; i++) {
            throttle.failed("jdoe", "10.0.0.9", T0);
        }
        assertEquals(Optional.of(Duration.ofSeconds(2)), throttle.refusal("jdoe", "10.0.0.9", T0.plusMillis(300)));
    }

    @Test
    void unknownTokensCountAgainstTheAddressOnly() {
        SignInThrottle throttle = new SignInThrottle();
        for (int i = 0; i <= SignInThrottle.FREE_PER_ADDRESS; i++) {
            throttle.failedFrom("10.0.0.5", T0);
        }
        assertTrue(throttle.refusalFrom("10.0.0.5", T0).isPresent());
        assertEquals(Optional.empty(), throttle.refusalFrom("10.0.0.6", T0));
    }
}
