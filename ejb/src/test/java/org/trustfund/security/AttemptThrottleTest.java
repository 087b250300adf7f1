package org.trustfund.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttemptThrottleTest {

    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");
    private static final AttemptThrottle.Policy THREE_FREE =
            new AttemptThrottle.Policy(3, Duration.ofMinutes(15), Duration.ofHours(1));

    @Test
    void theFreeFailuresCostNothingThenEachWaitDoubles() {
        AttemptThrottle throttle = new AttemptThrottle(THREE_FREE);
        for (int i = 0; i < 3; i++) {
            throttle.failed("k", T0);
            assertEquals(Optional.empty(), throttle.waitBefore("k", T0), "free failure " + (i + 1));
        }
        throttle.failed("k", T0);
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.waitBefore("k", T0));
        assertEquals(Optional.empty(), throttle.waitBefore("k", T0.plusSeconds(1)), "released after the wait");
        throttle.failed("k", T0.plusSeconds(1));
        assertEquals(Optional.of(Duration.ofSeconds(2)), throttle.waitBefore("k", T0.plusSeconds(1)));
        throttle.failed("k", T0.plusSeconds(3));
        assertEquals(Optional.of(Duration.ofSeconds(4)), throttle.waitBefore("k", T0.plusSeconds(3)));
    }

    @Test
    void theWaitStopsGrowingAtTheMaximum() {
        AttemptThrottle throttle = new AttemptThrottle(THREE_FREE);
        Instant at = T0;
        for (int i = 0; i < 40; i++) {
            throttle.failed("k", at);
            at = at.plusSeconds(60);
        }
        Instant last = at.minusSeconds(60);
        assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.waitBefore("k", last));
        assertEquals(Duration.ofMinutes(15), THREE_FREE.delayAfter(1_000), "no overflow for many failures");
    }

    @Test
    void aQuietKeyIsForgottenAndOtherKeysAreNotTouched() {
        AttemptThrottle throttle = new AttemptThrottle(THREE_FREE);
        for (int i = 0; i < 6; i++) {
            throttle.failed("k", T0);
        }
        assertTrue(throttle.waitBefore("k", T0).isPresent());
        assertEquals(Optional.empty(), throttle.waitBefore("other", T0));
        Instant later = T0.plus(Duration.ofHours(1)).plusSeconds(1);
        assertEquals(0, throttle.failures("k", later));
        assertEquals(1, throttle.failed("k", later), "counts afresh");
    }

    @Test
    void clearingAKeyLetsItGoAtOnce() {
        AttemptThrottle throttle = new AttemptThrottle(THREE_FREE);
        for (int i = 0; i < 5; i++) {
            throttle.failed("k", T0);
        }
        throttle.clear("k");
        assertEquals(Optional.empty(), throttle.waitBefore("k", T0));
    }

    @Test
    void refusesAPolicyThatForgetsBeforeItsLongestWait() {
        assertThrows(IllegalArgumentException.class,
                () -> new AttemptThrottle.Policy(3, Duration.ofHours(2), Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new AttemptThrottle.Policy(0, Duration.ofMinutes(1), Duration.ofHours(1)));
    }
}
