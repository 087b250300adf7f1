package org.trustfund.web.approval;

import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.trustfund.approval.ApprovalRequest;
import org.trustfund.security.Roles;
import org.trustfund.web.platform.Messages;

/**
 * The decisions a page offers on approval requests (approve, reject with a note, withdraw), shared by the
 * contribution, pledge and approvals pages through the fragment {@code approval-requests.xhtml}. Each action
 * carries the version the request was read at, so a second click or a second officer deciding meanwhile is refused
 * with a message, not applied twice. After a decision the page is loaded again (post, redirect, get).
 */
public class RequestDecisions implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Approvals approvals;
    private final String reloadOutcome;
    private final Map<Long, String> notes = new HashMap<>();

    /**
     * @param approvals the application-scoped dispatcher (its client proxy is serializable with the view)
     * @param reloadOutcome where to go after a decision, e.g. {@code /finance/pledge?id=7}
     */
    public RequestDecisions(Approvals approvals, String reloadOutcome) {
        this.approvals = Objects.requireNonNull(approvals);
        this.reloadOutcome = Objects.requireNonNull(reloadOutcome);
    }

    /** The question asked before approving, with the amount at stake. */
    public String approveQuestion(ApprovalRequest request) {
        return Messages.text("apr.approve.confirm", Messages.text("apr.kind." + request.getKind()), String.valueOf(request.getId()),
                approvals.subjectAmount(request));
    }

    /** Approves and performs it; stays on the page with the reason if refused. */
    public String approve(ApprovalRequest request) {
        try {
            approvals.approve(request.getId(), request.getVersion());
            return reload("apr.approved.done", request.getId());
        } catch (RuntimeException e) {
            Messages.showFailure(e, "requests");
            return null;
        }
    }

    public String reject(ApprovalRequest request) {
        try {
            approvals.reject(request.getId(), request.getVersion(), notes.get(request.getId()));
            return reload("apr.rejected.done", request.getId());
        } catch (RuntimeException e) {
            Messages.showFailure(e, "requests");
            return null;
        }
    }

    public String withdraw(ApprovalRequest request) {
        try {
            approvals.withdraw(request.getId(), request.getVersion());
            return reload("apr.withdrawn.done", request.getId());
        } catch (RuntimeException e) {
            Messages.showFailure(e, "requests");
            return null;
        }
    }

    private String reload(String key, Object... args) {
        Messages.info(key, args);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return reloadOutcome + (reloadOutcome.contains("?") ? "&" : "?") + "faces-redirect=true";
    }

    /** A certifying officer who did not ask may decide; the service checks it again. */
    public boolean canDecide(ApprovalRequest r) {
        FacesContext fc = FacesContext.getCurrentInstance();
        return r.isPending() && fc.getExternalContext().isUserInRole(Roles.CERTIFYING_OFFICER)
                && !r.getRequestedBy().equals(fc.getExternalContext().getRemoteUser());
    }

    public boolean canWithdraw(ApprovalRequest r) {
        return r.isPending() && r.getRequestedBy().equals(FacesContext.getCurrentInstance().getExternalContext().getRemoteUser());
    }

    /** The rejection note typed for each request, by id. */
    public Map<Long, String> getNotes() {
        return notes;
    }
}
