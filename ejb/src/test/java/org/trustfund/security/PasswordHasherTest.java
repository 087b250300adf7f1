package org.trustfund.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.Test;

/** The stored hash, made by the same Soteria implementation the server uses, with our parameters. */
class PasswordHasherTest {

    @Test
    void hashesWithPbkdf2Sha256AtSixHundredThousandIterations() {
        Pbkdf2PasswordHashImpl hash = new Pbkdf2PasswordHashImpl();
        hash.initialize(PasswordHasher.PARAMETERS);
        String stored = hash.generate("correct horse battery".toCharArray());
        String[] parts = stored.split(":");
        assertEquals("PBKDF2WithHmacSHA256", parts[0]);
        assertEquals("600000", parts[1]);
        assertTrue(hash.verify("correct horse battery".toCharArray(), stored));
        assertFalse(hash.verify("correct horse batterY".toCharArray(), stored));
        assertNotEquals(stored, hash.generate("correct horse battery".toCharArray()), "a fresh salt every time");
    }
}
