package org.trustfund.web.receipt;

import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.trustfund.approval.ApprovalRequest;
import org.trustfund.money.Money;
import org.trustfund.receipt.ReceiptStatus;
import org.trustfund.security.Roles;
import org.trustfund.web.approval.RequestDecisions;
import org.trustfund.web.contribution.Amounts;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.platform.Numbers;

/**
 * The page of one in-kind contribution or intermediary transfer: which actions each role may take in the record's
 * status (maker–checker as for cash), its approval requests and ledger journals, and the post-redirect-get after an
 * action. The version the page was loaded with goes with every action.
 */
public abstract class ReceiptItemPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private long version;
    private String reason;
    private List<ApprovalRequest> requests = List.of();
    private RequestDecisions decisions;
    private List<Long> journals = List.of();

    /** The record's status, or null when none could be loaded. */
    protected abstract ReceiptStatus status();

    /** The record's number, or null when none could be loaded. */
    protected abstract Long recordId();

    /** What kind of receipt the page shows, for its acknowledgement letters. */
    protected abstract org.trustfund.receipt.ReceiptKind receiptKind();

    @jakarta.ejb.EJB
    private org.trustfund.acknowledgement.AcknowledgementService acknowledgements;

    /** The letter issued at certification and, after a reversal, its cancellation notice; read when shown. */
    public List<org.trustfund.acknowledgement.Acknowledgement> getLetters() {
        Long id = recordId();
        return id == null ? List.of() : acknowledgements.ofReceipt(receiptKind(), id);
    }

    /** The record's number for the page title; empty when the address named none that could be read. */
    public String getNumber() {
        return recordId() == null ? "" : String.valueOf(recordId());
    }

    /** This page's address for the record, e.g. {@code /finance/transfer?id=7}. */
    protected abstract String address();

    /** Called once the record is loaded. */
    protected void loaded(long loadedVersion, List<ApprovalRequest> itsRequests, RequestDecisions itsDecisions,
            List<Long> itsJournals) {
        this.version = loadedVersion;
        this.requests = itsRequests;
        this.decisions = itsDecisions;
        this.journals = itsJournals;
    }

    protected long version() {
        return version;
    }

    /** Shows the outcome on the reloaded page (post, redirect, get), so a refresh never repeats the action. */
    protected String done(String key, Object... args) {
        Messages.info(key, args);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return address() + (address().contains("?") ? "&" : "?") + "faces-redirect=true";
    }

    protected static boolean hasRole(String role) {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(role);
    }

    protected boolean is(ReceiptStatus... statuses) {
        return status() != null && Arrays.asList(statuses).contains(status());
    }

    /** A certifying officer on a recorded entry; certifying one's own entry is refused by the service. */
    public boolean isCanCertify() {
        return is(ReceiptStatus.RECORDED) && hasRole(Roles.CERTIFYING_OFFICER);
    }

    public boolean isCanCorrect() {
        return is(ReceiptStatus.RECORDED, ReceiptStatus.RETURNED) && hasRole(Roles.FINANCE_OFFICER);
    }

    /** A certified entry with no request waiting: either officer may ask for its reversal. */
    public boolean isCanReverse() {
        return is(ReceiptStatus.CERTIFIED) && requests.stream().noneMatch(ApprovalRequest::isPending)
                && (hasRole(Roles.FINANCE_OFFICER) || hasRole(Roles.CERTIFYING_OFFICER));
    }

    /** After a reversal the finance officer records the correct one, prefilled from the reversed one. */
    public boolean isCanRecordCorrect() {
        return is(ReceiptStatus.REVERSED) && hasRole(Roles.FINANCE_OFFICER);
    }

    public String money(Money m) {
        return m == null ? "—" : Amounts.money(m, Numbers.locale());
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
