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
 * Backs {@code /app/my-donor.xhtml}, for a donor user: their donor's details as the fund holds them, with the contact,
 * the language of correspondence and the public-recognition preference theirs to change (staff see the change in the
 * audit log). A stale version is refused with a message, never saved over someone else's change.
 */
@Named
@ViewScoped
public class MyDonorPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private DonorService donors;

    private Donor donor;
    /** The donors the user acts for, when more than one (a ministry and its agency): the page switches between them. */
    private java.util.List<Donor> choices = java.util.List.of();
    private long version;
    private String contactName;
    private String contactEmail;
    private boolean publiclyNamed;
    private String correspondenceLanguage;

    @PostConstruct
    void load() {
        if (!Pages.requireRole(Roles.DONOR)) {
            return;
        }
        try {
            Long asked = org.trustfund.web.platform.ListParameters.id("donor");
            show(donors.own(asked));
            choices = donors.ownDonors();
        } catch (org.trustfund.platform.AccessDeniedException e) {
            if (org.trustfund.web.platform.ListParameters.id("donor") != null) {
                Pages.forbidden();
            } else {
                Messages.error("ack.noDonor");
            }
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
        correspondenceLanguage = d.getCorrespondenceLanguage();
    }

    public String save() {
        try {
            donors.changeOwnContact(donor.getId(), version, contactName, contactEmail, publiclyNamed,
                    correspondenceLanguage);
        } catch (RuntimeException e) {
            Messages.showFailure(e, "details");
            return null;
        }
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        Messages.info("my.saved");
        return "/app/my-donor?faces-redirect=true&donor=" + donor.getId();
    }

    public Donor getDonor() { return donor; }
    public java.util.List<Donor> getChoices() { return choices; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public boolean isPubliclyNamed() { return publiclyNamed; }
    public void setPubliclyNamed(boolean publiclyNamed) { this.publiclyNamed = publiclyNamed; }
    public String getCorrespondenceLanguage() { return correspondenceLanguage; }
    public void setCorrespondenceLanguage(String language) { this.correspondenceLanguage = language; }
    public java.util.List<String> getLanguages() { return org.trustfund.reference.UnLanguage.codes(); }

    /**
     * Opens the page's view action: the bean is made (and its messages, e.g. an account linked to no donor, queued)
     * before the layout renders its message area, not after it when the content first names the bean.
     */
    public void open() {
        // Nothing more: making the bean was the point.
    }
}
