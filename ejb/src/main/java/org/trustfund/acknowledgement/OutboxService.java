package org.trustfund.acknowledgement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditLog;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.Changes;
import org.trustfund.platform.ConcurrentChangeException;
import org.trustfund.platform.UnknownRecordException;
import org.trustfund.security.Caller;
import org.trustfund.security.Roles;

/**
 * The outbox as staff see it: what was sent, what waits and why, what failed; a failed message retried, a letter
 * sent again. Donors never see it (their letters are on their own pages).
 */
@Stateless
@RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
public class OutboxService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditLog audit;

    @Inject
    private Caller caller;

    @Inject
    private Acknowledgements acknowledgements;

    @Inject
    private jakarta.enterprise.event.Event<LetterQueued> queued;

    public OutboxService() {
    }

    /** For tests outside the container. */
    public OutboxService(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
        this.audit = new AuditLog(new org.trustfund.audit.AuditRepository(em), caller);
        this.acknowledgements = new Acknowledgements(em, caller);
    }

    /** Newest first, of one status or all (null), at most {@link AcknowledgementService#MAX}. */
    public List<OutboxMessage> list(OutboxMessage.Status status) {
        var q = em.createQuery("SELECT m FROM OutboxMessage m JOIN FETCH m.acknowledgement a JOIN FETCH a.donor"
                + " JOIN FETCH a.fund" + (status == null ? "" : " WHERE m.status = :status")
                + " ORDER BY m.id DESC", OutboxMessage.class);
        if (status != null) {
            q.setParameter("status", status);
        }
        return q.setMaxResults(AcknowledgementService.MAX).getResultList();
    }

    /** How many messages of each status, for the page's heading and the dashboard. */
    public Map<OutboxMessage.Status, Long> counts() {
        Map<OutboxMessage.Status, Long> counts = new EnumMap<>(OutboxMessage.Status.class);
        for (OutboxMessage.Status s : OutboxMessage.Status.values()) {
            counts.put(s, 0L);
        }
        for (Object[] row : em.createQuery("SELECT m.status, COUNT(m) FROM OutboxMessage m GROUP BY m.status",
                Object[].class).getResultList()) {
            counts.put((OutboxMessage.Status) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** The messages of one acknowledgement, oldest first, for its page. */
    public List<OutboxMessage> ofAcknowledgement(long acknowledgementId) {
        return em.createQuery("SELECT m FROM OutboxMessage m WHERE m.acknowledgement.id = :id ORDER BY m.id",
                OutboxMessage.class).setParameter("id", acknowledgementId).getResultList();
    }

    public OutboxMessage find(long id) {
        OutboxMessage m = em.find(OutboxMessage.class, id);
        if (m == null) {
            throw new UnknownRecordException("outbox.unknown", id);
        }
        return m;
    }

    /** Whether letters can leave: false shows a notice on the outbox page (they wait until a server is set up). */
    public boolean mailConfigured() {
        return OutboxSender.mailSession().isPresent();
    }

    /** Another attempt now for a waiting or failed message (the version read guards a double click). */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.ADMIN})
    public OutboxMessage retry(long id, long expectedVersion) {
        OutboxMessage m = find(id);
        ConcurrentChangeException.requireVersion(m.getVersion(), expectedVersion);
        OutboxMessage.Status before = m.getStatus();
        m.retryNow(Instant.now());
        em.flush();
        audit.record(AuditAction.UPDATE, Acknowledgements.OUTBOX_ENTITY, id, Changes.of()
                .field("status", before, m.getStatus()).value("retry", "asked by staff").toString());
        if (queued != null) {
            queued.fire(new LetterQueued(id));
        }
        return m;
    }

    /**
     * Sends a letter again to the donor's address as it is now (a donor who lost it, or changed address). The
     * version of the acknowledgement read guards a double click: two clicks on one page send once.
     */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.ADMIN})
    public OutboxMessage resend(long acknowledgementId, long expectedVersion) {
        Acknowledgement a = em.find(Acknowledgement.class, acknowledgementId,
                jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        if (a == null) {
            throw new UnknownRecordException("acknowledgement.unknown", acknowledgementId);
        }
        ConcurrentChangeException.requireVersion(a.getVersion(), expectedVersion);
        return acknowledgements.mail(a, OutboxMessage.Cause.RESENT)
                .orElseThrow(() -> new BusinessException("recipient", "outbox.noAddress", a.getDonor().getName()));
    }
}
