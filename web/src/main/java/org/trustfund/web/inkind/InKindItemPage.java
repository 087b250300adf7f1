package org.trustfund.web.inkind;

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
import org.trustfund.inkind.InKindContribution;
import org.trustfund.inkind.InKindService;
import org.trustfund.receipt.ReceiptStatus;
import org.trustfund.security.Roles;
import org.trustfund.web.approval.Approvals;
import org.trustfund.web.approval.RequestDecisions;
import org.trustfund.web.contribution.Amounts;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.platform.Numbers;
import org.trustfund.web.platform.Pages;

/**
 * Backs {@code /finance/in-kind-item.xhtml?id=}: one in-kind contribution, the rule that applies to it, its history,
 * and the actions each role may take in its status; every action carries the version the page was loaded with.
 */
@Named
@ViewScoped
public class InKindItemPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private InKindService service;

    @EJB
    private ApprovalService approvalService;

    @Inject
    private Approvals approvals;

    private InKindContribution item;
    private long version;
    private String reason;
    private List<ApprovalRequest> requests = List.of();
    private RequestDecisions decisions;
    private List<Long> journals = List.of();

    @PostConstruct
    void load() {
        Long id = Pages.recordId(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id"));
        if (id == null) {
            Messages.error("inKind.unknown", "—");
            return;
        }
        try {
            item = service.find(id);
            version = item.getVersion();
            requests = approvalService.of(InKindContribution.SOURCE_TYPE, id);
            decisions = new RequestDecisions(approvals, "/finance/in-kind-item?id=" + id);
            journals = service.journalIds(id);
        } catch (RuntimeException e) {
            Messages.showFailure(e, "actions");
        }
    }

    public String getCertifyQuestion() {
        if (item == null) {
            return "";
        }
        return Messages.text(item.isRecognized() ? "ik.item.certify.confirmGoods" : "ik.item.certify.confirmServices",
                String.valueOf(item.getId()), Amounts.money(item.getFairValue(), Numbers.locale()),
                Amounts.money(item.usdValue(), Numbers.locale()), item.getDonor().getName());
    }

    public String certify() {
        try {
            service.certify(item.getId(), version);
            return done("ik.item.certified", item.getId());
        } catch (RuntimeException e) {
            Messages.showFailure(e, "actions");
            return null;
        }
    }

    public String sendBack() {
        try {
            service.sendBack(item.getId(), version, reason);
            return done("ik.item.sentBack", item.getId());
        } catch (RuntimeException e) {
            Messages.showFailure(e, "sendBack");
            return null;
        }
    }

    public String requestReversal() {
        try {
            ApprovalRequest r = service.requestReversal(item.getId(), version, reason);
            return done("apr.requested.done", r.getId());
        } catch (RuntimeException e) {
            Messages.showFailure(e, "reverse");
            return null;
        }
    }

    private String done(String key, Object... args) {
        Messages.info(key, args);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/finance/in-kind-item?faces-redirect=true&id=" + item.getId();
    }

    private static boolean hasRole(String role) {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(role);
    }

    private boolean is(ReceiptStatus... statuses) {
        return item != null && java.util.Arrays.asList(statuses).contains(item.getStatus());
    }

    public boolean isCanCertify() {
        return is(ReceiptStatus.RECORDED) && hasRole(Roles.CERTIFYING_OFFICER);
    }

    public boolean isCanCorrect() {
        return is(ReceiptStatus.RECORDED, ReceiptStatus.RETURNED) && hasRole(Roles.FINANCE_OFFICER);
    }

    public boolean isCanReverse() {
        return is(ReceiptStatus.CERTIFIED) && requests.stream().noneMatch(ApprovalRequest::isPending)
                && (hasRole(Roles.FINANCE_OFFICER) || hasRole(Roles.CERTIFYING_OFFICER));
    }

    public boolean isCanRecordCorrect() {
        return is(ReceiptStatus.REVERSED) && hasRole(Roles.FINANCE_OFFICER);
    }

    public String money(org.trustfund.money.Money m) {
        return m == null ? "—" : Amounts.money(m, Numbers.locale());
    }

    public InKindContribution getItem() {
        return item;
    }

    public List<ApprovalRequest> getRequests() {
        return requests;
    }

    public RequestDecisions getDecisions() {
        return decisions;
    }

    public List<Long> getJournals() {
        return journals;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
