package org.trustfund.web.acknowledgement;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.trustfund.acknowledgement.Acknowledgement;
import org.trustfund.acknowledgement.AcknowledgementService;
import org.trustfund.security.Roles;
import org.trustfund.web.platform.ListParameters;
import org.trustfund.web.platform.Messages;

/**
 * Backs {@code /app/acknowledgements.xhtml?donor=}: a donor user's own letters and notices (whatever the address
 * says), or for staff every one, or one donor's.
 */
@Named
@ViewScoped
public class AcknowledgementsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AcknowledgementService service;

    private Long donorId;
    private List<Acknowledgement> letters = List.of();
    private boolean staff;
    private boolean loaded;

    @PostConstruct
    void load() {
        FacesContext fc = FacesContext.getCurrentInstance();
        staff = fc.getExternalContext().isUserInRole(Roles.FINANCE_OFFICER)
                || fc.getExternalContext().isUserInRole(Roles.CERTIFYING_OFFICER)
                || fc.getExternalContext().isUserInRole(Roles.AUDITOR) || fc.getExternalContext().isUserInRole(Roles.ADMIN);
        donorId = staff ? ListParameters.id("donor") : null;
        try {
            letters = service.list(donorId);
            loaded = true;
        } catch (RuntimeException e) {
            letters = List.of();
            if (!staff && e instanceof org.trustfund.platform.AccessDeniedException) {
                // A donor account that no one linked to a donor yet: say so rather than "access denied".
                Messages.error("ack.noDonor");
            } else {
                Messages.showFailure(e, "filters");
            }
        }
    }

    public String show() {
        return "/app/acknowledgements?faces-redirect=true" + ListParameters.of().put("donor", donorId).query()
                .replaceFirst("^\\?", "&");
    }

    public List<Acknowledgement> getLetters() { return letters; }
    public boolean isStaff() { return staff; }
    public boolean isLoaded() { return loaded; }
    public Long getDonorId() { return donorId; }
    public void setDonorId(Long donorId) { this.donorId = donorId; }

    /**
     * Opens the page's view action: the bean is made (and its messages, e.g. an account linked to no donor, queued)
     * before the layout renders its message area, not after it when the content first names the bean.
     */
    public void open() {
        // Nothing more: making the bean was the point.
    }
}
