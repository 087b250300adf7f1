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
import org.trustfund.money.Money;
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

    /** How many of the caller's contributions are sent back and not yet corrected. */
    @RolesAllowed(Roles.FINANCE_OFFICER)
    public long sentBackToMeCount() {
        return em.createQuery("SELECT COUNT(c) FROM Contribution c WHERE c.status = :returned AND c.recordedBy = :me",
                        Long.class)
                .setParameter("returned", ContributionStatus.RETURNED).setParameter("me", caller.name())
                .getSingleResult();
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
