package org.trustfund.web.donor;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.trustfund.donor.DonorMerge;
import org.trustfund.donor.DonorService;
import org.trustfund.security.Roles;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.platform.Pages;

/**
 * Backs {@code /admin/merge-donors.xhtml}: an administrator merges a donor recorded twice into the one kept, after
 * confirming the two by name and number ({@code ?merged=} preselects the one to merge, from its page).
 */
@Named
@ViewScoped
public class MergeDonorsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private DonorService donors;

    private DonorPicker donorPicker;
    private Long mergedParameter;
    private DonorChoice kept;
    private DonorChoice merged;
    private String reason;

    @PostConstruct
    void createDonorPicker() {
        donorPicker = new DonorPicker(donors);
    }

    /** Page load: administrators only; preselects the donor given in the address. */
    public void load() {
        if (!Pages.requireRole(Roles.ADMIN) || FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        if (mergedParameter != null) {
            merged = donorPicker.choice(mergedParameter);
        }
    }

    /** First step: checks the choice; the view then asks for confirmation with both names. */
    public void check() {
        if (kept == null) {
            Messages.errorAt("merge:kept", "donor.merge.kept.required");
        }
        if (merged == null) {
            Messages.errorAt("merge:merged", "donor.merge.merged.required");
        }
        if (kept != null && merged != null && kept.id() == merged.id()) {
            Messages.errorAt("merge:merged", "donor.merge.same");
        }
        if (reason == null || reason.isBlank()) {
            Messages.errorAt("merge:reason", "donor.merge.reason.required");
        }
        if (FacesContext.getCurrentInstance().getMaximumSeverity() != null) {
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    /** Confirmed: merges, then shows the donor kept. */
    public void merge() throws IOException {
        DonorMerge done;
        try {
            done = donors.merge(kept == null ? 0 : kept.id(), merged == null ? 0 : merged.id(), reason);
        } catch (RuntimeException e) {
            Messages.showFailure(e, "merge");
            return;
        }
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        ec.getFlash().setKeepMessages(true);
        Messages.info("merge.done", kept.name(), merged.name(), done.recordsMoved());
        ec.redirect(ec.getRequestContextPath() + "/finance/donor.xhtml?id=" + done.keptId());
    }

    public DonorPicker getDonorPicker() {
        return donorPicker;
    }

    public Long getMergedParameter() {
        return mergedParameter;
    }

    public void setMergedParameter(Long mergedParameter) {
        this.mergedParameter = mergedParameter;
    }

    public DonorChoice getKept() {
        return kept;
    }

    public void setKept(DonorChoice kept) {
        this.kept = kept;
    }

    public DonorChoice getMerged() {
        return merged;
    }

    public void setMerged(DonorChoice merged) {
        this.merged = merged;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
