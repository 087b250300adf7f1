package org.trustfund.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failures per key (a client address, a user name, or both) and, past a free allowance, makes each
 * further attempt wait twice as long as the last: 1 s, 2 s, 4 s … up to {@link Policy#maxDelay()}. An attempt
 * that comes before its time is refused with how long to wait. A key with no failure for
 * {@link Policy#forgetAfter()} starts afresh. Thread-safe; in memory, so each server counts its own attempts.
 */
final class AttemptThrottle {

    /** How many failures are free, the longest wait, and how long a quiet key is remembered. */
    record Policy(int freeFailures, Duration maxDelay, Duration forgetAfter) {
        Policy {
            if (freeFailures < 1 || maxDelay.isNegative() || forgetAfter.compareTo(maxDelay) < 0) {
                throw new IllegalArgumentException("Inconsistent throttle policy");
            }
        }

        /** The wait after the {@code failures}-th failure in a row. */
        Duration delayAfter(int failures) {
            int beyond = failures - freeFailures;
            if (beyond <= 0) {
                return Duration.ZERO;
            }
            // 2^30 s is far beyond any sensible maximum; the shift must not overflow.
            long seconds = 1L << Math.min(beyond - 1, 30);
            Duration delay = Duration.ofSeconds(seconds);
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    private record Entry(int failures, Instant lastFailure, Instant nextAllowed) {
    }

    private static final int CLEAN_UP_ABOVE = 50_000;

    private final Policy policy;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    AttemptThrottle(Policy policy) {
        this.policy = Objects.requireNonNull(policy);
    }

    /** How long the next attempt for this key must still wait; empty if it may go ahead now. */
    Optional<Duration> waitBefore(String key, Instant now) {
        Entry entry = entries.get(key);
        if (entry == null || forgotten(entry, now) || !now.isBefore(entry.nextAllowed())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, entry.nextAllowed()));
    }

    /** Counts a failure; returns how many failures in a row the key now has. */
    int failed(String key, Instant now) {
        Entry updated = entries.compute(key, (k, old) -> {
            int failures = old == null || forgotten(old, now) ? 1 : old.failures() + 1;
            return new Entry(failures, now, now.plus(policy.delayAfter(failures)));
        });
        if (entries.size() > CLEAN_UP_ABOVE) {
            entries.values().removeIf(e -> forgotten(e, now));
        }
        return updated.failures();
    }

    void clear(String key) {
        entries.remove(key);
    }

    int failures(String key, Instant now) {
        Entry entry = entries.get(key);
        return entry == null || forgotten(entry, now) ? 0 : entry.failures();
    }

    private boolean forgotten(Entry entry, Instant now) {
        return Duration.between(entry.lastFailure(), now).compareTo(policy.forgetAfter()) > 0;
    }
}
