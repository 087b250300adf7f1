package org.trustfund.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.trustfund.web.platform.Messages;

/** Backs the sign-in page. */
@Named
@RequestScoped
public class SignInPage {

    @Inject
    private SecurityContext securityContext;

    @Inject
    private FacesContext facesContext;

    private String username;
    private String password;

    public void signIn() throws IOException {
        ExternalContext ec = facesContext.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ec.getRequest();
        HttpServletResponse response = (HttpServletResponse) ec.getResponse();
        // A new session id before authenticating: an id known before sign-in is useless after it.
        request.getSession(true);
        request.changeSessionId();
        AuthenticationStatus status = securityContext.authenticate(request, response,
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username == null ? "" : username.trim(),
                                new Password(password == null ? "" : password)))
                        .newAuthentication(true));
        password = null;
        switch (status) {
            case SEND_CONTINUE -> facesContext.responseComplete();
            case SUCCESS -> ec.redirect(pageAskedFor(request)
                    .orElse(ec.getRequestContextPath() + "/app/dashboard.xhtml"));
            default -> {
                Messages.error("signin.failed");
                facesContext.validationFailed();
            }
        }
    }

    /**
     * The protected page that sent the user here, if any (see {@link TrustfundAuthenticationMechanism}); only
     * ever an address of this application, recorded by the server, so it cannot send anyone elsewhere.
     */
    private static Optional<String> pageAskedFor(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SessionKeys.PAGE_ASKED_FOR) instanceof String page)) {
            return Optional.empty();
        }
        session.removeAttribute(SessionKeys.PAGE_ASKED_FOR);
        return page.startsWith(request.getContextPath() + "/") ? Optional.of(page) : Optional.empty();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
