package org.trustfund.acknowledgement;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditLog;
import org.trustfund.platform.Changes;

/**
 * The outbox's database steps, each in a transaction of its own so that the SMTP conversation between them holds no
 * lock and no connection: find what is due, claim one message (locked, then leased), record how its sending went.
 * Only the sender calls it; it is not reachable from a page or the API.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxDelivery {

    /** The actor the audit log names for what the outbox does by itself. */
    public static final String ACTOR = "outbox";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditLog audit;

    private final Clock clock = Clock.systemUTC();

    public OutboxDelivery() {
    }

    /** For tests outside the container: the caller runs each step in a transaction. */
    public OutboxDelivery(EntityManager em, org.trustfund.security.Caller caller) {
        this.em = em;
        this.audit = new AuditLog(new org.trustfund.audit.AuditRepository(em), caller);
    }

    /** Ids of the messages due now, oldest due first. */
    public List<Long> due(int max) {
        return em.createQuery("SELECT m.id FROM OutboxMessage m WHERE m.status = :waiting"
                        + " AND m.nextAttemptAt <= :now ORDER BY m.nextAttemptAt, m.id", Long.class)
                .setParameter("waiting", OutboxMessage.Status.WAITING).setParameter("now", clock.instant())
                .setMaxResults(max).getResultList();
    }

    /**
     * Takes a due message for this sender and renders its letter; empty when another sender took it first or it is no
     * longer due.
     */
    public Optional<LetterMail.Envelope> claim(long id) {
        OutboxMessage m = em.find(OutboxMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (m == null || !m.isDue(now)) {
            return Optional.empty();
        }
        m.claim(now);
        Acknowledgement a = m.getAcknowledgement();
        Locale locale = Locale.forLanguageTag(m.getLanguage());
        byte[] pdf = new AcknowledgementLetter(locale).pdf(a,
                AcknowledgementService.thanks(em, a.getFund().getId(), locale));
        return Optional.of(new LetterMail.Envelope(id, m.getRecipient(), m.getLanguage(), a.reference(),
                a.getFund().getName(), a.getDonor().getName(), a.getKind() == AcknowledgementKind.CANCELLATION, pdf));
    }

    public void sent(long id, String messageId) {
        OutboxMessage m = em.find(OutboxMessage.class, id);
        m.sent(clock.instant(), messageId);
        audit.recordFor(ACTOR, AuditAction.SENT, Acknowledgements.ENTITY, m.getAcknowledgement().getId(),
                Changes.of().value("number", m.getAcknowledgement().reference()).value("to", m.getRecipient())
                        .value("attempt", m.getAttempts()).value("message", id).toString(), null);
    }

    /** {@code counts} false: nothing was tried (no mail server configured), so no attempt is used up. */
    public void failed(long id, String error, boolean counts) {
        OutboxMessage m = em.find(OutboxMessage.class, id);
        m.failed(clock.instant(), error, counts);
        if (counts) {
            audit.recordFor(ACTOR, AuditAction.SEND_FAILED, Acknowledgements.ENTITY, m.getAcknowledgement().getId(),
                    Changes.of().value("number", m.getAcknowledgement().reference()).value("to", m.getRecipient())
                            .value("attempt", m.getAttempts()).value("status", m.getStatus())
                            .value("error", m.getLastError()).value("message", id).toString(), null);
        }
    }
}
