package org.trustfund.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.trustfund.security.Role;
import org.trustfund.security.SignInResult;

class VerifiedCredentialsTest {

    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    private static SignInResult success() {
        return new SignInResult(SignInResult.Outcome.SUCCESS, "jdoe", "Jane", Set.of(Role.AUDITOR), false, 3,
                Duration.ZERO);
    }

    private static SignInResult wrong() {
        return new SignInResult(SignInResult.Outcome.INVALID_CREDENTIALS, "jdoe", null, Set.of(), false, -1,
                Duration.ZERO);
    }

    @Test
    void aVerifiedCredentialIsRememberedForItsLifetimeOnly() {
        MutableClock clock = new MutableClock(T0);
        VerifiedCredentials verified = new VerifiedCredentials(clock);
        String key = verified.keyOf("jdoe", "pass phrase".toCharArray());
        verified.verifyOnce(key, VerifiedCredentialsTest::success);
        assertEquals(Optional.of(success()), verified.proven(key));
        clock.now = T0.plus(VerifiedCredentials.LIFETIME);
        assertEquals(Optional.empty(), verified.proven(key));
    }

    @Test
    void failuresAndTemporaryPasswordsAreNeverRemembered() {
        VerifiedCredentials verified = new VerifiedCredentials(new MutableClock(T0));
        String key = verified.keyOf("jdoe", "guess".toCharArray());
        verified.verifyOnce(key, VerifiedCredentialsTest::wrong);
        assertEquals(Optional.empty(), verified.proven(key));
        verified.verifyOnce(key, () -> new SignInResult(SignInResult.Outcome.SUCCESS, "jdoe", "J", Set.of(Role.AUDITOR),
                true, 1, Duration.ZERO));
        assertEquals(Optional.empty(), verified.proven(key), "a temporary password must be changed first");
    }

    @Test
    void keysDependOnNameAndPasswordAndCannotBeShiftedBetweenThem() {
        VerifiedCredentials verified = new VerifiedCredentials(new MutableClock(T0));
        assertEquals(verified.keyOf("ab", "c".toCharArray()), verified.keyOf("ab", "c".toCharArray()));
        assertNotEquals(verified.keyOf("ab", "c".toCharArray()), verified.keyOf("a", "bc".toCharArray()));
        assertNotEquals(verified.keyOf("ab", "c".toCharArray()), verified.keyOf("ab", "d".toCharArray()));
        assertNotEquals(new VerifiedCredentials(new MutableClock(T0)).keyOf("ab", "c".toCharArray()),
                verified.keyOf("ab", "c".toCharArray()), "a key made at another start is worth nothing");
    }

    @Test
    void parallelCallsShareOneSuccessfulCheck() throws Exception {
        VerifiedCredentials verified = new VerifiedCredentials(new MutableClock(T0));
        String key = verified.keyOf("jdoe", "pass phrase".toCharArray());
        AtomicInteger checks = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        List<Future<SignInResult>> calls = runInParallel(10, () -> verified.verifyOnce(key, () -> {
            checks.incrementAndGet();
            await(release);
            return success();
        }));
        Thread.sleep(200);
        release.countDown();
        for (Future<SignInResult> call : calls) {
            assertTrue(call.get(5, TimeUnit.SECONDS).succeeded());
        }
        assertEquals(1, checks.get(), "one hash for ten parallel calls");
    }

    @Test
    void afterASharedFailureEachCallIsCheckedOnItsOwn() throws Exception {
        VerifiedCredentials verified = new VerifiedCredentials(new MutableClock(T0));
        String key = verified.keyOf("jdoe", "guess".toCharArray());
        AtomicInteger checks = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        List<Future<SignInResult>> calls = runInParallel(8, () -> verified.verifyOnce(key, () -> {
            checks.incrementAndGet();
            await(release);
            return wrong();
        }));
        Thread.sleep(200);
        release.countDown();
        for (Future<SignInResult> call : calls) {
            assertEquals(SignInResult.Outcome.INVALID_CREDENTIALS, call.get(5, TimeUnit.SECONDS).outcome());
        }
        assertEquals(8, checks.get(), "every wrong password is checked, counted and audited");
    }

    private static List<Future<SignInResult>> runInParallel(int n, java.util.concurrent.Callable<SignInResult> call) {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<SignInResult>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(call));
        }
        pool.shutdown();
        return futures;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
