package org.trustfund.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApiTokenSecretsTest {

    @Test
    void aSecretHasItsFormAndIsNeverTheSameTwice() {
        String one = ApiTokenSecrets.newSecret();
        String two = ApiTokenSecrets.newSecret();
        assertTrue(ApiTokenSecrets.looksLikeSecret(one), one);
        assertNotEquals(one, two);
        assertEquals(47, one.length());
        assertEquals(one.substring(0, 8), ApiTokenSecrets.displayPrefix(one));
    }

    @Test
    void onlyTheFormOfASecretIsLookedUp() {
        String secret = ApiTokenSecrets.newSecret();
        assertFalse(ApiTokenSecrets.looksLikeSecret(null));
        assertFalse(ApiTokenSecrets.looksLikeSecret("tfp_short"));
        assertFalse(ApiTokenSecrets.looksLikeSecret("xyz_" + secret.substring(4)));
        assertFalse(ApiTokenSecrets.looksLikeSecret(secret.substring(0, 46) + "é"));
        assertFalse(ApiTokenSecrets.looksLikeSecret(secret.substring(0, 46) + "'"));
    }

    @Test
    void theStoredHashIsSha256InHex() {
        // SHA-256("abc"), from FIPS 180-2.
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiTokenSecrets.hash("abc"));
    }
}
