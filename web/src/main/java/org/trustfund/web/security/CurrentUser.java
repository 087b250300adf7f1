package org.trustfund.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Arrays;
import java.util.List;
import org.trustfund.security.Role;

/** Who is signed in, for the layout and for showing what each role may do. */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    private FacesContext facesContext;

    private HttpServletRequest request() {
        return (HttpServletRequest) facesContext.getExternalContext().getRequest();
    }

    public boolean isSignedIn() {
        return request().getUserPrincipal() != null;
    }

    public String getUsername() {
        return isSignedIn() ? request().getUserPrincipal().getName() : null;
    }

    public String getDisplayName() {
        HttpSession session = request().getSession(false);
        Object name = session == null ? null : session.getAttribute(SessionKeys.DISPLAY_NAME);
        return name != null ? name.toString() : getUsername();
    }

    public boolean hasRole(String role) {
        return request().isUserInRole(role);
    }

    public List<Role> getRoles() {
        return Arrays.stream(Role.values()).filter(r -> request().isUserInRole(r.name())).toList();
    }
}
