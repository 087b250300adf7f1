package org.trustfund.web.approval;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
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
    private RequestDecisions decisions;

    @PostConstruct
    void load() {
        requests = approvalService.pending(MAX);
        decisions = new RequestDecisions(approvals, "/finance/approvals");
    }

    public List<ApprovalRequest> getRequests() {
        return requests;
    }

    public RequestDecisions getDecisions() {
        return decisions;
    }
}
