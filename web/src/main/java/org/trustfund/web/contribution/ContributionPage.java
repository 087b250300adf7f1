package org.trustfund.web.contribution;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustfund.approval.ApprovalRequest;
import org.trustfund.approval.ApprovalService;
import org.trustfund.contribution.Contribution;
import org.trustfund.contribution.ContributionService;
import org.trustfund.contribution.ContributionStatus;
import org.trustfund.contribution.SuggestedApplication;
import org.trustfund.money.Money;
import org.trustfund.security.Roles;
import org.trustfund.web.approval.Approvals;
import org.trustfund.web.approval.RequestDecisions;
import org.trustfund.web.platform.Messages;

/**
 * Backs the page of one contribution ({@code ?id=}): everything about it, and the maker–checker actions
 * each role may take in its status. Every action carries the version the page was loaded with, so a
 * change made meanwhile by someone else is refused with a clear message instead of being overwritten.
 */
@Named
@ViewScoped
public class ContributionPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ContributionService contributions;

    @EJB
    private ApprovalService approvalService;

    @Inject
    private Approvals approvals;

    private Contribution contribution;
    private long version;
    private String reason;
    private String giftReason;
    private List<ApprovalRequest> requests = List.of();
    private RequestDecisions decisions;
    /** The donor's open instalments the held receipts can pay, oldest due first, with what the officer typed. */
    private List<ApplicationRow> heldRows = List.of();

    @PostConstruct
    void load() {
        String id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
        if (id == null || !id.matches("\\d{1,18}")) {
            Messages.error("con.detail.notFound");
            return;
        }
        try {
            contribution = contributions.find(Long.parseLong(id));
            version = contribution.getVersion();
            requests = approvalService.of(Contribution.SOURCE_TYPE, contribution.getId());
            decisions = new RequestDecisions(approvals, "/finance/contribution?id=" + contribution.getId());
            Money held = contribution.heldUnapplied();
            if (held.isPositive() && hasRole(Roles.FINANCE_OFFICER)) {
                List<ApplicationRow> rows = new ArrayList<>();
                for (SuggestedApplication s : contributions.suggestApplications(contribution.getDonor().getId(),
                        contribution.getFund().getId(), held)) {
                    rows.add(new ApplicationRow(s, s.suggested().isZero() ? "" : Amounts.input(s.suggested(), ContributionFormat.locale())));
                }
                heldRows = rows;
            }
        } catch (RuntimeException e) {
            Messages.showFailure(e, "actions");
        }
    }

    /** Asked before certifying: the amount, its US dollar value and the donor, so the certifier sees what is posted. */
    public String getCertifyQuestion() {
        if (contribution == null) {
            return "";
        }
        return Messages.text("con.detail.certify.confirm", String.valueOf(contribution.getId()),
                Amounts.money(contribution.getAmount(), ContributionFormat.locale()),
                contribution.getUsdAmount() == null ? "—" : new ContributionFormat().usd(contribution.getUsdAmount()),
                contribution.getDonor().getName());
    }

    public String certify() {
        try {
            Contribution c = contributions.certify(contribution.getId(), version);
            return done("con.detail.certified.done", c.getId());
        } catch (RuntimeException e) {
            Messages.showFailure(e, "actions");
            return null;
        }
    }

    public String sendBack() {
        try {
            Contribution c = contributions.sendBack(contribution.getId(), version, reason);
            return done("con.detail.sentBack.done", c.getId(), c.getRecordedBy());
        } catch (RuntimeException e) {
            Messages.showFailure(e, "sendBack");
            return null;
        }
    }

    /** Files the reversal request; the ledger changes only when another certifying officer approves. */
    public String requestReversal() {
        try {
            ApprovalRequest r = contributions.requestReversal(contribution.getId(), version, reason);
            return done("apr.requested.done", r.getId());
        } catch (RuntimeException e) {
            Messages.showFailure(e, "reverse");
            return null;
        }
    }

    public String requestSeparateGift() {
        try {
            ApprovalRequest r = contributions.requestSeparateGift(contribution.getId(), version, giftReason);
            return done("apr.requested.done", r.getId());
        } catch (RuntimeException e) {
            Messages.showFailure(e, "gift");
            return null;
        }
    }

    /** Applies held receipts as typed; a typing mistake is shown at the table and what was typed stays. */
    public String applyHeld() {
        String currency = contribution.getAmount().currencyCode();
        Map<Long, Money> applied = new LinkedHashMap<>();
        boolean ok = true;
        for (ApplicationRow row : heldRows) {
            if (Amounts.isBlank(row.getApplyText())) {
                continue;
            }
            Optional<BigDecimal> typed = Amounts.parse(row.getApplyText(), ContributionFormat.locale());
            if (typed.isEmpty()) {
                Messages.errorAt("held:heldApplications", "con.apply.notNumber", row.getSeq());
                ok = false;
            } else if (!Amounts.fitsCurrency(typed.get(), currency)) {
                Messages.errorAt("held:heldApplications", "con.apply.tooManyDecimals", row.getSeq(), currency,
                        Amounts.minorUnits(currency));
                ok = false;
            } else if (typed.get().signum() != 0) {
                applied.put(row.getInstalmentId(), Money.of(typed.get(), currency));
            }
        }
        if (!ok) {
            FacesContext.getCurrentInstance().validationFailed();
            return null;
        }
        try {
            contributions.applyHeld(contribution.getId(), version, applied);
            Money total = applied.values().stream().reduce(Money.zero(contribution.getAmount().currency()), Money::plus);
            return done("apr.held.applied.done", Amounts.money(total, ContributionFormat.locale()));
        } catch (RuntimeException e) {
            Messages.showFailure(e, "held");
            return null;
        }
    }

    /** Shows the outcome on the reloaded page (post, redirect, get), so a refresh never repeats the action. */
    private String done(String key, Object... args) {
        Messages.info(key, args);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/finance/contribution?faces-redirect=true&id=" + contribution.getId();
    }

    private boolean is(ContributionStatus... statuses) {
        if (contribution == null) {
            return false;
        }
        for (ContributionStatus s : statuses) {
            if (contribution.getStatus() == s) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasRole(String role) {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(role);
    }

    /** A certifying officer on a recorded contribution; certifying one's own entry is refused by the service. */
    public boolean isCanCertify() {
        return is(ContributionStatus.RECORDED) && hasRole(Roles.CERTIFYING_OFFICER);
    }

    public boolean isCanCorrect() {
        return is(ContributionStatus.RECORDED, ContributionStatus.RETURNED) && hasRole(Roles.FINANCE_OFFICER);
    }

    /** A certified contribution with no request waiting: either officer may ask for its reversal. */
    public boolean isCanReverse() {
        return is(ContributionStatus.CERTIFIED) && !isRequestPending()
                && (hasRole(Roles.FINANCE_OFFICER) || hasRole(Roles.CERTIFYING_OFFICER));
    }

    public boolean isRequestPending() {
        return requests.stream().anyMatch(ApprovalRequest::isPending);
    }

    /** Held receipts: the finance officer applies them, or asks for them to be a separate gift. */
    public boolean isCanApplyHeld() {
        return contribution != null && contribution.heldUnapplied().isPositive() && hasRole(Roles.FINANCE_OFFICER);
    }

    public boolean isCanRequestGift() {
        return isCanApplyHeld() && !isRequestPending();
    }

    /** HELD, REVENUE (an unapplied rest that is revenue: at receipt or as a gift), or NONE. */
    public String getUnappliedTreatment() {
        if (contribution == null || contribution.getStatus() != ContributionStatus.CERTIFIED
                || !contribution.unapplied().isPositive()) {
            return "NONE";
        }
        if (contribution.isUnappliedHeld()) {
            return "HELD";
        }
        return requests.stream().anyMatch(r -> r.getKind() == org.trustfund.approval.ApprovalKind.SEPARATE_GIFT
                && r.getStatus() == org.trustfund.approval.ApprovalStatus.APPROVED) ? "GIFT" : "REVENUE";
    }

    /** After a reversal the finance officer records the correct one, prefilled from the reversed one. */
    public boolean isCanRecordCorrect() {
        return is(ContributionStatus.REVERSED) && hasRole(Roles.FINANCE_OFFICER);
    }

    @EJB
    private org.trustfund.acknowledgement.AcknowledgementService acknowledgements;

    /** The letter issued at certification and, after a reversal, its cancellation notice; read when shown. */
    public java.util.List<org.trustfund.acknowledgement.Acknowledgement> getLetters() {
        return contribution == null || contribution.getId() == null ? java.util.List.of()
                : acknowledgements.ofReceipt(org.trustfund.receipt.ReceiptKind.CASH, contribution.getId());
    }

    public Contribution getContribution() {
        return contribution;
    }

    public String getReason() {
        return reason;
    }

    public String getGiftReason() {
        return giftReason;
    }

    public void setGiftReason(String giftReason) {
        this.giftReason = giftReason;
    }

    public List<ApprovalRequest> getRequests() {
        return requests;
    }

    public RequestDecisions getDecisions() {
        return decisions;
    }

    public List<ApplicationRow> getHeldRows() {
        return heldRows;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
