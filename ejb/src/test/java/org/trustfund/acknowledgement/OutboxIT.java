package org.trustfund.acknowledgement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.trustfund.contribution.Contribution;
import org.trustfund.contribution.ContributionInput;
import org.trustfund.contribution.ContributionService;
import org.trustfund.donor.Donor;
import org.trustfund.donor.DonorDetails;
import org.trustfund.donor.DonorService;
import org.trustfund.donor.StakeholderGroup;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.ConcurrentChangeException;
import org.trustfund.receipt.ReceiptKind;
import org.trustfund.security.Role;
import org.trustfund.security.Roles;
import org.trustfund.security.UserAccount;
import org.trustfund.testing.FixedCaller;
import org.trustfund.testing.FundFixture;
import org.trustfund.testing.TestDatabase;

/**
 * The letter outbox on the real database with GreenMail as the real SMTP server: a certified contribution's letter
 * arrives with its PDF; with the mail server down the certification still commits and the letter waits, retried,
 * until it goes; two senders at once send each letter once; staff retry and re-send; a donor who chose French as
 * their language of correspondence gets the e-mail and the PDF in French.
 */
class OutboxIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    private static final FixedCaller FINANCE = FixedCaller.of("fiona", Roles.FINANCE_OFFICER);
    private static final FixedCaller CERTIFIER = FixedCaller.of("carl", Roles.CERTIFYING_OFFICER);
    private static final FixedCaller SYSTEM = FixedCaller.of(OutboxDelivery.ACTOR);
    private static final FixedCaller ADMIN = FixedCaller.of("ada", Roles.ADMIN);
    private static final FixedCaller DONOR_USER = FixedCaller.of("dora", Roles.DONOR);

    private TestDatabase db;
    private FundFixture fx;

    @BeforeEach
    void database() {
        db = TestDatabase.migrated();
        fx = FundFixture.create(db);
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void aCertifiedLetterArrivesByMailWithItsPdf() throws Exception {
        long contribution = certified(fx.donorId, "1500.00", "BNK-M1");
        OutboxMessage waiting = only(OutboxMessage.Status.WAITING);
        assertEquals("example@example.org", waiting.getRecipient(), "the donor's contact address");

        assertEquals(1, deliver(Optional.of(session(MAIL.getSmtp().getPort()))));

        MimeMessage[] received = MAIL.getReceivedMessages();
        assertEquals(1, received.length);
        String number = "IGF-" + LocalDate.now().getYear() + "-0001";
        assertEquals("Acknowledgement " + number + " \u2013 Internet Governance Forum Trust Fund",
                received[0].getSubject());
        assertEquals("example@example.org", received[0].getAllRecipients()[0].toString());
        assertTrue(GreenMailUtil.getBody(received[0]).contains("Fictional Ministry of Digital Affairs"));
        String pdf = attachedPdfText(received[0]);
        assertTrue(pdf.contains(number), pdf);
        assertTrue(pdf.contains("1,500.00"), "the amount received: " + pdf);

        OutboxMessage sent = only(OutboxMessage.Status.SENT);
        assertEquals(1, sent.getAttempts());
        assertNotNull(sent.getSentAt());
        assertEquals(received[0].getMessageID(), sent.getMessageId());
        assertEquals(1L, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'SENT' AND actor = 'outbox'"
                + " AND details LIKE '%" + number + "%'"));
        assertEquals(0, deliver(Optional.of(session(MAIL.getSmtp().getPort()))), "a sent letter is not sent again");
        assertEquals(1, MAIL.getReceivedMessages().length);

        // Reversing the receipt sends its cancellation notice, which names the letter.
        long letter = db.inTransaction(em -> new Acknowledgements(em, CERTIFIER).letterOf(ReceiptKind.CASH, contribution)
                .orElseThrow().getId());
        db.run(em -> new Acknowledgements(em, CERTIFIER).cancel(ReceiptKind.CASH, contribution, "bank returned it"));
        assertEquals(1, deliver(Optional.of(session(MAIL.getSmtp().getPort()))));
        MimeMessage notice = MAIL.getReceivedMessages()[1];
        assertTrue(notice.getSubject().startsWith("Cancellation notice IGF-"), notice.getSubject());
        assertTrue(attachedPdfText(notice).contains(number), "the notice names the letter it cancels");
        assertTrue(letter > 0);
    }

    @Test
    void withTheMailServerDownTheCertificationCommitsAndTheLetterWaitsUntilItGoes() throws Exception {
        int closedPort = freePort();
        certified(fx.donorId, "100.00", "BNK-DOWN");
        assertEquals(1L, count("SELECT COUNT(*) FROM contribution WHERE status = 'CERTIFIED'"),
                "the certification does not depend on the mail server");

        assertEquals(0, deliver(Optional.of(session(closedPort))));
        OutboxMessage failed = only(OutboxMessage.Status.WAITING);
        assertEquals(1, failed.getAttempts());
        assertTrue(failed.getLastError().toLowerCase().contains("connect"), failed.getLastError());
        Duration wait = Duration.between(failed.getLastAttemptAt(), failed.getNextAttemptAt());
        assertEquals(Duration.ofMinutes(1), wait, "the first retry a minute later");
        assertEquals(1L, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'SEND_FAILED'"));

        // Not yet due: the server is back, but nothing is tried before the retry time.
        assertEquals(0, deliver(Optional.of(session(MAIL.getSmtp().getPort()))));
        assertEquals(0, MAIL.getReceivedMessages().length);

        // Staff retry it now (a second click with the same version is refused, and sends nothing twice).
        db.run(em -> new OutboxService(em, FINANCE).retry(failed.getId(), failed.getVersion()));
        assertThrows(ConcurrentChangeException.class,
                () -> db.run(em -> new OutboxService(em, FINANCE).retry(failed.getId(), failed.getVersion())));
        assertEquals(1, deliver(Optional.of(session(MAIL.getSmtp().getPort()))));
        assertEquals(1, MAIL.getReceivedMessages().length);
        OutboxMessage sent = only(OutboxMessage.Status.SENT);
        assertEquals(2, sent.getAttempts(), "the failed attempt is kept in the count");
    }

    @Test
    void noMailServerConfiguredLeavesTheLetterWaitingWithoutUsingItsAttempts() {
        certified(fx.donorId, "100.00", "BNK-NONE");
        assertEquals(0, deliver(Optional.empty()));
        OutboxMessage waiting = only(OutboxMessage.Status.WAITING);
        assertEquals(0, waiting.getAttempts());
        assertEquals(OutboxSender.NOT_CONFIGURED, waiting.getLastError());
    }

    @Test
    void afterTenFailuresAMessageIsFailedUntilStaffRetryIt() throws Exception {
        int closedPort = freePort();
        certified(fx.donorId, "100.00", "BNK-TEN");
        long id = only(OutboxMessage.Status.WAITING).getId();
        for (int i = 0; i < OutboxMessage.MAX_ATTEMPTS; i++) {
            db.sql("UPDATE letter_outbox SET next_attempt_at = NOW(6) - INTERVAL 1 SECOND WHERE status = 'WAITING'");
            deliver(Optional.of(session(closedPort)));
        }
        OutboxMessage failed = only(OutboxMessage.Status.FAILED);
        assertEquals(OutboxMessage.MAX_ATTEMPTS, failed.getAttempts());
        assertEquals(null, failed.getNextAttemptAt());
        assertEquals(0, deliver(Optional.of(session(MAIL.getSmtp().getPort()))), "a failed message waits for staff");

        db.run(em -> new OutboxService(em, CERTIFIER).retry(id, failed.getVersion()));
        assertEquals(1, deliver(Optional.of(session(MAIL.getSmtp().getPort()))));
        assertEquals(Map.of(OutboxMessage.Status.WAITING, 0L, OutboxMessage.Status.SENT, 1L,
                OutboxMessage.Status.FAILED, 0L), db.inTransaction(em -> new OutboxService(em, FINANCE).counts()));
    }

    @Test
    void twoSendersAtOnceSendEachLetterOnce() throws Exception {
        for (int i = 0; i < 8; i++) {
            certified(fx.donorId, "10.00", "BNK-PAR" + i);
        }
        Session session = session(MAIL.getSmtp().getPort());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> runs = IntStream.range(0, 3).mapToObj(i -> pool.submit(() -> deliver(Optional.of(session))))
                    .toList();
            int sent = 0;
            for (Future<Integer> run : runs) {
                sent += run.get();
            }
            assertEquals(8, sent);
        } finally {
            pool.shutdown();
        }
        assertEquals(8, MAIL.getReceivedMessages().length, "every letter once");
        assertEquals(8L, count("SELECT COUNT(*) FROM letter_outbox WHERE status = 'SENT' AND attempts = 1"));
    }

    @Test
    void staffResendALetterAndADonorWithoutAddressIsSaidAtTheField() throws Exception {
        long contribution = certified(fx.donorId, "100.00", "BNK-RE");
        deliver(Optional.of(session(MAIL.getSmtp().getPort())));
        Acknowledgement letter = db.inTransaction(em -> new Acknowledgements(em, CERTIFIER)
                .letterOf(ReceiptKind.CASH, contribution).orElseThrow());
        OutboxMessage again = db.inTransaction(em -> new OutboxService(em, FINANCE).resend(letter.getId(),
                letter.getVersion()));
        assertEquals(OutboxMessage.Cause.RESENT, again.getCause());
        assertThrows(ConcurrentChangeException.class, () -> db.inTransaction(em -> new OutboxService(em, FINANCE)
                .resend(letter.getId(), letter.getVersion())), "a double click re-sends once");
        assertEquals(1, deliver(Optional.of(session(MAIL.getSmtp().getPort()))));
        assertEquals(2, MAIL.getReceivedMessages().length);
        assertEquals(2, db.inTransaction(em -> new OutboxService(em, FINANCE).ofAcknowledgement(letter.getId())).size());

        long other = certified(fx.otherDonorId, "100.00", "BNK-NOADDR");
        assertEquals(2L, count("SELECT COUNT(*) FROM letter_outbox"), "no address: nothing queued");
        Acknowledgement unaddressed = db.inTransaction(em -> new Acknowledgements(em, CERTIFIER)
                .letterOf(ReceiptKind.CASH, other).orElseThrow());
        BusinessException refused = assertThrows(BusinessException.class, () -> db.inTransaction(em ->
                new OutboxService(em, FINANCE).resend(unaddressed.getId(), unaddressed.getVersion())));
        assertEquals(Optional.of("recipient"), refused.field());
    }

    @Test
    void aDonorWhoChoosesFrenchGetsTheEmailAndTheLetterInFrench() throws Exception {
        db.run(em -> {
            UserAccount dora = new UserAccount("dora", "Dora", "x", Set.of(Role.DONOR), false, Instant.now(), "setup");
            dora.linkToDonors(List.of(fx.donorId));
            em.persist(dora);
        });
        db.run(em -> new AcknowledgementService(em, ADMIN).saveTemplate(fx.fundId, "fr",
                "Merci de tout cœur pour votre soutien au Forum.", 0));
        long version = db.inTransaction(em -> em.find(Donor.class, fx.donorId).getVersion());

        // A code that is not one of the six is refused at its field, by the donor as by staff, and nothing is saved.
        BusinessException refused = assertThrows(BusinessException.class, () -> db.run(em -> new DonorService(em,
                DONOR_USER).changeOwnContact(version, "Ms Example", "example@example.org", true, "de")));
        assertEquals(Optional.of("correspondenceLanguage"), refused.field());
        assertEquals("donor.correspondenceLanguage.invalid", refused.messageKey());
        BusinessException refusedToStaff = assertThrows(BusinessException.class, () -> db.run(em -> new DonorService(em,
                FINANCE).create(new DonorDetails("Fictional Agency", StakeholderGroup.GOVERNMENT, "FR", null, null,
                true, "Français"))));
        assertEquals(Optional.of("correspondenceLanguage"), refusedToStaff.field());
        Donor unchanged = db.inTransaction(em -> em.find(Donor.class, fx.donorId));
        assertEquals("en", unchanged.getCorrespondenceLanguage());
        assertEquals(version, unchanged.getVersion());
        assertEquals(2L, count("SELECT COUNT(*) FROM donor"));
        assertEquals(0L, count("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'Donor'"));

        // The donor chooses French on their own page: saved and in the audit log like the other contact fields.
        db.run(em -> new DonorService(em, DONOR_USER).changeOwnContact(version, "Ms Example", "example@example.org",
                true, "fr"));
        assertEquals("fr", db.inTransaction(em -> em.find(Donor.class, fx.donorId).getCorrespondenceLanguage()));
        assertEquals(1L, count("SELECT COUNT(*) FROM audit_entry WHERE actor = 'dora' AND action = 'UPDATE'"
                + " AND entity_type = 'Donor' AND entity_id = '" + fx.donorId + "'"
                + " AND details = 'correspondenceLanguage: en → fr'"));

        certified(fx.donorId, "1500.00", "BNK-FR");
        OutboxMessage waiting = only(OutboxMessage.Status.WAITING);
        assertEquals("fr", waiting.getLanguage());
        assertEquals(1, deliver(Optional.of(session(MAIL.getSmtp().getPort()))));

        // The texts of letters_fr.properties itself (not the English file it would fall back to).
        ResourceBundle french = ResourceBundle.getBundle("org.trustfund.acknowledgement.letters", Locale.FRENCH);
        assertEquals(Locale.FRENCH, french.getLocale());
        MimeMessage received = MAIL.getReceivedMessages()[0];
        String number = "IGF-" + LocalDate.now().getYear() + "-0001";
        String fund = "Internet Governance Forum Trust Fund";
        assertEquals(MessageFormat.format(french.getString("mail.subject"), number, fund), received.getSubject());
        assertTrue(received.getSubject().startsWith("Accusé de réception "), received.getSubject());
        assertEquals(MessageFormat.format(french.getString("mail.body"), "Fictional Ministry of Digital Affairs", number,
                fund), textPart(received).replace("\r\n", "\n"));
        String pdf = attachedPdfText(received);
        assertTrue(pdf.contains(french.getString("letter.title")), "the letter's French title: " + pdf);
        assertTrue(pdf.contains("Merci de tout cœur pour votre soutien au Forum."), "the fund's French text: " + pdf);
        assertFalse(pdf.contains("Acknowledgement of contribution"), "nothing in English: " + pdf);
        assertTrue(pdf.contains(number), pdf);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private long certified(long donor, String eur, String reference) {
        long id = db.inTransaction(em -> new ContributionService(em, FINANCE).record(new ContributionInput(donor,
                fx.fundId, LocalDate.of(2026, 3, 2), Money.of(eur, "EUR"), reference, Map.of())).getId());
        db.run(em -> new ContributionService(em, CERTIFIER).certify(id, em.find(Contribution.class, id).getVersion()));
        return id;
    }

    /** One round of the sender, each database step in its own transaction as the container runs them. */
    private int deliver(Optional<Session> session) {
        return OutboxSender.deliver(new OutboxSender.Steps() {
            @Override
            public List<Long> due(int max) {
                return db.inTransaction(em -> new OutboxDelivery(em, SYSTEM).due(max));
            }

            @Override
            public Optional<LetterMail.Envelope> claim(long id) {
                return db.inTransaction(em -> new OutboxDelivery(em, SYSTEM).claim(id));
            }

            @Override
            public void sent(long id, String messageId) {
                db.run(em -> new OutboxDelivery(em, SYSTEM).sent(id, messageId));
            }

            @Override
            public void failed(long id, String error, boolean counts) {
                db.run(em -> new OutboxDelivery(em, SYSTEM).failed(id, error, counts));
            }
        }, session, OutboxSender.BATCH);
    }

    private static Session session(int port) {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(port));
        p.put("mail.from", "trust.fund@example.org");
        p.put("mail.smtp.connectiontimeout", "5000");
        p.put("mail.smtp.timeout", "5000");
        return Session.getInstance(p);
    }

    private OutboxMessage only(OutboxMessage.Status status) {
        List<OutboxMessage> all = db.inTransaction(em -> new OutboxService(em, FINANCE).list(null));
        assertEquals(1, all.stream().filter(m -> m.getStatus() == status).count(), "one " + status + ": " + all);
        return all.stream().filter(m -> m.getStatus() == status).findFirst().orElseThrow();
    }

    private static String attachedPdfText(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (part.getContentType().startsWith("application/pdf")) {
                assertTrue(part.getFileName().startsWith("IGF-"), part.getFileName());
                try (InputStream in = part.getInputStream(); PDDocument doc = Loader.loadPDF(in.readAllBytes())) {
                    return new PDFTextStripper().getText(doc);
                }
            }
        }
        throw new AssertionError("no PDF attached");
    }

    /** The e-mail's text part, decoded. */
    private static String textPart(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no text part");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long count(String sql) {
        return db.inTransaction(em -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
