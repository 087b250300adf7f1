package org.trustfund.worklist;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.trustfund.approval.ApprovalStatus;
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditEntry;
import org.trustfund.contribution.ContributionStatus;
import org.trustfund.inkind.InKindContribution;
import org.trustfund.intermediary.IntermediaryTransfer;
import org.trustfund.money.Money;
import org.trustfund.receipt.ReceiptKind;
import org.trustfund.receipt.ReceiptStatus;
import org.trustfund.security.Caller;
import org.trustfund.security.Roles;

/**
 * The dashboard's to-do lists, read with queries that return only what is shown: a count and the first
 * {@code max} rows. "Mine" is the caller by name: a finance officer sees what was sent back to them, not to a
 * colleague; a certifying officer never sees their own entries as waiting for them (four eyes).
 */
@Stateless
public class WorkList {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    public WorkList() {
    }

    /** For tests outside the container. */
    public WorkList(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    /**
     * The caller's contributions sent back for correction and their requests rejected, newest first; rejected
     * requests only from the last 90 days (a rejection needs no correction: it is news, not a task for ever).
     */
    @RolesAllowed(Roles.FINANCE_OFFICER)
    public List<SentBack> sentBackToMe(int max) {
        List<SentBack> items = new ArrayList<>();
        em.createQuery("SELECT c.id, c.donor.name, c.amount.amount, c.amount.currency, c.returnedReason, c.recordedAt"
                        + " FROM Contribution c WHERE c.status = :returned AND c.recordedBy = :me"
                        + " ORDER BY c.id DESC", Object[].class)
                .setParameter("returned", ContributionStatus.RETURNED).setParameter("me", caller.name())
                .setMaxResults(max).getResultList()
                .forEach(r -> items.add(new SentBack("CONTRIBUTION", "Contribution", (Long) r[0], (String) r[1],
                        Money.of((BigDecimal) r[2], (String) r[3]), (String) r[4], null, (Instant) r[5])));
        em.createQuery("SELECT g.id, g.donor.name, g.fairValue.amount, g.fairValue.currency,"
                        + " g.certification.returnedReason, g.certification.recordedAt FROM InKindContribution g"
                        + " WHERE g.certification.status = :returned AND g.certification.recordedBy = :me ORDER BY g.id DESC",
                        Object[].class)
                .setParameter("returned", ReceiptStatus.RETURNED).setParameter("me", caller.name())
                .setMaxResults(max).getResultList()
                .forEach(r -> items.add(new SentBack("IN_KIND", InKindContribution.SOURCE_TYPE, (Long) r[0], (String) r[1],
                        Money.of((BigDecimal) r[2], (String) r[3]), (String) r[4], null, (Instant) r[5])));
        em.createQuery("SELECT t.id, t.donor.name, t.gross, t.currency, t.certification.returnedReason,"
                        + " t.certification.recordedAt FROM IntermediaryTransfer t WHERE t.certification.status = :returned"
                        + " AND t.certification.recordedBy = :me ORDER BY t.id DESC", Object[].class)
                .setParameter("returned", ReceiptStatus.RETURNED).setParameter("me", caller.name())
                .setMaxResults(max).getResultList()
                .forEach(r -> items.add(new SentBack("TRANSFER", IntermediaryTransfer.SOURCE_TYPE, (Long) r[0], (String) r[1],
                        Money.of((BigDecimal) r[2], (String) r[3]), (String) r[4], null, (Instant) r[5])));
        em.createQuery("SELECT a.kind, a.subjectType, a.subjectId, d.name, a.reason, a.decisionNote, a.decidedBy,"
                        + " a.decidedAt FROM ApprovalRequest a, Donor d WHERE d.id = a.donorId AND a.status = :rejected"
                        + " AND a.requestedBy = :me AND a.decidedAt >= :since ORDER BY a.decidedAt DESC", Object[].class)
                .setParameter("rejected", ApprovalStatus.REJECTED).setParameter("me", caller.name())
                .setParameter("since", Instant.now().minusSeconds(90L * 24 * 3600))
                .setMaxResults(max).getResultList()
                .forEach(r -> items.add(new SentBack(String.valueOf(r[0]), (String) r[1], (Long) r[2], (String) r[3],
                        null, (String) r[5], (String) r[6], (Instant) r[7])));
        items.sort(Comparator.comparing(SentBack::at, Comparator.nullsLast(Comparator.reverseOrder())));
        return items.size() > max ? List.copyOf(items.subList(0, max)) : items;
    }

    /** How many of the caller's receipts (cash, in kind, transfers) are sent back and not yet corrected. */
    @RolesAllowed(Roles.FINANCE_OFFICER)
    public long sentBackToMeCount() {
        long cash = em.createQuery("SELECT COUNT(c) FROM Contribution c WHERE c.status = :returned AND c.recordedBy = :me",
                        Long.class)
                .setParameter("returned", ContributionStatus.RETURNED).setParameter("me", caller.name())
                .getSingleResult();
        return cash + countOthers(ReceiptStatus.RETURNED, "=");
    }

    /**
     * In-kind contributions and transfers recorded by someone else that wait for certification, oldest first
     * (transfers not yet received last: they cannot be certified yet, but the certifier should know they exist).
     */
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    public List<ReceiptAwaiting> otherReceiptsAwaiting(int max) {
        List<ReceiptAwaiting> items = new ArrayList<>();
        em.createQuery("SELECT g.id, g.startDate, g.donor.name, g.fund.code, g.fairValue.amount, g.fairValue.currency,"
                        + " g.usdAmount, g.certification.recordedBy FROM InKindContribution g"
                        + " WHERE g.certification.status = :recorded AND g.certification.recordedBy <> :me"
                        + " ORDER BY g.startDate, g.id", Object[].class)
                .setParameter("recorded", ReceiptStatus.RECORDED).setParameter("me", caller.name())
                .setMaxResults(max).getResultList()
                .forEach(r -> items.add(new ReceiptAwaiting(ReceiptKind.IN_KIND, (Long) r[0], (LocalDate) r[1],
                        (String) r[2], (String) r[3], Money.of((BigDecimal) r[4], (String) r[5]), (BigDecimal) r[6],
                        (String) r[7])));
        em.createQuery("SELECT t.id, t.receivedDate, t.donor.name, t.fund.code, t.net, t.gross, t.currency, t.usdNet,"
                        + " t.certification.recordedBy FROM IntermediaryTransfer t"
                        + " WHERE t.certification.status = :recorded AND t.certification.recordedBy <> :me ORDER BY t.id",
                        Object[].class)
                .setParameter("recorded", ReceiptStatus.RECORDED).setParameter("me", caller.name())
                .setMaxResults(max).getResultList()
                .forEach(r -> items.add(new ReceiptAwaiting(ReceiptKind.TRANSFER, (Long) r[0], (LocalDate) r[1],
                        (String) r[2], (String) r[3], Money.of((BigDecimal) (r[4] != null ? r[4] : r[5]), (String) r[6]),
                        (BigDecimal) r[7], (String) r[8])));
        items.sort(Comparator.comparing(ReceiptAwaiting::date, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ReceiptAwaiting::id));
        return items.size() > max ? List.copyOf(items.subList(0, max)) : items;
    }

    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    public long otherReceiptsAwaitingCount() {
        return countOthers(ReceiptStatus.RECORDED, "<>");
    }

    /** In-kind and transfers in {@code status} whose recorder is (=) or is not (<>) the caller. */
    private long countOthers(ReceiptStatus status, String recorder) {
        long inKind = em.createQuery("SELECT COUNT(g) FROM InKindContribution g WHERE g.certification.status = :s"
                + " AND g.certification.recordedBy " + recorder + " :me", Long.class)
                .setParameter("s", status).setParameter("me", caller.name()).getSingleResult();
        long transfers = em.createQuery("SELECT COUNT(t) FROM IntermediaryTransfer t WHERE t.certification.status = :s"
                + " AND t.certification.recordedBy " + recorder + " :me", Long.class)
                .setParameter("s", status).setParameter("me", caller.name()).getSingleResult();
        return inKind + transfers;
    }

    /** Contributions recorded by someone else that wait for certification, oldest received first. */
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    public List<AwaitingCertification> awaitingCertification(int max) {
        return em.createQuery("SELECT c.id, c.version, c.receivedDate, c.donor.name, c.fund.code, c.amount.amount,"
                        + " c.amount.currency, c.usdAmount, c.recordedBy FROM Contribution c"
                        + " WHERE c.status = :recorded AND c.recordedBy <> :me ORDER BY c.receivedDate, c.id",
                        Object[].class)
                .setParameter("recorded", ContributionStatus.RECORDED).setParameter("me", caller.name())
                .setMaxResults(max).getResultList().stream()
                .map(r -> new AwaitingCertification((Long) r[0], ((Number) r[1]).longValue(), (LocalDate) r[2],
                        (String) r[3], (String) r[4], Money.of((BigDecimal) r[5], (String) r[6]), (BigDecimal) r[7],
                        (String) r[8]))
                .toList();
    }

    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    public long awaitingCertificationCount() {
        return em.createQuery("SELECT COUNT(c) FROM Contribution c WHERE c.status = :recorded AND c.recordedBy <> :me",
                        Long.class)
                .setParameter("recorded", ContributionStatus.RECORDED).setParameter("me", caller.name())
                .getSingleResult();
    }

    /** The latest recorded run of the ledger check: when, by whom, and its outcome in the details. */
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public Optional<AuditEntry> lastLedgerCheck() {
        return em.createQuery("SELECT a FROM AuditEntry a WHERE a.action = :checked ORDER BY a.occurredAt DESC, a.id DESC",
                        AuditEntry.class)
                .setParameter("checked", AuditAction.LEDGER_CHECKED).setMaxResults(1).getResultList().stream()
                .findFirst();
    }
}
