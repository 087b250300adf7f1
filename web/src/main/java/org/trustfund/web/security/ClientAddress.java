package org.trustfund.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is on the other end of a request, and whether it came over TLS, when a reverse proxy may stand in
 * between. {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed only from the addresses named
 * in the system property {@value #TRUSTED_PROXIES} (comma-separated; set by the launcher's
 * {@code --trusted-proxy}); from anyone else they are ignored, or any client could choose its own address
 * and so escape throttling.
 */
public final class ClientAddress {

    public static final String TRUSTED_PROXIES = "trustfund.trustedProxies";

    private ClientAddress() {
    }

    /** The client's address: the last hop before our trusted proxies, or the socket's peer. */
    public static String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        Set<String> trusted = trustedProxies();
        if (!trusted.contains(peer)) {
            return peer;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        // Each proxy appends the address it saw; the rightmost one not ours is the client.
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trusted.contains(hop)) {
                return sanitize(hop);
            }
        }
        return peer;
    }

    /** Whether the browser's connection was TLS: directly, or to a trusted proxy that says so. */
    public static boolean overTls(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        return trustedProxies().contains(request.getRemoteAddr())
                && "https".equalsIgnoreCase(String.valueOf(request.getHeader("X-Forwarded-Proto")).trim());
    }

    static Set<String> trustedProxies() {
        String value = System.getProperty(TRUSTED_PROXIES, "");
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    /** An address goes into logs and the audit log: keep it to the characters addresses use. */
    private static String sanitize(String address) {
        String clean = address.replaceAll("[^0-9A-Za-z.:\\[\\]%-]", "_");
        return clean.length() > 64 ? clean.substring(0, 64) : clean;
    }
}
