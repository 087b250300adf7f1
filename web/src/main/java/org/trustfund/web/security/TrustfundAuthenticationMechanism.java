package org.trustfund.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The application's one authentication mechanism: HTTP Basic for the REST API under {@code /api}, the
 * sign-in form for everything else. Jakarta Security 3 (Payara 6) lets an application enable exactly one
 * mechanism and has no per-path choice, so this bean makes the choice and hands each request to the
 * mechanism for its kind of caller.
 */
@ApplicationScoped
public class TrustfundAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    private PageSignInMechanism pages;

    @Inject
    private ApiBasicMechanism api;

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
        rememberPageAskedFor(request, context);
        return pages.validateRequest(request, response, context);
    }

    /**
     * Keeps the protected page a signed-out user asked for, so the sign-in page can send them on to it.
     * {@code @LoginToContinue} would do this itself, but only if the sign-in continued its dialog rather
     * than start a new authentication; and on Payara 6 the request it then replays reaches the enterprise
     * beans without the user's roles (EJBAccessException on the first page), so the sign-in page starts a
     * new authentication and redirects by itself. Only GET requests: a form post is not replayed.
     */
    private static void rememberPageAskedFor(HttpServletRequest request, HttpMessageContext context) {
        if (context.isProtected() && !context.isAuthenticationRequest() && request.getUserPrincipal() == null
                && "GET".equals(request.getMethod())) {
            String query = request.getQueryString();
            request.getSession().setAttribute(SessionKeys.PAGE_ASKED_FOR,
                    request.getRequestURI() + (query == null ? "" : "?" + query));
        }
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
