package org.trustfund.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.trustfund.security.AccountStandingCheck;
import org.trustfund.security.ApiTokenCheck;
import org.trustfund.security.Role;
import org.trustfund.security.SignInResult;
import org.trustfund.security.SignInService;
import org.trustfund.web.api.ApiError;
import org.trustfund.web.api.ApiLocale;
import org.trustfund.web.platform.DatabaseUnreachable;
import org.trustfund.web.platform.SecurityHeaders;

/**
 * Authentication for the REST API, without a session:
 * <ul>
 * <li>{@code Authorization: Bearer tfp_…}: a personal API token ({@link ApiTokenCheck}); one indexed
 * look-up, no password hash.</li>
 * <li>{@code Authorization: Basic}: user name and password, checked like the sign-in page (throttled, audited).
 * A verified pair is remembered briefly ({@link VerifiedCredentials}), so later calls cost an HMAC and a
 * check that the account has not changed, not a password hash.</li>
 * </ul>
 * A call without valid credentials gets 401 with a JSON body and a challenge, never a redirect; too many
 * failures from the client get 429 with {@code Retry-After}; a user who must still replace a temporary
 * password gets 403 until they have done so on the page; while the database cannot be reached, 503 with
 * {@code Retry-After}.
 */
@Typed(ApiMechanism.class)
@ApplicationScoped
public class ApiMechanism implements HttpAuthenticationMechanism {

    static final String CHALLENGE = "Basic realm=\"trustfund\", Bearer realm=\"trustfund\"";
    private static final String BASIC = "Basic ";
    private static final String BEARER = "Bearer ";
    private static final Logger LOG = Logger.getLogger(ApiMechanism.class.getName());

    @EJB
    private SignInService signIn;

    @Inject
    private AccountStandingCheck standing;

    @Inject
    private ApiTokenCheck tokens;

    @Inject
    private VerifiedCredentials verified;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        try {
            return authenticate(request, response, context);
        } catch (RuntimeException e) {
            if (!DatabaseUnreachable.causedBy(e)) {
                throw e;
            }
            // Credentials cannot be checked without the database: no one is let in, and the caller is told
            // to come back rather than given an empty 500.
            LOG.warning("API call answered 503, the database is not reachable: " + DatabaseUnreachable.describe(e));
            return refuse(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "api.databaseUnavailable",
                    Duration.ofSeconds(DatabaseUnreachable.RETRY_AFTER_SECONDS));
        }
    }

    private AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return bearer(header.substring(BEARER.length()).trim(), request, response, context);
        }
        if (header != null && header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return basic(header.substring(BASIC.length()).trim(), request, response, context);
        }
        return context.isProtected() ? refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED,
                "api.unauthenticated", null) : context.doNothing();
    }

    private AuthenticationStatus bearer(String secret, HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        ApiTokenCheck.TokenCheck check = tokens.authenticate(secret, ClientAddress.of(request));
        if (check.throttled()) {
            return refuse(request, response, 429, "api.tooManyAttempts", check.retryAfter());
        }
        if (check.caller().isEmpty()) {
            return refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, "api.unauthenticated", null);
        }
        return context.notifyContainerAboutLogin(check.caller().get().username(), groups(check.caller().get().roles()));
    }

    private AuthenticationStatus basic(String encoded, HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Optional<String[]> pair = decode(encoded);
        if (pair.isEmpty()) {
            return refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, "api.unauthenticated", null);
        }
        String username = pair.get()[0];
        char[] password = pair.get()[1].toCharArray();
        try {
            String key = verified.keyOf(username, password);
            Optional<SignInResult> proven = verified.proven(key);
            if (proven.isPresent()) {
                if (standing.stillValid(proven.get().username(), proven.get().securityStamp())) {
                    return context.notifyContainerAboutLogin(proven.get().username(), groups(proven.get().roles()));
                }
                verified.forget(key);
            }
            SignInResult result = verified.verifyOnce(key,
                    () -> signIn.signIn(username, password, ClientAddress.of(request)));
            return switch (result.outcome()) {
                case SUCCESS -> result.mustChangePassword()
                        ? refuse(request, response, HttpServletResponse.SC_FORBIDDEN, "api.passwordChangeRequired", null)
                        : context.notifyContainerAboutLogin(result.username(), groups(result.roles()));
                case THROTTLED -> refuse(request, response, 429, "api.tooManyAttempts", result.retryAfter());
                default -> refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, "api.unauthenticated", null);
            };
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static Set<String> groups(Set<Role> roles) {
        return roles.stream().map(Role::name).collect(Collectors.toSet());
    }

    /** {@code user:password} in Base64 (UTF-8, RFC 7617); empty if it is not that. */
    private static Optional<String[]> decode(String encoded) {
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = pair.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return Optional.of(new String[] {pair.substring(0, colon), pair.substring(colon + 1)});
    }

    /**
     * Answers the call with a JSON error. The response is committed here, so the container adds no page of
     * its own (and the error pages of web.xml, meant for people, never apply).
     */
    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response, int status,
            String key, Duration retryAfter) {
        try {
            // Written before any filter runs, so the headers every answer carries are set here too.
            SecurityHeaders.apply(response, false);
            response.setStatus(status);
            if (status == HttpServletResponse.SC_UNAUTHORIZED) {
                response.setHeader("WWW-Authenticate", CHALLENGE);
            }
            Object[] arguments = {};
            if (retryAfter != null) {
                response.setHeader("Retry-After", String.valueOf(retryAfter.toSeconds()));
                arguments = new Object[] {retryAfter.toSeconds()};
            }
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(ApiError.of(status, ApiLocale.of(request), null, key, arguments).toJson());
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
