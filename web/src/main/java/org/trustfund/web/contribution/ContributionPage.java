package org.trustfund.web.contribution;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import org.trustfund.contribution.Contribution;
import org.trustfund.contribution.ContributionService;
import org.trustfund.contribution.ContributionStatus;
import org.trustfund.security.Roles;
import org.trustfund.web.platform.Messages;

/**
 * Backs the page of one contribution ({@code ?id=}): everything about it, and the maker–checker actions
 * each role may take in its status. Every action carries the version the page was loaded with, so a
 * change made meanwhile by someone else is refused with a clear message instead of being overwritten.
 */
@Named
@ViewScoped
public class ContributionPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ContributionService contributions;

    private Contribution contribution;
    private long version;
    private String reason;

    @PostConstruct
    void load() {
        String id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
        if (id == null || !id.matches("\\d{1,18}")) {
            Messages.error("con.detail.notFound");
            return;
        }
        try {
            contribution = contributions.find(Long.parseLong(id));
            version = contribution.getVersion();
        } catch (RuntimeException e) {
            Messages.showFailure(e, "actions");
        }
    }

    public String certify() {
        try {
            Contribution c = contributions.certify(contribution.getId(), version);
            return done("con.detail.certified.done", c.getId());
        } catch (RuntimeException e) {
            Messages.showFailure(e, "actions");
            return null;
        }
    }

    public String sendBack() {
        try {
            Contribution c = contributions.sendBack(contribution.getId(), version, reason);
            return done("con.detail.sentBack.done", c.getId(), c.getRecordedBy());
        } catch (RuntimeException e) {
            Messages.showFailure(e, "sendBack");
            return null;
        }
    }

    public String reverse() {
        try {
            // Placeholder until the page's request panel lands: the reversal is now a request.
            contributions.requestReversal(contribution.getId(), version, reason);
            return done("con.detail.reversed.done", contribution.getId());
        } catch (RuntimeException e) {
            Messages.showFailure(e, "reverse");
            return null;
        }
    }

    /** Shows the outcome on the reloaded page (post, redirect, get), so a refresh never repeats the action. */
    private String done(String key, Object... args) {
        Messages.info(key, args);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/finance/contribution?faces-redirect=true&id=" + contribution.getId();
    }

    private boolean is(ContributionStatus... statuses) {
        if (contribution == null) {
            return false;
        }
        for (ContributionStatus s : statuses) {
            if (contribution.getStatus() == s) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasRole(String role) {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(role);
    }

    /** A certifying officer on a recorded contribution; certifying one's own entry is refused by the service. */
    public boolean isCanCertify() {
        return is(ContributionStatus.RECORDED) && hasRole(Roles.CERTIFYING_OFFICER);
    }

    public boolean isCanCorrect() {
        return is(ContributionStatus.RECORDED, ContributionStatus.RETURNED) && hasRole(Roles.FINANCE_OFFICER);
    }

    public boolean isCanReverse() {
        return is(ContributionStatus.CERTIFIED)
                && (hasRole(Roles.FINANCE_OFFICER) || hasRole(Roles.CERTIFYING_OFFICER));
    }

    /** After a reversal the finance officer records the correct one, prefilled from the reversed one. */
    public boolean isCanRecordCorrect() {
        return is(ContributionStatus.REVERSED) && hasRole(Roles.FINANCE_OFFICER);
    }

    public Contribution getContribution() {
        return contribution;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
