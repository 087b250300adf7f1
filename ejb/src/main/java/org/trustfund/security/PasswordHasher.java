package org.trustfund.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Hashes and checks passwords with the platform's {@link Pbkdf2PasswordHash}, configured to OWASP's
 * current advice for PBKDF2-HMAC-SHA256 (the platform's default is only 2,048 iterations).
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

    @Inject
    private Pbkdf2PasswordHash hash;

    private String decoyHash;

    @PostConstruct
    void configure() {
        hash.initialize(PARAMETERS);
        decoyHash = hash.generate("decoy password for unknown users".toCharArray());
    }

    public String hash(char[] password) {
        return hash.generate(password);
    }

    public boolean verify(char[] password, String storedHash) {
        return hash.verify(password, storedHash);
    }

    /** Spends the same time as a real check, so an unknown user name cannot be told by the response time. */
    public void verifyAgainstDecoy(char[] password) {
        hash.verify(password, decoyHash);
    }
}
