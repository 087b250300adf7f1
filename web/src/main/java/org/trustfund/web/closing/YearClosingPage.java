package org.trustfund.web.closing;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.trustfund.closing.YearClosingService;
import org.trustfund.closing.YearStatus;
import org.trustfund.closing.YearSummary;
import org.trustfund.reference.Fund;
import org.trustfund.reference.ReferenceData;
import org.trustfund.security.Roles;
import org.trustfund.web.platform.Messages;

/**
 * Backs the year-end closing page ({@code ?fund=}): the fund's years with their state, and the steps the user's
 * role allows on each. Every step carries the version of the year as shown, so a step taken meanwhile by someone
 * else (or a second click) is refused by the service; after a step the page is loaded again (post, redirect, get).
 */
@Named
@ViewScoped
public class YearClosingPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private YearClosingService closing;

    @EJB
    private ReferenceData reference;

    private List<Fund> funds = List.of();
    private Long fundId;
    private List<YearSummary> years = List.of();
    private YearSummary selected;
    private String reason;

    @PostConstruct
    void load() {
        funds = reference.funds();
        String asked = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("fund");
        if (asked != null && asked.matches("\\d{1,18}")) {
            long id = Long.parseLong(asked);
            fundId = funds.stream().map(Fund::getId).filter(f -> f == id).findFirst().orElse(null);
        }
        if (fundId == null && !funds.isEmpty()) {
            fundId = funds.get(0).getId();
        }
        showYears();
    }

    /** Another fund chosen in the list. */
    public void showYears() {
        selected = null;
        years = List.of();
        if (fundId == null) {
            return;
        }
        try {
            // Newest first: the year to close or reopen is near the top.
            List<YearSummary> all = new java.util.ArrayList<>(closing.years(fundId));
            java.util.Collections.reverse(all);
            years = all;
        } catch (RuntimeException e) {
            Messages.showFailure(e, "fund");
        }
    }

    public String propose(YearSummary y) {
        try {
            YearSummary done = closing.proposeClose(y.fundId(), y.year(), y.version());
            return done("closing.done.proposed", done);
        } catch (RuntimeException e) {
            Messages.showFailure(e, "years");
            return null;
        }
    }

    public String confirm(YearSummary y) {
        try {
            YearSummary done = closing.confirmClose(y.fundId(), y.year(), y.version());
            return done("closing.done.closed", done);
        } catch (RuntimeException e) {
            Messages.showFailure(e, "years");
            return null;
        }
    }

    public String confirmReopen(YearSummary y) {
        try {
            YearSummary done = closing.confirmReopen(y.fundId(), y.year(), y.version());
            return done("closing.done.reopened", done);
        } catch (RuntimeException e) {
            Messages.showFailure(e, "years");
            return null;
        }
    }

    /** Opens the reason dialog for a rejection or a reopening request of that year. */
    public void select(YearSummary y) {
        selected = y;
        reason = null;
    }

    /** Sends the reason dialog: a rejection of what waits on the year, or a request to reopen it. */
    public String sendWithReason() {
        if (selected == null) {
            return null;
        }
        try {
            if (selected.status() == YearStatus.CLOSED) {
                return done("closing.done.reopenRequested",
                        closing.requestReopen(selected.fundId(), selected.year(), selected.version(), reason));
            }
            return done("closing.done.rejected",
                    closing.reject(selected.fundId(), selected.year(), selected.version(), selected.status(), reason));
        } catch (RuntimeException e) {
            Messages.showFailure(e, "reasonForm");
            return null;
        }
    }

    private String done(String key, YearSummary y) {
        Messages.info(key, String.valueOf(y.year()), y.fundCode());
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/finance/year-closing?faces-redirect=true&fund=" + y.fundId();
    }

    private static boolean hasRole(String role) {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(role);
    }

    public boolean canPropose(YearSummary y) {
        return y.status() == YearStatus.OPEN && y.year() < LocalDate.now(ZoneOffset.UTC).getYear()
                && hasRole(Roles.FINANCE_OFFICER);
    }

    public boolean canConfirm(YearSummary y) {
        return y.status() == YearStatus.CLOSE_PROPOSED && hasRole(Roles.CERTIFYING_OFFICER);
    }

    public boolean canReject(YearSummary y) {
        return (y.status() == YearStatus.CLOSE_PROPOSED || y.status() == YearStatus.REOPEN_PROPOSED)
                && hasRole(Roles.CERTIFYING_OFFICER);
    }

    public boolean canRequestReopen(YearSummary y) {
        return y.status() == YearStatus.CLOSED && y.closedWith() == null && hasRole(Roles.FINANCE_OFFICER);
    }

    public boolean canConfirmReopen(YearSummary y) {
        return y.status() == YearStatus.REOPEN_PROPOSED && hasRole(Roles.CERTIFYING_OFFICER);
    }

    /** Whether the user takes any step at all (auditors and administrators only read). */
    public boolean isActing() {
        return hasRole(Roles.FINANCE_OFFICER) || hasRole(Roles.CERTIFYING_OFFICER);
    }

    public String statusLabel(YearSummary y) {
        if (y.closedWith() != null) {
            return Messages.text("closing.status.closedWith", String.valueOf(y.closedWith()));
        }
        return Messages.text("closing.status." + y.status().name());
    }

    /** The reason dialog's title: rejecting a proposal, or asking to reopen. */
    public String getDialogTitle() {
        if (selected == null) {
            return "";
        }
        return Messages.text(selected.status() == YearStatus.CLOSED ? "closing.reopenTitle" : "closing.rejectTitle",
                String.valueOf(selected.year()));
    }

    public List<Fund> getFunds() {
        return funds;
    }

    public Long getFundId() {
        return fundId;
    }

    public void setFundId(Long fundId) {
        this.fundId = fundId;
    }

    public List<YearSummary> getYears() {
        return years;
    }

    public YearSummary getSelected() {
        return selected;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
