package org.trustfund.web.intermediary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.trustfund.approval.ApprovalRequest;
import org.trustfund.approval.ApprovalService;
import org.trustfund.intermediary.IntermediaryService;
import org.trustfund.intermediary.IntermediaryTransfer;
import org.trustfund.intermediary.Reconciliation;
import org.trustfund.intermediary.TransferGift;
import org.trustfund.money.Money;
import org.trustfund.receipt.ReceiptStatus;
import org.trustfund.web.approval.Approvals;
import org.trustfund.web.approval.RequestDecisions;
import org.trustfund.web.contribution.Amounts;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.platform.Numbers;
import org.trustfund.web.platform.Pages;
import org.trustfund.web.receipt.ReceiptItemPage;

/**
 * Backs {@code /finance/transfer.xhtml?id=}: one transfer with its amounts, reconciliation and gifts, and the actions
 * each role may take in its status.
 */
@Named
@ViewScoped
public class TransferPage extends ReceiptItemPage {

    private static final long serialVersionUID = 1L;

    @EJB
    private IntermediaryService service;

    @EJB
    private ApprovalService approvalService;

    @Inject
    private Approvals approvals;

    private IntermediaryTransfer transfer;

    @PostConstruct
    void load() {
        Long id = Pages.recordId(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id"));
        if (id == null) {
            Messages.error("transfer.unknown", "—");
            return;
        }
        try {
            transfer = service.findTransfer(id);
            loaded(transfer.getVersion(), approvalService.of(IntermediaryTransfer.SOURCE_TYPE, id),
                    new RequestDecisions(approvals, "/finance/transfer?id=" + id), service.journalIds(id));
        } catch (RuntimeException e) {
            Messages.showFailure(e, "actions");
        }
    }

    @Override
    protected ReceiptStatus status() {
        return transfer == null ? null : transfer.getStatus();
    }

    @Override
    protected org.trustfund.receipt.ReceiptKind receiptKind() {
        return org.trustfund.receipt.ReceiptKind.TRANSFER;
    }

    @Override
    protected Long recordId() {
        return transfer == null ? null : transfer.getId();
    }

    @Override
    protected String address() {
        return "/finance/transfer?id=" + transfer.getId();
    }

    /** Asked before certifying: the net, its US dollar value and the intermediary. */
    public String getCertifyQuestion() {
        if (transfer == null) {
            return "";
        }
        return Messages.text("itm.tr.certify.confirm", String.valueOf(transfer.getId()), money(transfer.netMoney()),
                transfer.getUsdNet() == null ? "—" : money(transfer.usdValue()), transfer.getIntermediary().getName());
    }

    public String certify() {
        try {
            service.certify(transfer.getId(), version());
            return done("itm.tr.certified", transfer.getId());
        } catch (RuntimeException e) {
            Messages.showFailure(e, "actions");
            return null;
        }
    }

    public String sendBack() {
        try {
            service.sendBack(transfer.getId(), version(), getReason());
            return done("itm.tr.sentBack", transfer.getId());
        } catch (RuntimeException e) {
            Messages.showFailure(e, "sendBack");
            return null;
        }
    }

    /** Files the reversal request; the ledger changes only when another certifying officer approves. */
    public String requestReversal() {
        try {
            ApprovalRequest r = service.requestReversal(transfer.getId(), version(), getReason());
            return done("apr.requested.done", r.getId());
        } catch (RuntimeException e) {
            Messages.showFailure(e, "reverse");
            return null;
        }
    }

    /** Gifts are added to a transfer that is not certified yet, by the officer who may correct it. */
    public boolean isCanImport() {
        return isCanCorrect();
    }

    public Reconciliation getReconciliation() {
        return transfer == null ? null : transfer.reconciliation();
    }

    public String giftAmount(TransferGift g) {
        return Amounts.money(Money.of(g.getAmount(), transfer.getCurrency()), Numbers.locale());
    }

    public IntermediaryTransfer getTransfer() {
        return transfer;
    }
}
