package org.trustfund.acknowledgement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditLog;
import org.trustfund.platform.Changes;
import org.trustfund.receipt.ReceiptKind;
import org.trustfund.security.Caller;

/**
 * Issues the acknowledgements inside the certifying (or reversing) transaction, so that a letter exists exactly when
 * its receipt counts. The number comes from the fund-year's sequence row, locked until that transaction ends: two
 * certifications at the same instant get consecutive numbers, and a rolled-back one gives its number back, so the
 * numbers have no gap and are never reused. Not a role boundary itself: the services that call it are.
 */
@ApplicationScoped
public class Acknowledgements {

    static final String ENTITY = "Acknowledgement";
    static final String OUTBOX_ENTITY = "OutboxMessage";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditLog audit;

    @Inject
    private Caller caller;

    @Inject
    private jakarta.enterprise.event.Event<LetterQueued> queued;

    private final Clock clock = Clock.systemUTC();

    protected Acknowledgements() {
    }

    /** For tests outside the container. */
    public Acknowledgements(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
        this.audit = new AuditLog(new org.trustfund.audit.AuditRepository(em), caller);
    }

    /** The letter for a receipt just certified, dated the certification's day. */
    public Acknowledgement issue(AcknowledgedReceipt receipt) {
        Instant now = clock.instant();
        LocalDate on = receipt.certifiedOn();
        Acknowledgement letter = Acknowledgement.letter(receipt, next(receipt.fund().getId(), on.getYear()), on, now,
                caller.name());
        em.persist(letter);
        em.flush();
        audit.record(AuditAction.CREATE, ENTITY, letter.getId(), Changes.of().value("number", letter.reference())
                .value("receipt", receipt.kind() + " " + receipt.sourceId()).value("donor", receipt.donor().getId())
                .toString());
        mail(letter, OutboxMessage.Cause.ISSUED);
        return letter;
    }

    /**
     * The receipt was reversed: its letter is marked cancelled and a notice, numbered in the year of the reversal,
     * names it. Nothing when the receipt never had a letter (certified before letters existed).
     */
    public Optional<Acknowledgement> cancel(ReceiptKind kind, long sourceId, String reason) {
        Optional<Acknowledgement> letter = letterOf(kind, sourceId);
        if (letter.isEmpty() || letter.get().isCancelled()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        Acknowledgement original = letter.get();
        Acknowledgement notice = Acknowledgement.cancellation(original, next(original.getFund().getId(),
                today.getYear()), today, reason, now, caller.name());
        em.persist(notice);
        em.flush();
        audit.record(AuditAction.CREATE, ENTITY, notice.getId(), Changes.of().value("number", notice.reference())
                .value("cancels", original.reference()).value("reason", reason).toString());
        mail(notice, OutboxMessage.Cause.ISSUED);
        return Optional.of(notice);
    }

    /**
     * Puts the letter in the outbox for the donor's contact address, in the caller's transaction: it is sent once that
     * commits, and kept (to be retried) if the mail server is down. The e-mail and its PDF are in the donor's language
     * of correspondence as it is now (a re-sent letter follows a change). Empty when the donor has no e-mail address.
     */
    public Optional<OutboxMessage> mail(Acknowledgement letter, OutboxMessage.Cause cause) {
        org.trustfund.donor.Donor donor = letter.getDonor();
        String to = donor.getContactEmail();
        if (to == null || to.isBlank()) {
            return Optional.empty();
        }
        OutboxMessage m = new OutboxMessage(letter, to.strip(), donor.getCorrespondenceLanguage(), cause,
                clock.instant(), caller.name());
        em.persist(m);
        em.flush();
        audit.record(AuditAction.CREATE, OUTBOX_ENTITY, m.getId(), Changes.of().value("number", letter.reference())
                .value("to", m.getRecipient()).value("language", m.getLanguage()).value("cause", cause).toString());
        if (queued != null) {
            queued.fire(new LetterQueued(m.getId()));
        }
        return Optional.of(m);
    }

    public Optional<Acknowledgement> letterOf(ReceiptKind kind, long sourceId) {
        return em.createQuery("SELECT a FROM Acknowledgement a WHERE a.receiptKind = :kind AND a.sourceId = :id"
                        + " AND a.kind = :letter", Acknowledgement.class)
                .setParameter("kind", kind).setParameter("id", sourceId)
                .setParameter("letter", AcknowledgementKind.LETTER).getResultStream().findFirst();
    }

    /**
     * The next number of a fund's year. The upsert takes the row's lock whether it inserts or not; the lock is held
     * until the caller's transaction ends.
     */
    private int next(long fundId, int year) {
        em.createNativeQuery("INSERT INTO acknowledgement_sequence (fund_id, year, last_number) VALUES (?, ?, 1)"
                        + " ON DUPLICATE KEY UPDATE last_number = last_number + 1")
                .setParameter(1, fundId).setParameter(2, year).executeUpdate();
        return ((Number) em.createNativeQuery("SELECT last_number FROM acknowledgement_sequence WHERE fund_id = ?"
                        + " AND year = ? FOR UPDATE").setParameter(1, fundId).setParameter(2, year).getSingleResult()).intValue();
    }
}
