package org.trustfund.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import org.trustfund.security.SignInResult;

/**
 * Form sign-in on our own JSF page, for the pages. A protected page requested without a session
 * redirects to the sign-in page and, after a successful sign-in, back to the page first asked for
 * (kept in the session by {@link #rememberPageAskedFor}); the session then carries the authentication
 * ({@link AutoApplySession}).
 *
 * <p>This is what {@code @CustomFormAuthenticationMechanismDefinition} provides, as a bean of our own so
 * that {@link TrustfundAuthenticationMechanism} can hand it the page requests and keep the API to HTTP
 * Basic. {@code @Typed} hides it from the container, which must see exactly one mechanism.
 */
@AutoApplySession
@Typed(PageSignInMechanism.class)
@ApplicationScoped
public class PageSignInMechanism implements HttpAuthenticationMechanism {

    static final String SIGN_IN_PAGE = "/login.xhtml";

    @Inject
    private IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential == null) {
            if (context.isProtected() && request.getUserPrincipal() == null) {
                rememberPageAskedFor(request);
                return context.redirect(request.getContextPath() + SIGN_IN_PAGE);
            }
            return context.doNothing();
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() == CredentialValidationResult.Status.VALID
                && request.getAttribute(SessionKeys.SIGN_IN_RESULT) instanceof SignInResult signIn) {
            HttpSession session = request.getSession();
            session.setAttribute(SessionKeys.ACCOUNT,
                    new SessionAccount(signIn.username(), signIn.securityStamp(), Instant.now()));
            session.setAttribute(SessionKeys.DISPLAY_NAME, signIn.displayName());
            if (signIn.mustChangePassword()) {
                session.setAttribute(SessionKeys.MUST_CHANGE_PASSWORD, Boolean.TRUE);
            }
        }
        return context.notifyContainerAboutLogin(result);
    }

    /**
     * Keeps the page a signed-out user asked for, so {@link SignInPage} can send them there after signing
     * in. Only GET requests (a POST's form data is not replayed) and only paths inside this application.
     */
    static void rememberPageAskedFor(HttpServletRequest request) {
        if ("GET".equals(request.getMethod())) {
            String query = request.getQueryString();
            request.getSession().setAttribute(SessionKeys.RETURN_TO,
                    request.getRequestURI() + (query == null ? "" : "?" + query));
        }
    }
}
