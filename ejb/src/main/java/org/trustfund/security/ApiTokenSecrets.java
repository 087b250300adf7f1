package org.trustfund.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The form of an API token's secret: {@value #PREFIX} and 43 characters of base64url (256 random bits), so it
 * can be recognised in logs or by secret scanners; and its SHA-256, which is all that is stored. A plain hash
 * suffices (no salt, no slow hash) because the secret is random, not chosen by a person.
 */
final class ApiTokenSecrets {

    static final String PREFIX = "tfp_";
    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokenSecrets() {
    }

    static String newSecret() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text has the form of a token at all (checked before any database look-up). */
    static boolean looksLikeSecret(String text) {
        return text != null && text.length() == PREFIX.length() + 43 && text.startsWith(PREFIX)
                && text.substring(PREFIX.length()).chars().allMatch(ApiTokenSecrets::isBase64Url);
    }

    private static boolean isBase64Url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** What lists show to tell tokens apart: the prefix and the first four characters of the secret. */
    static String displayPrefix(String secret) {
        return secret.substring(0, PREFIX.length() + 4);
    }
}
