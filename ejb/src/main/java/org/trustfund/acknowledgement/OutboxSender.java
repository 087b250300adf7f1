package org.trustfund.acknowledgement;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Sends what waits in the outbox: at once after a letter is queued (once its transaction has committed), and every
 * minute for the retries. One run at a time in this server; a run asked for while one is going makes it go round
 * once more. Several servers share the work safely through the claim in {@link OutboxDelivery}.
 *
 * <p>The SMTP server is the {@value #JNDI_NAME} mail resource the launcher creates from {@code TRUSTFUND_SMTP_*};
 * without it the letters wait, visibly, until one is configured.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxSender {

    public static final String JNDI_NAME = "mail/trustfund";

    /** Messages taken per round, so that a long backlog does not keep one run going for ever. */
    static final int BATCH = 50;

    static final String NOT_CONFIGURED = "No mail server is configured (TRUSTFUND_SMTP_HOST); the letter waits here.";

    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());

    @Inject
    private OutboxDelivery delivery;

    @jakarta.annotation.Resource
    private jakarta.ejb.SessionContext context;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    /** After the transaction that queued a letter has committed (not before: it would not see the row). */
    public void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) LetterQueued queued) {
        context.getBusinessObject(OutboxSender.class).sendSoon();
    }

    @Asynchronous
    public void sendSoon() {
        run();
    }

    @Schedule(minute = "*", hour = "*", persistent = false, info = "letter outbox")
    public void everyMinute() {
        run();
    }

    /**
     * Asks for a round and does it unless a run is going, which then goes round once more. A request made just as the
     * runner stops is not lost: after letting go, the runner looks again and takes the work back.
     */
    private void run() {
        again.set(true);
        while (again.get() && running.compareAndSet(false, true)) {
            try {
                while (again.getAndSet(false)) {
                    deliver(steps(delivery), mailSession(), BATCH);
                }
            } catch (RuntimeException e) {
                // The next minute's run tries again; a stuck message shows on the outbox page with its error.
                LOG.log(Level.WARNING, "The letter outbox could not be worked through", e);
            } finally {
                running.set(false);
            }
        }
    }

    /** The mail resource, or empty when none is configured. */
    public static Optional<Session> mailSession() {
        try {
            return Optional.of((Session) new InitialContext().lookup(JNDI_NAME));
        } catch (NamingException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /** The database steps of a delivery, each in its own transaction (the bean's, or a test's). */
    public interface Steps {
        List<Long> due(int max);

        Optional<LetterMail.Envelope> claim(long id);

        void sent(long id, String messageId);

        void failed(long id, String error, boolean counts);
    }

    static Steps steps(OutboxDelivery bean) {
        return new Steps() {
            @Override
            public List<Long> due(int max) {
                return bean.due(max);
            }

            @Override
            public Optional<LetterMail.Envelope> claim(long id) {
                try {
                    return bean.claim(id);
                } catch (EJBException e) {
                    // Rendering or the claim failed (e.g. a lock wait): its lease was not taken; left for the next run.
                    LOG.log(Level.WARNING, "Outbox message " + id + " could not be claimed", e);
                    return Optional.empty();
                }
            }

            @Override
            public void sent(long id, String messageId) {
                bean.sent(id, messageId);
            }

            @Override
            public void failed(long id, String error, boolean counts) {
                bean.failed(id, error, counts);
            }
        };
    }

    /**
     * One round: every due message claimed, sent and its outcome recorded. Answers how many were sent.
     */
    public static int deliver(Steps steps, Optional<Session> session, int max) {
        int sent = 0;
        for (long id : steps.due(max)) {
            Optional<LetterMail.Envelope> envelope = steps.claim(id);
            if (envelope.isEmpty()) {
                continue;
            }
            if (session.isEmpty()) {
                steps.failed(id, NOT_CONFIGURED, false);
                continue;
            }
            String messageId;
            try {
                messageId = LetterMail.send(session.get(), envelope.get());
            } catch (MessagingException | RuntimeException e) {
                steps.failed(id, describe(e), true);
                continue;
            }
            steps.sent(id, messageId);
            sent++;
        }
        return sent;
    }

    /** The error and its causes in one line, as the outbox page shows it. */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 400; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(": ");
            }
            text.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip());
        }
        return text.toString();
    }
}
