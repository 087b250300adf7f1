package org.trustfund.security;

import java.security.SecureRandom;

/** Generates passwords for first start and for resets: 20 characters from an unambiguous alphabet. */
public final class TemporaryPasswords {

    // No 0/O, 1/l/I: these are read off a screen and typed.
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryPasswords() {
    }

    public static String generate() {
        char[] out = new char[20];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
