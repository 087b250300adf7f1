package org.trustfund.web.acknowledgement;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import org.trustfund.donor.Donor;
import org.trustfund.donor.DonorService;
import org.trustfund.security.Roles;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.platform.Pages;

/**
 * Backs {@code /app/my-donor.xhtml}, for a donor user: their donor's details as the fund holds them, with the contact
 * and the public-recognition preference theirs to change (staff see the change in the audit log). A stale version is
 * refused with a message, never saved over someone else's change.
 */
@Named
@ViewScoped
public class MyDonorPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private DonorService donors;

    private Donor donor;
    private long version;
    private String contactName;
    private String contactEmail;
    private boolean publiclyNamed;

    @PostConstruct
    void load() {
        if (!Pages.requireRole(Roles.DONOR)) {
            return;
        }
        try {
            show(donors.own());
        } catch (org.trustfund.platform.AccessDeniedException e) {
            Messages.error("ack.noDonor");
        } catch (RuntimeException e) {
            Messages.showFailure(e, "details");
        }
    }

    private void show(Donor d) {
        donor = d;
        version = d.getVersion();
        contactName = d.getContactName();
        contactEmail = d.getContactEmail();
        publiclyNamed = d.isPubliclyNamed();
    }

    public String save() {
        try {
            donors.changeOwnContact(version, contactName, contactEmail, publiclyNamed);
        } catch (RuntimeException e) {
            Messages.showFailure(e, "details");
            return null;
        }
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        Messages.info("my.saved");
        return "/app/my-donor?faces-redirect=true";
    }

    public Donor getDonor() { return donor; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public boolean isPubliclyNamed() { return publiclyNamed; }
    public void setPubliclyNamed(boolean publiclyNamed) { this.publiclyNamed = publiclyNamed; }
}
