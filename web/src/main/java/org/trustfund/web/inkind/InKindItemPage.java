package org.trustfund.web.inkind;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.trustfund.approval.ApprovalRequest;
import org.trustfund.approval.ApprovalService;
import org.trustfund.inkind.InKindContribution;
import org.trustfund.inkind.InKindService;
import org.trustfund.receipt.ReceiptStatus;
import org.trustfund.web.approval.Approvals;
import org.trustfund.web.approval.RequestDecisions;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.platform.Pages;
import org.trustfund.web.receipt.ReceiptItemPage;

/**
 * Backs {@code /finance/in-kind-item.xhtml?id=}: one in-kind contribution, the rule that applies to it, its history,
 * and the actions each role may take in its status.
 */
@Named
@ViewScoped
public class InKindItemPage extends ReceiptItemPage {

    private static final long serialVersionUID = 1L;

    @EJB
    private InKindService service;

    @EJB
    private ApprovalService approvalService;

    @Inject
    private Approvals approvals;

    private InKindContribution item;

    @PostConstruct
    void load() {
        Long id = Pages.recordId(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id"));
        if (id == null) {
            Messages.error("inKind.unknown", "—");
            return;
        }
        try {
            item = service.find(id);
            loaded(item.getVersion(), approvalService.of(InKindContribution.SOURCE_TYPE, id),
                    new RequestDecisions(approvals, "/finance/in-kind-item?id=" + id), service.journalIds(id));
        } catch (RuntimeException e) {
            Messages.showFailure(e, "actions");
        }
    }

    @Override
    protected ReceiptStatus status() {
        return item == null ? null : item.getStatus();
    }

    @Override
    protected org.trustfund.receipt.ReceiptKind receiptKind() {
        return org.trustfund.receipt.ReceiptKind.IN_KIND;
    }

    @Override
    protected Long recordId() {
        return item == null ? null : item.getId();
    }

    @Override
    protected String address() {
        return "/finance/in-kind-item?id=" + item.getId();
    }

    /** Asked before certifying: the value, its US dollars, the donor, and whether anything will be posted. */
    public String getCertifyQuestion() {
        if (item == null) {
            return "";
        }
        return Messages.text(item.isRecognized() ? "ik.item.certify.confirmGoods" : "ik.item.certify.confirmServices",
                String.valueOf(item.getId()), money(item.getFairValue()), money(item.usdValue()), item.getDonor().getName());
    }

    public String certify() {
        try {
            service.certify(item.getId(), version());
            return done("ik.item.certified", item.getId());
        } catch (RuntimeException e) {
            Messages.showFailure(e, "actions");
            return null;
        }
    }

    public String sendBack() {
        try {
            service.sendBack(item.getId(), version(), getReason());
            return done("ik.item.sentBack", item.getId());
        } catch (RuntimeException e) {
            Messages.showFailure(e, "sendBack");
            return null;
        }
    }

    /** Files the reversal request; the ledger changes only when another certifying officer approves. */
    public String requestReversal() {
        try {
            ApprovalRequest r = service.requestReversal(item.getId(), version(), getReason());
            return done("apr.requested.done", r.getId());
        } catch (RuntimeException e) {
            Messages.showFailure(e, "reverse");
            return null;
        }
    }

    public InKindContribution getItem() {
        return item;
    }
}
