package org.trustfund.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The session cookie's flags and the policies, without a server. */
class SecurityHeadersTest {

    @Test
    void sessionCookieGetsHttpOnlyAndSameSiteAndSecureOnlyOverTls() {
        String plain = SecurityHeaders.sessionCookie("JSESSIONID=abc123; Path=/trustfund", false);
        assertEquals("JSESSIONID=abc123; Path=/trustfund; HttpOnly; SameSite=Lax", plain);
        String tls = SecurityHeaders.sessionCookie("JSESSIONID=abc123; Path=/trustfund", true);
        assertEquals("JSESSIONID=abc123; Path=/trustfund; HttpOnly; SameSite=Lax; Secure", tls);
    }

    @Test
    void flagsTheContainerAlreadySetAreNotRepeatedAndSecureGoesWithoutTls() {
        String fixed = SecurityHeaders.sessionCookie(
                "JSESSIONID=abc; Path=/trustfund;SameSite=None; Secure; HttpOnly", false);
        assertEquals("JSESSIONID=abc; Path=/trustfund; HttpOnly; SameSite=Lax", fixed);
    }

    @Test
    void otherCookiesAndNothingPassUnchanged() {
        assertEquals("theme=dark; Path=/", SecurityHeaders.sessionCookie("theme=dark; Path=/", true));
        assertEquals("XJSESSIONID=1", SecurityHeaders.sessionCookie("XJSESSIONID=1", true));
        assertEquals(null, SecurityHeaders.sessionCookie(null, true));
    }

    @Test
    void onlyFacesResourcesMayBeCached() {
        assertTrue(SecurityHeaders.cacheable("/jakarta.faces.resource/core.js.xhtml"));
        assertTrue(SecurityHeaders.cacheable("/resources/css/trustfund.css"));
        assertFalse(SecurityHeaders.cacheable("/api/me"));
        assertFalse(SecurityHeaders.cacheable("/app/dashboard.xhtml"));
        assertFalse(SecurityHeaders.cacheable("/login.xhtml"));
    }

    @Test
    void bothPoliciesForbidFramingPluginsForeignBasesAndForeignForms() {
        for (String policy : new String[] {SecurityHeaders.PAGE_POLICY, SecurityHeaders.STATIC_POLICY}) {
            for (String directive : new String[] {"frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'",
                    "form-action 'self'"}) {
                assertTrue(policy.contains(directive), policy + " lacks " + directive);
            }
            assertFalse(policy.contains("unsafe-eval"), policy);
        }
        assertFalse(SecurityHeaders.PAGE_POLICY.matches(".*script-src[^;]*unsafe-inline.*"),
                "scripts run by nonce, never inline at will");
        // PrimeFaces appends the nonce to the end of the policy: script-src must come last.
        assertTrue(SecurityHeaders.PAGE_POLICY.endsWith("script-src 'self'"));
    }

    @Test
    void webXmlGivesPrimeFacesThePagePolicy() throws IOException {
        String webXml = Files.readString(Path.of("src", "main", "webapp", "WEB-INF", "web.xml"));
        Matcher m = Pattern.compile("<param-name>primefaces.CSP_POLICY</param-name>\\s*<param-value>([^<]*)</param-value>")
                .matcher(webXml);
        assertTrue(m.find(), "web.xml sets primefaces.CSP_POLICY");
        assertEquals(SecurityHeaders.PAGE_POLICY, m.group(1).replace("&apos;", "'"));
        assertTrue(webXml.matches("(?s).*<param-name>primefaces.CSP</param-name>\\s*<param-value>true</param-value>.*"));
    }
}
