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
 * The application's one authentication mechanism: tokens and HTTP Basic for the REST API under {@code /api}
 * ({@link ApiMechanism}), the sign-in form and its session for everything else ({@link PageSignInMechanism}).
 * Jakarta Security 3 (Payara 6) lets an application enable exactly one mechanism and has no per-path choice,
 * so this bean makes the choice and hands each request to the mechanism for its kind of caller.
 */
@ApplicationScoped
public class TrustfundAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    private PageSignInMechanism pages;

    @Inject
    private ApiMechanism api;

    /** Whether the request is for the REST API; the servlet path is already decoded and normalized. */
    static boolean isApi(HttpServletRequest request) {
        String path = request.getServletPath();
        return "/api".equals(path) || (path != null && path.startsWith("/api/"));
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        return isApi(request) ? api.validateRequest(request, response, context)
                : pages.validateRequest(request, response, context);
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
