package org.trustfund.web.approval;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.trustfund.approval.ApprovalRequest;
import org.trustfund.approval.ApprovalService;

/** Backs the list of requests waiting for a second person, oldest first, with the decisions the reader may take. */
@Named
@ViewScoped
public class ApprovalsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX = 200;

    @EJB
    private ApprovalService approvalService;

    @Inject
    private Approvals approvals;

    private List<ApprovalRequest> requests = List.of();
    private final RequestDecisions decisions = new RequestDecisions();

    @PostConstruct
    void load() {
        requests = approvalService.pending(MAX);
    }

    public String approve(ApprovalRequest request) {
        return decisions.approve(approvals, request, "requests") ? reload() : null;
    }

    public String reject(ApprovalRequest request) {
        return decisions.reject(approvals, request, "requests") ? reload() : null;
    }

    public String withdraw(ApprovalRequest request) {
        return decisions.withdraw(approvals, request, "requests") ? reload() : null;
    }

    public boolean canDecide(ApprovalRequest request) {
        return RequestDecisions.canDecide(request);
    }

    public boolean canWithdraw(ApprovalRequest request) {
        return RequestDecisions.canWithdraw(request);
    }

    private static String reload() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/finance/approvals?faces-redirect=true";
    }

    public List<ApprovalRequest> getRequests() {
        return requests;
    }

    public RequestDecisions getDecisions() {
        return decisions;
    }
}
