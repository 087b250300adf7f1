package org.trustfund.web.intermediary;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.trustfund.approval.ApprovalRequest;
import org.trustfund.approval.ApprovalService;
import org.trustfund.intermediary.IntermediaryService;
import org.trustfund.intermediary.IntermediaryTransfer;
import org.trustfund.intermediary.Reconciliation;
import org.trustfund.receipt.ReceiptStatus;
import org.trustfund.security.Roles;
import org.trustfund.web.approval.Approvals;
import org.trustfund.web.approval.RequestDecisions;
import org.trustfund.web.contribution.Amounts;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.platform.Numbers;
import org.trustfund.web.platform.Pages;

/**
 * Backs {@code /finance/transfer.xhtml?id=}: one transfer with its amounts, reconciliation and gifts, and the actions
 * each role may take in its status. Every action carries the version the page was loaded with.
 */
@Named
@ViewScoped
public class TransferPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private IntermediaryService service;

    @EJB
    private ApprovalService approvalService;

    @Inject
    private Approvals approvals;

    private IntermediaryTransfer transfer;
    private long version;
    private String reason;
    private List<ApprovalRequest> requests = List.of();
    private RequestDecisions decisions;
    private List<Long> journals = List.of();

    @jakarta.annotation.PostConstruct
    void load() {
        Long id = Pages.recordId(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id"));
        if (id == null) {
            Messages.error("transfer.unknown", "—");
            return;
        }
        try {
            transfer = service.findTransfer(id);
            version = transfer.getVersion();
            requests = approvalService.of(IntermediaryTransfer.SOURCE_TYPE, id);
            decisions = new RequestDecisions(approvals, "/finance/transfer?id=" + id);
            journals = service.journalIds(id);
        } catch (RuntimeException e) {
            Messages.showFailure(e, "actions");
        }
    }

    public String getCertifyQuestion() {
        if (transfer == null) {
            return "";
        }
        return Messages.text("itm.tr.certify.confirm", String.valueOf(transfer.getId()),
                transfer.getNet() == null ? "—" : Amounts.money(transfer.netMoney(), Numbers.locale()),
                transfer.getUsdNet() == null ? "—" : Amounts.money(transfer.usdValue(), Numbers.locale()),
                transfer.getIntermediary().getName());
    }

    public String certify() {
        try {
            service.certify(transfer.getId(), version);
            return done("itm.tr.certified");
        } catch (RuntimeException e) {
            Messages.showFailure(e, "actions");
            return null;
        }
    }

    public String sendBack() {
        try {
            service.sendBack(transfer.getId(), version, reason);
            return done("itm.tr.sentBack");
        } catch (RuntimeException e) {
            Messages.showFailure(e, "sendBack");
            return null;
        }
    }

    public String requestReversal() {
        try {
            ApprovalRequest r = service.requestReversal(transfer.getId(), version, reason);
            return done("apr.requested.done", r.getId());
        } catch (RuntimeException e) {
            Messages.showFailure(e, "reverse");
            return null;
        }
    }

    private String done(String key, Object... args) {
        Messages.info(key, args.length == 0 ? new Object[] {transfer.getId()} : args);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/finance/transfer?faces-redirect=true&id=" + transfer.getId();
    }

    private static boolean hasRole(String role) {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(role);
    }

    private boolean is(ReceiptStatus... statuses) {
        return transfer != null && java.util.Arrays.asList(statuses).contains(transfer.getStatus());
    }

    public boolean isCanCertify() {
        return is(ReceiptStatus.RECORDED) && hasRole(Roles.CERTIFYING_OFFICER);
    }

    public boolean isCanCorrect() {
        return is(ReceiptStatus.RECORDED, ReceiptStatus.RETURNED) && hasRole(Roles.FINANCE_OFFICER);
    }

    public boolean isCanImport() {
        return isCanCorrect();
    }

    public boolean isCanReverse() {
        return is(ReceiptStatus.CERTIFIED) && requests.stream().noneMatch(ApprovalRequest::isPending)
                && (hasRole(Roles.FINANCE_OFFICER) || hasRole(Roles.CERTIFYING_OFFICER));
    }

    public boolean isCanRecordCorrect() {
        return is(ReceiptStatus.REVERSED) && hasRole(Roles.FINANCE_OFFICER);
    }

    public Reconciliation getReconciliation() {
        return transfer == null ? null : transfer.reconciliation();
    }

    public String money(org.trustfund.money.Money m) {
        return m == null ? "—" : Amounts.money(m, Numbers.locale());
    }

    public String giftAmount(org.trustfund.intermediary.TransferGift g) {
        return Amounts.money(org.trustfund.money.Money.of(g.getAmount(), transfer.getCurrency()), Numbers.locale());
    }

    public IntermediaryTransfer getTransfer() {
        return transfer;
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
