package org.trustfund.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void noHostMeansNoMailServer() {
        assertEquals(Optional.empty(), MailSettings.fromEnvironment(env("TRUSTFUND_SMTP_FROM", "a@b.org")));
    }

    @Test
    void readsTheVariablesWithPort25ByDefault() {
        MailSettings plain = MailSettings.fromEnvironment(env("TRUSTFUND_SMTP_HOST", "smtp.example.org",
                "TRUSTFUND_SMTP_FROM", "trust.fund@example.org")).orElseThrow();
        assertEquals(new MailSettings("smtp.example.org", 25, "trust.fund@example.org", null, null, false), plain);
        MailSettings full = MailSettings.fromEnvironment(env("TRUSTFUND_SMTP_HOST", "smtp.example.org",
                "TRUSTFUND_SMTP_PORT", "587", "TRUSTFUND_SMTP_FROM", "trust.fund@example.org",
                "TRUSTFUND_SMTP_USER", "tf", "TRUSTFUND_SMTP_PASSWORD", "s3cret", "TRUSTFUND_SMTP_STARTTLS", "true"))
                .orElseThrow();
        assertEquals(587, full.port());
        assertTrue(full.startTls());
        assertFalse(full.toString().contains("s3cret"), "the password is never printed: " + full);
    }

    @Test
    void aWrongSettingIsNamedInOneLine() {
        assertTrue(assertThrows(StartupException.class, () -> MailSettings.fromEnvironment(env(
                "TRUSTFUND_SMTP_HOST", "smtp.example.org"))).getMessage().startsWith("TRUSTFUND_SMTP_FROM is not set"));
        assertTrue(assertThrows(StartupException.class, () -> MailSettings.fromEnvironment(env(
                "TRUSTFUND_SMTP_HOST", "smtp.example.org", "TRUSTFUND_SMTP_FROM", "a@b.org",
                "TRUSTFUND_SMTP_PORT", "70000"))).getMessage().startsWith("TRUSTFUND_SMTP_PORT='70000'"));
        assertTrue(assertThrows(StartupException.class, () -> MailSettings.fromEnvironment(env(
                "TRUSTFUND_SMTP_HOST", "smtp.example.org", "TRUSTFUND_SMTP_FROM", "a@b.org",
                "TRUSTFUND_SMTP_USER", "tf"))).getMessage().contains("both"));
        assertTrue(assertThrows(StartupException.class, () -> MailSettings.fromEnvironment(env(
                "TRUSTFUND_SMTP_HOST", "smtp example", "TRUSTFUND_SMTP_FROM", "a@b.org"))).getMessage()
                .contains("not a host"));
    }

    @Test
    void addressesAreEscapedForAsadminAndOddCharactersRefused() {
        assertEquals("trust\\.fund\\@example\\.org", PayaraDomain.escapeAddress("trust.fund@example.org"));
        assertThrows(StartupException.class, () -> PayaraDomain.escapeAddress("a\"b@c.org"));
    }
}
