package org.trustfund.web.account;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.trustfund.security.MyAccount;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.security.ClientAddress;
import org.trustfund.web.security.SessionAccounts;
import org.trustfund.web.security.SessionKeys;

/** Backs the change-password page. */
@Named
@RequestScoped
public class ChangePasswordPage {

    @EJB
    private MyAccount myAccount;

    @Inject
    private FacesContext facesContext;

    private String currentPassword;
    private String newPassword;
    private String confirmation;

    public boolean isRequired() {
        HttpServletRequest request = (HttpServletRequest) facesContext.getExternalContext().getRequest();
        return request.getSession(false) != null
                && request.getSession().getAttribute(SessionKeys.MUST_CHANGE_PASSWORD) != null;
    }

    public void change() throws IOException {
        HttpServletRequest request = (HttpServletRequest) facesContext.getExternalContext().getRequest();
        try {
            long newStamp = myAccount.changePassword(chars(currentPassword), chars(newPassword), chars(confirmation),
                    ClientAddress.of(request));
            // This session goes on under the new stamp; the account's other sessions end.
            SessionAccounts.restamp(request, newStamp);
        } catch (RuntimeException e) {
            Messages.showFailure(e, "password");
            return;
        } finally {
            currentPassword = null;
            newPassword = null;
            confirmation = null;
        }
        ExternalContext ec = facesContext.getExternalContext();
        ec.getSessionMap().remove(SessionKeys.MUST_CHANGE_PASSWORD);
        ec.getFlash().setKeepMessages(true);
        Messages.info("password.changed");
        ec.redirect(ec.getRequestContextPath() + "/app/dashboard.xhtml");
    }

    private static char[] chars(String s) {
        return s == null ? new char[0] : s.toCharArray();
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
