package org.trustfund.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.trustfund.security.SignInResult;
import org.trustfund.web.api.ApiError;
import org.trustfund.web.api.ApiLocale;

/**
 * HTTP Basic for the REST API: every call carries the user name and password and is checked against the
 * same identity store as the sign-in page (so failures count towards the lock and every sign-in is
 * audited). No session is created. A call without valid credentials gets 401 with a JSON body and a
 * {@code WWW-Authenticate} challenge, never a redirect to the sign-in page; a user who must still replace
 * a temporary password gets 403 until they have done so on the page.
 */
@Typed(ApiBasicMechanism.class)
@ApplicationScoped
public class ApiBasicMechanism implements HttpAuthenticationMechanism {

    static final String CHALLENGE = "Basic realm=\"trustfund\"";
    private static final String BASIC = "Basic ";

    @Inject
    private IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return context.isProtected() ? refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED,
                    "api.unauthenticated") : context.doNothing();
        }
        UsernamePasswordCredential credential = decode(header.substring(BASIC.length()).trim());
        if (credential == null) {
            return refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, "api.unauthenticated");
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, "api.unauthenticated");
        }
        Object signIn = request.getAttribute(SessionKeys.SIGN_IN_RESULT);
        // Fail closed: without the sign-in result we cannot tell whether the password must be changed.
        if (!(signIn instanceof SignInResult outcome) || outcome.mustChangePassword()) {
            return refuse(request, response, HttpServletResponse.SC_FORBIDDEN, "api.passwordChangeRequired");
        }
        return context.notifyContainerAboutLogin(result);
    }

    /** {@code user:password} in Base64 (UTF-8, RFC 7617); null if it is not that. */
    private static UsernamePasswordCredential decode(String encoded) {
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = pair.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        return new UsernamePasswordCredential(pair.substring(0, colon), pair.substring(colon + 1));
    }

    /**
     * Answers the call with a JSON error. The response is committed here, so the container adds no page of
     * its own (and the error pages of web.xml, meant for people, never apply).
     */
    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response, int status,
            String key) {
        try {
            response.setStatus(status);
            if (status == HttpServletResponse.SC_UNAUTHORIZED) {
                response.setHeader("WWW-Authenticate", CHALLENGE);
            }
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(ApiError.of(status, ApiLocale.of(request), null, key).toJson());
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
