package org.trustfund.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.trustfund.security.SignInService;

/** Signs the user out: audits it, ends the authentication and the whole session. */
@Named
@RequestScoped
public class SignOut {

    @EJB
    private SignInService signIn;

    @Inject
    private FacesContext facesContext;

    public void signOut() throws ServletException, IOException {
        ExternalContext ec = facesContext.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ec.getRequest();
        if (request.getUserPrincipal() != null) {
            signIn.signOut(request.getUserPrincipal().getName(), ClientAddress.of(request));
        }
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        ec.redirect(ec.getRequestContextPath() + "/login.xhtml?signedOut=true");
        facesContext.responseComplete();
    }
}
