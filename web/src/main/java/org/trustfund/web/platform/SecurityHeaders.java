package org.trustfund.web.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The security headers every answer carries, and the flags the session cookie must have. Pure functions, so
 * that the rules are tested without a server; {@link SecurityHeadersFilter} applies them.
 */
public final class SecurityHeaders {

    /** Directives every page shares; PrimeFaces appends its per-request nonce to the script-src at the end. */
    public static final String PAGE_POLICY = "default-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; img-src 'self' data:; font-src 'self' data:; "
            // PrimeFaces positions overlays and dialogs through style attributes, and the views use a few.
            + "style-src 'self' 'unsafe-inline'; connect-src 'self'; script-src 'self'";

    /**
     * For everything that is not a page (API answers, files, error answers written outside Faces): nothing
     * may run or load from such a document.
     */
    public static final String STATIC_POLICY = "default-src 'none'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    public static final String SESSION_COOKIE = "JSESSIONID";

    private SecurityHeaders() {
    }

    /** The headers set before the application answers; a page replaces the policy with its own (nonce). */
    public static void apply(HttpServletResponse response, boolean cacheable) {
        response.setHeader("Content-Security-Policy", STATIC_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        if (!cacheable) {
            // Signed-in pages and API answers hold donors' money and names: never kept by a browser or proxy.
            response.setHeader("Cache-Control", "no-store");
        }
    }

    /**
     * Static files served by Faces (scripts, style sheets, images of PrimeFaces and ours) are the same for
     * everyone and may be cached; everything else is either personal or cheap to make again.
     */
    public static boolean cacheable(String pathInContext) {
        return pathInContext != null && (pathInContext.startsWith("/jakarta.faces.resource/")
                || pathInContext.startsWith("/javax.faces.resource/") || pathInContext.startsWith("/resources/"));
    }

    /**
     * One Set-Cookie value with the session cookie's flags made right: HttpOnly, SameSite=Lax, and Secure
     * exactly when the browser's connection was TLS. Other cookies pass unchanged.
     */
    public static String sessionCookie(String setCookie, boolean overTls) {
        if (setCookie == null || !setCookie.trim().regionMatches(true, 0, SESSION_COOKIE + "=", 0,
                SESSION_COOKIE.length() + 1)) {
            return setCookie;
        }
        String[] parts = setCookie.split(";");
        List<String> kept = new ArrayList<>();
        kept.add(parts[0].trim());
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].trim();
            String name = attribute.split("=", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (attribute.isEmpty() || name.equals("httponly") || name.equals("secure") || name.equals("samesite")) {
                continue;
            }
            kept.add(attribute);
        }
        kept.add("HttpOnly");
        kept.add("SameSite=Lax");
        if (overTls) {
            kept.add("Secure");
        }
        return String.join("; ", kept);
    }

    /** Rewrites every session Set-Cookie header of a response not yet committed; true if one was changed. */
    public static boolean fixSessionCookies(HttpServletResponse response, boolean overTls) {
        if (response.isCommitted()) {
            return false;
        }
        List<String> values = new ArrayList<>(response.getHeaders("Set-Cookie"));
        List<String> fixed = values.stream().map(v -> sessionCookie(v, overTls)).toList();
        if (fixed.equals(values)) {
            return false;
        }
        for (int i = 0; i < fixed.size(); i++) {
            if (i == 0) {
                response.setHeader("Set-Cookie", fixed.get(i));
            } else {
                response.addHeader("Set-Cookie", fixed.get(i));
            }
        }
        return true;
    }
}
