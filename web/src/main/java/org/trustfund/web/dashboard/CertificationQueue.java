package org.trustfund.web.dashboard;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustfund.security.Roles;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.security.CurrentUser;
import org.trustfund.worklist.AwaitingCertification;
import org.trustfund.worklist.BulkCertification;
import org.trustfund.worklist.CertificationOutcome;
import org.trustfund.worklist.WorkList;

/**
 * The certifying officer's part of the dashboard: contributions recorded by others that wait for them, a few
 * selected and certified together after a confirmation that shows how many and their total; what was done is
 * then listed entry by entry, refusals with their reason.
 */
@Named
@ViewScoped
public class CertificationQueue implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The dashboard shows the oldest ones; the full list is the contributions page filtered on "Recorded". */
    static final int SHOWN = 20;

    @EJB
    private WorkList workList;

    @EJB
    private BulkCertification bulk;

    @Inject
    private CurrentUser currentUser;

    private List<AwaitingCertification> waiting;
    private Long count;
    private List<AwaitingCertification> selected = new ArrayList<>();
    private List<Line> done = List.of();

    /** One line of what the last bulk certification did. */
    public record Line(long contributionId, boolean certified, String text) implements Serializable {
    }

    public boolean isShown() {
        return currentUser.hasRole(Roles.CERTIFYING_OFFICER);
    }

    public List<AwaitingCertification> getWaiting() {
        if (waiting == null) {
            waiting = isShown() ? workList.awaitingCertification(SHOWN) : List.of();
        }
        return waiting;
    }

    public long getCount() {
        if (count == null) {
            count = isShown() ? workList.awaitingCertificationCount() : 0L;
        }
        return count;
    }

    /** The selection's total in US dollars: the one currency every entry has a value in. */
    public BigDecimal getSelectedUsdTotal() {
        return selected.stream().map(AwaitingCertification::usdAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Before the confirmation: nothing selected is said at once instead of an empty dialog. */
    public void confirm() {
        if (selected.isEmpty()) {
            Messages.error("wl.certify.noneSelected");
            jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
        }
    }

    public void certifySelected() {
        Map<Long, Long> versions = new LinkedHashMap<>();
        selected.forEach(a -> versions.put(a.id(), a.version()));
        List<CertificationOutcome> outcomes = bulk.certifyEach(versions);
        List<Line> lines = new ArrayList<>();
        long certified = 0;
        for (CertificationOutcome o : outcomes) {
            if (o.certified()) {
                certified++;
                lines.add(new Line(o.contributionId(), true, Messages.text("wl.certify.certified", o.contributionId())));
            } else {
                lines.add(new Line(o.contributionId(), false, Messages.text("wl.certify.refused", o.contributionId(),
                        Messages.text(o.messageKey(), o.arguments()))));
            }
        }
        done = lines;
        Messages.info("wl.certify.summary", certified, outcomes.size());
        selected = new ArrayList<>();
        waiting = null;
        count = null;
    }

    public List<AwaitingCertification> getSelected() {
        return selected;
    }

    public void setSelected(List<AwaitingCertification> selected) {
        this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
    }

    public List<Line> getDone() {
        return done;
    }
}
