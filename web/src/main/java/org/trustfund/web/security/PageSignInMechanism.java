package org.trustfund.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.trustfund.security.SignInResult;

/**
 * Form sign-in on our own JSF page, for the pages. A protected page requested without a session
 * redirects to the sign-in page and, after a successful sign-in, back to the page first asked for
 * ({@link LoginToContinue}); the session then carries the authentication ({@link AutoApplySession}).
 *
 * <p>This is what {@code @CustomFormAuthenticationMechanismDefinition} provides, as a bean of our own so
 * that {@link TrustfundAuthenticationMechanism} can hand it the page requests and keep the API to HTTP
 * Basic. {@code @Typed} hides it from the container, which must see exactly one mechanism.
 */
@AutoApplySession
@LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false)
@Typed(PageSignInMechanism.class)
@ApplicationScoped
public class PageSignInMechanism implements HttpAuthenticationMechanism {

    @Inject
    private IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential == null) {
            // Nothing typed: the interceptors send the caller to the sign-in page if the page is protected.
            return context.doNothing();
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() == CredentialValidationResult.Status.VALID
                && request.getAttribute(SessionKeys.SIGN_IN_RESULT) instanceof SignInResult signIn) {
            HttpSession session = request.getSession();
            session.setAttribute(SessionKeys.DISPLAY_NAME, signIn.displayName());
            if (signIn.mustChangePassword()) {
                session.setAttribute(SessionKeys.MUST_CHANGE_PASSWORD, Boolean.TRUE);
            }
        }
        return context.notifyContainerAboutLogin(result);
    }
}
