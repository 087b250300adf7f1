package org.trustfund.web.dashboard;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import org.trustfund.audit.AuditEntry;
import org.trustfund.audit.AuditLog;
import org.trustfund.pledge.OverdueInstalment;
import org.trustfund.pledge.PledgeService;
import org.trustfund.web.security.CurrentUser;

/** Backs the dashboard: the user's recent activity; the role panels are in the view. */
@Named
@RequestScoped
public class DashboardPage {

    private static final int RECENT = 10;

    @EJB
    private org.trustfund.travel.TravelService travel;

    @EJB
    private org.trustfund.expenditure.ExpenditureService expenditure;

    @EJB
    private org.trustfund.reference.ReferenceData referenceData;

    private List<FundBalance> balances;
    private long[] travelReports;
    private Long travelRequestsWaiting;

    /** A fund's balance available for new commitments, by fund code. */
    public record FundBalance(String fundCode, org.trustfund.expenditure.AvailableBalance.Figures figures) {
    }

    /** Each fund's cash, open obligations, approved trips not yet obligated and what is left, for staff. */
    public List<FundBalance> getBalances() {
        if (balances == null) {
            balances = isStaff() ? referenceData.funds().stream()
                    .map(f -> new FundBalance(f.getCode(), expenditure.availableBalance(f.getId()))).toList() : List.of();
        }
        return balances;
    }

    /** Post-trip reports outstanding and, of those, overdue, for staff. */
    public long[] getTravelReports() {
        if (travelReports == null) {
            travelReports = isStaff() ? travel.reportsOutstandingAndOverdue() : new long[] {0, 0};
        }
        return travelReports;
    }

    /** Travel requests waiting for a certifying officer's decision. */
    public long getTravelRequestsWaiting() {
        if (travelRequestsWaiting == null) {
            travelRequestsWaiting = currentUser.hasRole("CERTIFYING_OFFICER") ? travel.count(new org.trustfund.travel.TravelQuery(
                    null, null, null, org.trustfund.travel.TravelStatus.REQUESTED, null, null, null, false)) : 0L;
        }
        return travelRequestsWaiting;
    }

    @EJB
    private AuditLog auditLog;

    @EJB
    private org.trustfund.acknowledgement.OutboxService outbox;

    private java.util.Map<org.trustfund.acknowledgement.OutboxMessage.Status, Long> letters;

    /** Letters by e-mail that wait or failed, for staff: nothing lost goes unseen. */
    public long getLettersWaiting() {
        return letterCounts().getOrDefault(org.trustfund.acknowledgement.OutboxMessage.Status.WAITING, 0L);
    }

    public long getLettersFailed() {
        return letterCounts().getOrDefault(org.trustfund.acknowledgement.OutboxMessage.Status.FAILED, 0L);
    }

    private java.util.Map<org.trustfund.acknowledgement.OutboxMessage.Status, Long> letterCounts() {
        if (letters == null) {
            letters = isStaff() ? outbox.counts() : java.util.Map.of();
        }
        return letters;
    }

    @EJB
    private PledgeService pledges;

    @EJB
    private org.trustfund.contribution.ContributionService contributions;

    @EJB
    private org.trustfund.approval.ApprovalService approvals;

    @Inject
    private CurrentUser currentUser;

    private java.util.Map<String, org.trustfund.money.Money> unappliedReceipts;
    private Long pendingApprovals;

    @EJB
    private org.trustfund.worklist.WorkList workList;

    private List<org.trustfund.worklist.ReceiptAwaiting> otherReceiptsAwaiting;

    private List<org.trustfund.worklist.SentBack> sentBack;
    private java.util.Optional<AuditEntry> lastLedgerCheck;

    private List<AuditEntry> recentActivity;
    private List<OverdueInstalment> overdue;

    /** Instalments past due and not fully paid, for staff; the oldest first. */
    public List<OverdueInstalment> getOverdue() {
        if (overdue == null) {
            boolean staff = currentUser.hasRole("FINANCE_OFFICER") || currentUser.hasRole("CERTIFYING_OFFICER")
                    || currentUser.hasRole("AUDITOR") || currentUser.hasRole("ADMIN");
            overdue = staff ? pledges.overdue(LocalDate.now(), 20) : List.of();
        }
        return overdue;
    }

    private boolean isStaff() {
        return currentUser.hasRole("FINANCE_OFFICER") || currentUser.hasRole("CERTIFYING_OFFICER")
                || currentUser.hasRole("AUDITOR") || currentUser.hasRole("ADMIN");
    }

    /** Unapplied receipts held per fund (USD), for staff: money received that is a liability until applied. */
    public java.util.Map<String, org.trustfund.money.Money> getUnappliedReceipts() {
        if (unappliedReceipts == null) {
            unappliedReceipts = isStaff() ? contributions.unappliedReceiptsByFund() : java.util.Map.of();
        }
        return unappliedReceipts;
    }

    /** How many reversals, write-offs and separate gifts wait for a second person, for staff. */
    public long getPendingApprovals() {
        if (pendingApprovals == null) {
            pendingApprovals = isStaff() ? approvals.pendingCount() : 0L;
        }
        return pendingApprovals;
    }

    /** The finance officer's own entries sent back for correction and requests rejected, with the reason. */
    public List<org.trustfund.worklist.SentBack> getSentBack() {
        if (sentBack == null) {
            sentBack = currentUser.hasRole("FINANCE_OFFICER") ? workList.sentBackToMe(20) : List.of();
        }
        return sentBack;
    }

    /** In-kind contributions and transfers recorded by others, for a certifying officer to certify on their pages. */
    public List<org.trustfund.worklist.ReceiptAwaiting> getOtherReceiptsAwaiting() {
        if (otherReceiptsAwaiting == null) {
            otherReceiptsAwaiting = currentUser.hasRole("CERTIFYING_OFFICER") ? workList.otherReceiptsAwaiting(20) : List.of();
        }
        return otherReceiptsAwaiting;
    }

    /** The page an awaiting in-kind contribution or transfer links to. */
    public String outcomeOf(org.trustfund.worklist.ReceiptAwaiting item) {
        return item.kind() == org.trustfund.receipt.ReceiptKind.IN_KIND ? "/finance/in-kind-item" : "/finance/transfer";
    }

    /** The ledger check's last recorded run, for auditors and administrators; null when never run. */
    public AuditEntry getLastLedgerCheck() {
        if (lastLedgerCheck == null) {
            lastLedgerCheck = currentUser.hasRole("AUDITOR") || currentUser.hasRole("ADMIN")
                    ? workList.lastLedgerCheck() : java.util.Optional.empty();
        }
        return lastLedgerCheck.orElse(null);
    }

    public boolean isLastLedgerCheckConsistent() {
        AuditEntry last = getLastLedgerCheck();
        return last != null && last.getDetails() != null
                && last.getDetails().startsWith(org.trustfund.ledger.LedgerCheck.CONSISTENT);
    }

    /** The page a sent-back item links to: the record it is about. */
    public String outcomeOf(org.trustfund.worklist.SentBack item) {
        return switch (item.subjectType()) {
            case "Pledge" -> "/finance/pledge";
            case org.trustfund.inkind.InKindContribution.SOURCE_TYPE -> "/finance/in-kind-item";
            case org.trustfund.intermediary.IntermediaryTransfer.SOURCE_TYPE -> "/finance/transfer";
            default -> "/finance/contribution";
        };
    }

    /** An entry's details in the pages' words (see AuditDetails). */
    public String details(AuditEntry entry) {
        return org.trustfund.web.audit.AuditDetails.words(entry.getDetails());
    }

    public List<AuditEntry> getRecentActivity() {
        if (recentActivity == null) {
            recentActivity = auditLog.myRecentActivity(RECENT);
        }
        return recentActivity;
    }
}
