package org.trustfund.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.trustfund.security.SignInResult;

/**
 * A short-lived, in-memory proof that a user name and password were verified, so that HTTP Basic calls of
 * the API need not hash the password again on every call (PBKDF2 at 600,000 iterations costs ~0.25 s of a
 * core). This is the pattern of a session, kept for a credential instead of a cookie.
 *
 * <ul>
 * <li>The key is an HMAC-SHA256 of user name and password under a random key made at start and never
 * stored; the password itself is not kept.</li>
 * <li>A proof lasts {@link #LIFETIME} and holds the account's security stamp: the caller must still check
 * that the stamp is current ({@link org.trustfund.security.AccountStandingCheck}) on every use, so a disabled, demoted or
 * re-passworded account stops at its next call, not at the proof's end.</li>
 * <li>Parallel calls with the same credential wait for the one check in progress instead of each
 * hashing ({@link #verifyOnce}); if that check fails, each of them is checked on its own, so that every
 * wrong password is counted and audited.</li>
 * </ul>
 * Only successes are kept. Memory is bounded: past {@link #MAX_PROOFS} the expired ones go, then all.
 */
@ApplicationScoped
public class VerifiedCredentials {

    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final int MAX_PROOFS = 10_000;
    private static final Duration WAIT_FOR_CHECK = Duration.ofSeconds(30);

    /** A verified sign-in and when it stops counting. */
    record Proof(SignInResult result, Instant expiresAt) {
    }

    private final byte[] key = new byte[32];
    private final ConcurrentHashMap<String, Proof> proofs = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<SignInResult>> checking = new ConcurrentHashMap<>();
    private final Clock clock;

    public VerifiedCredentials() {
        this(Clock.systemUTC());
    }

    VerifiedCredentials(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    /** The proof for this credential, if one is held and unexpired (its stamp still to be checked). */
    Optional<SignInResult> proven(String credentialKey) {
        Proof proof = proofs.get(credentialKey);
        if (proof == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(proof.expiresAt())) {
            proofs.remove(credentialKey, proof);
            return Optional.empty();
        }
        return Optional.of(proof.result());
    }

    void forget(String credentialKey) {
        proofs.remove(credentialKey);
    }

    /**
     * Runs {@code check} for this credential, unless the same credential is being checked already: then
     * waits for that check and takes its success; after its failure runs {@code check} itself.
     */
    SignInResult verifyOnce(String credentialKey, Supplier<SignInResult> check) {
        CompletableFuture<SignInResult> mine = new CompletableFuture<>();
        CompletableFuture<SignInResult> running = checking.putIfAbsent(credentialKey, mine);
        if (running != null) {
            Optional<SignInResult> shared = outcomeOf(running);
            if (shared.isPresent() && shared.get().succeeded()) {
                return shared.get();
            }
            return keepIfSucceeded(credentialKey, check.get());
        }
        try {
            SignInResult result = keepIfSucceeded(credentialKey, check.get());
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(credentialKey, mine);
        }
    }

    private static Optional<SignInResult> outcomeOf(CompletableFuture<SignInResult> running) {
        try {
            return Optional.of(running.get(WAIT_FOR_CHECK.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    private SignInResult keepIfSucceeded(String credentialKey, SignInResult result) {
        if (result.succeeded() && !result.mustChangePassword()) {
            if (proofs.size() >= MAX_PROOFS) {
                Instant now = clock.instant();
                proofs.values().removeIf(p -> !now.isBefore(p.expiresAt()));
                if (proofs.size() >= MAX_PROOFS) {
                    proofs.clear();
                }
            }
            proofs.put(credentialKey, new Proof(result, clock.instant().plus(LIFETIME)));
        }
        return result;
    }

    /** HMAC of user name and password; two different pairs never share a key (the name is length-prefixed). */
    String keyOf(String username, char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] name = username.getBytes(StandardCharsets.UTF_8);
            mac.update(ByteBuffer.allocate(4).putInt(name.length).array());
            mac.update(name);
            ByteBuffer secret = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            byte[] bytes = new byte[secret.remaining()];
            secret.get(bytes);
            mac.update(bytes);
            Arrays.fill(bytes, (byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }
}
