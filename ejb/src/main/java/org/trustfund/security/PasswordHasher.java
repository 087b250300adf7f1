package org.trustfund.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Hashes and checks passwords with the platform's {@link Pbkdf2PasswordHash}, configured to OWASP's
 * current advice for PBKDF2-HMAC-SHA256 (the platform's default is only 2,048 iterations).
 *
 * <p>A hash costs about 0.25 s of one core. So that a flood of guesses cannot take every core from the
 * people working, at most {@link #CONCURRENT_HASHES} hashes run at once (half the cores, at least one);
 * the rest wait their turn, and after {@link #MAX_WAIT} give up with {@link HashingBusyException}. The
 * number of hashes a second is thereby bounded by the cores given to them.
 */
@ApplicationScoped
public class PasswordHasher {

    public static final int ITERATIONS = 600_000;

    /** Hash parameters; shared with tests that check the stored format. */
    public static final Map<String, String> PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Iterations", String.valueOf(ITERATIONS),
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32");

    static final int CONCURRENT_HASHES = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    static final Duration MAX_WAIT = Duration.ofSeconds(20);

    @Inject
    private Pbkdf2PasswordHash hash;

    private final Semaphore turns = new Semaphore(CONCURRENT_HASHES, true);

    private String decoyHash;

    @PostConstruct
    void configure() {
        hash.initialize(PARAMETERS);
        decoyHash = hash.generate("decoy password for unknown users".toCharArray());
    }

    public String hash(char[] password) {
        return inTurn(() -> hash.generate(password));
    }

    public boolean verify(char[] password, String storedHash) {
        return inTurn(() -> hash.verify(password, storedHash));
    }

    /** Spends the same time as a real check, so an unknown user name cannot be told by the response time. */
    public void verifyAgainstDecoy(char[] password) {
        inTurn(() -> hash.verify(password, decoyHash));
    }

    private <T> T inTurn(Supplier<T> work) {
        try {
            if (!turns.tryAcquire(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new HashingBusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HashingBusyException();
        }
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }
}
