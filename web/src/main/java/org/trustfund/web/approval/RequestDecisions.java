package org.trustfund.web.approval;

import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.trustfund.approval.ApprovalRequest;
import org.trustfund.security.Roles;
import org.trustfund.web.platform.Messages;

/**
 * The decisions a page offers on approval requests (approve, reject with a note, withdraw), shared by the
 * contribution, pledge and approvals pages. Each action carries the version the request was read at, so a second
 * click or a second officer deciding meanwhile is refused with a message, not applied twice.
 */
public class RequestDecisions implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<Long, String> notes = new HashMap<>();

    /** Approves and performs it; false (with the reason shown in {@code formId}) if refused. */
    public boolean approve(Approvals approvals, ApprovalRequest request, String formId) {
        try {
            approvals.approve(request.getId(), request.getVersion());
            Messages.info("apr.approved.done", request.getId());
            return true;
        } catch (RuntimeException e) {
            Messages.showFailure(e, formId);
            return false;
        }
    }

    public boolean reject(Approvals approvals, ApprovalRequest request, String formId) {
        try {
            approvals.reject(request.getId(), request.getVersion(), notes.get(request.getId()));
            Messages.info("apr.rejected.done", request.getId());
            return true;
        } catch (RuntimeException e) {
            Messages.showFailure(e, formId);
            return false;
        }
    }

    public boolean withdraw(Approvals approvals, ApprovalRequest request, String formId) {
        try {
            approvals.withdraw(request.getId(), request.getVersion());
            Messages.info("apr.withdrawn.done", request.getId());
            return true;
        } catch (RuntimeException e) {
            Messages.showFailure(e, formId);
            return false;
        }
    }

    /** A certifying officer who did not ask may decide; the service checks it again. */
    public static boolean canDecide(ApprovalRequest r) {
        FacesContext fc = FacesContext.getCurrentInstance();
        return r.isPending() && fc.getExternalContext().isUserInRole(Roles.CERTIFYING_OFFICER)
                && !r.getRequestedBy().equals(fc.getExternalContext().getRemoteUser());
    }

    public static boolean canWithdraw(ApprovalRequest r) {
        return r.isPending() && r.getRequestedBy().equals(FacesContext.getCurrentInstance().getExternalContext().getRemoteUser());
    }

    /** The rejection note typed for each request, by id. */
    public Map<Long, String> getNotes() {
        return notes;
    }
}
