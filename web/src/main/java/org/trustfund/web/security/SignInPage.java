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
import java.net.URI;
import java.util.Optional;
import org.trustfund.web.platform.Messages;

/** Backs the sign-in page. */
@Named
@RequestScoped
public class SignInPage {

    private static final String SAVED_REQUEST = "org.glassfish.soteria.original.request";

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
            case SUCCESS -> ec.redirect(returnTo(request).orElse(ec.getRequestContextPath() + "/app/dashboard.xhtml"));
            default -> {
                Messages.error("signin.failed");
                facesContext.validationFailed();
            }
        }
    }

    /**
     * The page the user asked for before being sent to sign in. The server's Jakarta Security
     * implementation (Soteria) keeps it in the session but, for a sign-in started by the application,
     * leaves the redirect to us. Only a path inside this application is followed, never another site.
     */
    static Optional<String> returnTo(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object saved = session == null ? null : session.getAttribute(SAVED_REQUEST);
        if (saved == null) {
            return Optional.empty();
        }
        try {
            String url = (String) saved.getClass().getMethod("getFullRequestURL").invoke(saved);
            URI uri = URI.create(url);
            String path = uri.getRawPath();
            if (path == null || !path.startsWith(request.getContextPath() + "/") || path.contains("..")
                    || "POST".equalsIgnoreCase(String.valueOf(saved.getClass().getMethod("getMethod").invoke(saved)))) {
                return Optional.empty();
            }
            return Optional.of(path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (ReflectiveOperationException | IllegalArgumentException | ClassCastException e) {
            return Optional.empty();
        } finally {
            session.removeAttribute(SAVED_REQUEST);
        }
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
