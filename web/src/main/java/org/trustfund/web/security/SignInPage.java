package org.trustfund.web.security;

import jakarta.annotation.PostConstruct;
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
import org.trustfund.security.SignInResult;
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
    private String endedReason;

    /** Why the last session ended (an administrator changed the account, or its lifetime was over), once. */
    @PostConstruct
    void readWhySessionEnded() {
        HttpServletRequest request = (HttpServletRequest) facesContext.getExternalContext().getRequest();
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SessionKeys.ENDED) instanceof String reason) {
            endedReason = reason;
            session.removeAttribute(SessionKeys.ENDED);
        }
    }

    /** The bundle key of the notice why the session ended, or null. */
    public String getEndedNotice() {
        return endedReason == null ? null : "signin." + endedReason;
    }

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
            case SUCCESS -> ec.redirect(returnTo(request).orElse(ec.getRequestContextPath() + "/app/dashboard.xhtml"));
            default -> {
                if (Boolean.TRUE.equals(request.getAttribute(SessionKeys.DATABASE_UNREACHABLE))) {
                    // Said on the form, which keeps the user name, rather than "wrong password".
                    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                    Messages.error("error.database.text");
                } else if (request.getAttribute(SessionKeys.SIGN_IN_RESULT) instanceof SignInResult result
                        && result.outcome() == SignInResult.Outcome.THROTTLED) {
                    Messages.error("signin.throttled", result.retryAfter().toSeconds());
                } else {
                    Messages.error("signin.failed");
                }
                facesContext.validationFailed();
            }
        }
    }

    /**
     * The page the user asked for before being sent to sign in, if it is a path inside this application
     * (never another site), taken out of the session so it is used once.
     */
    static Optional<String> returnTo(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object saved = session == null ? null : session.getAttribute(SessionKeys.RETURN_TO);
        if (session != null) {
            session.removeAttribute(SessionKeys.RETURN_TO);
        }
        if (!(saved instanceof String path) || !path.startsWith(request.getContextPath() + "/") || path.contains("..")
                || path.startsWith(request.getContextPath() + PageSignInMechanism.SIGN_IN_PAGE)) {
            return Optional.empty();
        }
        return Optional.of(path);
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
