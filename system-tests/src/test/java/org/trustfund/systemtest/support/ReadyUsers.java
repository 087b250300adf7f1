package org.trustfund.systemtest.support;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Users written to the database directly, with a password hash in the format the application's
 * {@code PasswordHasher} stores (the platform's PBKDF2 hash: algorithm, iterations, salt and key in Base64).
 * Making each through the administration page and the first-password change cost five hashes and ten page
 * loads, seconds per user, in every test that merely needs someone signed in.
 */
final class ReadyUsers {

    private static final String PASSWORD = "own ready pass phrase of the tests";
    private static final int ITERATIONS = 600_000;

    /** Computed once per test run: each hash costs a quarter of a second, the price of PBKDF2 done right. */
    private static final String HASH = hash(PASSWORD);

    private ReadyUsers() {
    }

    /** Inserts the user with the role and a password already chosen; that password. */
    static String insert(RunningSystem system, String username, String role) {
        return insert(system, username, role, null);
    }

    /** As {@link #insert(RunningSystem, String, String)}, a donor user linked to that donor (null: none). */
    static String insert(RunningSystem system, String username, String role, Long donor) {
        try (Connection c = Rows.connect(system.database())) {
            long id = Rows.insert(c, "INSERT INTO user_account (username, display_name, password_hash, enabled,"
                    + " must_change_password, created_at, created_by, donor_id) VALUES (?, ?, ?, TRUE, FALSE, ?, 'system-tests', ?)",
                    username, "Test user " + username, HASH, java.sql.Timestamp.from(Instant.now()), donor);
            Rows.insert(c, "INSERT INTO user_role (user_id, role) VALUES (?, ?)", id, role);
            return PASSWORD;
        } catch (SQLException e) {
            throw new IllegalStateException("Inserting user " + username, e);
        }
    }

    /** The role of a label the users page shows. */
    static String role(String label) {
        return switch (label) {
            case "Administrator" -> "ADMIN";
            case "Finance officer" -> "FINANCE_OFFICER";
            case "Certifying officer" -> "CERTIFYING_OFFICER";
            case "Auditor" -> "AUDITOR";
            case "Donor" -> "DONOR";
            default -> throw new IllegalArgumentException("No role is labelled " + label);
        };
    }

    private static String hash(String password) {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256)).getEncoded();
            Base64.Encoder b64 = Base64.getEncoder();
            return "PBKDF2WithHmacSHA256:" + ITERATIONS + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
