package org.trustfund.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import org.trustfund.security.AccountStandingCheck;

/**
 * The application's one authentication mechanism: tokens and HTTP Basic for the REST API under {@code /api},
 * the sign-in form for everything else. Jakarta Security 3 (Payara 6) lets an application enable exactly one
 * mechanism and has no per-path choice, so this bean makes the choice and hands each request to the
 * mechanism for its kind of caller.
 *
 * <p>Before a page request reaches the session's sign-in, this bean ends the session if its account was
 * disabled or changed since (roles are fixed in a session at sign-in, so a demoted user would otherwise keep
 * the old ones) or if it has lasted {@link SessionAccount#ABSOLUTE_LIFETIME}. The request then goes on as
 * signed out: a protected page sends the user to sign in, where they read why.
 */
@ApplicationScoped
public class TrustfundAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    private PageSignInMechanism pages;

    @Inject
    private ApiMechanism api;

    @Inject
    private AccountStandingCheck standing;

    /** Whether the request is for the REST API; the servlet path is already decoded and normalized. */
    static boolean isApi(HttpServletRequest request) {
        String path = request.getServletPath();
        return "/api".equals(path) || (path != null && path.startsWith("/api/"));
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        if (isApi(request)) {
            return api.validateRequest(request, response, context);
        }
        if (endSessionIfStale(request).isPresent()) {
            // Not handed on: the container restored this request's caller from the session before asking us,
            // and the page mechanism would carry it on with the old roles for this one request.
            if (!context.isProtected()) {
                return context.doNothing();
            }
            PageSignInMechanism.rememberPageAskedFor(request);
            String signIn = request.getContextPath() + PageSignInMechanism.SIGN_IN_PAGE;
            // A JSF AJAX request would follow a plain redirect and choke on the sign-in page's HTML.
            return isAjax(request) ? partialRedirect(response, signIn) : context.redirect(signIn);
        }
        return pages.validateRequest(request, response, context);
    }

    /** Ends a session that must not go on; returns why (a {@link SessionKeys#ENDED} value), or empty. */
    private Optional<String> endSessionIfStale(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SessionKeys.ACCOUNT) instanceof SessionAccount account)) {
            return Optional.empty();
        }
        String reason;
        if (account.outlived(Instant.now())) {
            reason = SessionKeys.ENDED_LIFETIME;
        } else if (!standing.stillValid(account.username(), account.securityStamp())) {
            reason = SessionKeys.ENDED_ACCOUNT_CHANGED;
        } else {
            return Optional.empty();
        }
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalidated) {
            // A parallel request of the same session ended it first.
        }
        request.getSession(true).setAttribute(SessionKeys.ENDED, reason);
        return Optional.of(reason);
    }

    private static boolean isAjax(HttpServletRequest request) {
        return "partial/ajax".equals(request.getHeader("Faces-Request"));
    }

    private static AuthenticationStatus partialRedirect(HttpServletResponse response, String url) {
        try {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + url.replace("&", "&amp;").replace("\"", "&quot;") + "\"/></partial-response>");
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        return isApi(request) ? api.secureResponse(request, response, context)
                : pages.secureResponse(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (isApi(request)) {
            api.cleanSubject(request, response, context);
        } else {
            pages.cleanSubject(request, response, context);
        }
    }
}
