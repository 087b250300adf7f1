package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustfund.systemtest.support.FinanceApi.id;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trustfund.systemtest.support.Accounts;
import org.trustfund.systemtest.support.Api;
import org.trustfund.systemtest.support.Api.Reply;
import org.trustfund.systemtest.support.Api.User;
import org.trustfund.systemtest.support.Browser;
import org.trustfund.systemtest.support.FinanceApi;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/**
 * Issue 12, letters by e-mail through the running system's mail resource to GreenMail, a real SMTP server on the port
 * the system was told ({@link RunningSystem#SMTP_PORT_OFFSET}): a certified contribution's letter arrives with its PDF;
 * with the mail server down the certification still succeeds and the letter waits in the outbox with its error; once
 * the server is back, a retry from the outbox page sends it; staff send a letter again through the API, once.
 */
@ExtendWith(SystemExtension.class)
class LetterMailIT {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(60);

    @Test
    void theLetterArrivesByMailAndWaitsInTheOutboxWhileTheMailServerIsDown(RunningSystem system, Browser browser)
            throws Exception {
        User officer = Api.readyUser(system, "officer", "Finance officer");
        User certifier = Api.readyUser(system, "certifier", "Certifying officer");
        Api finance = officer.api(system);
        Map<String, Object> fund = FinanceApi.fund(system);
        String address = Accounts.uniqueUsername("mail") + "@donor.example.org";
        Reply created = finance.post("/api/donors", Map.of("name", "Mail donor " + Accounts.uniqueUsername("d"),
                "stakeholderGroup", "GOVERNMENT", "country", "FI", "publiclyNamed", true, "contactEmail", address));
        assertEquals(201, created.status(), created::toString);
        long donor = id(created.json());

        GreenMail mail = smtp(system);
        try {
            Map<String, Object> cash = FinanceApi.certify(certifier.api(system),
                    FinanceApi.recordChf(finance, donor, id(fund), "1200.00", null));
            MimeMessage letter = awaitMail(mail, address, 1).get(0);
            Map<String, Object> ack = finance.get("/api/acknowledgements?donorId=" + donor).jsonList().get(0);
            String number = (String) ack.get("number");
            assertTrue(letter.getSubject().startsWith("Acknowledgement " + number), letter.getSubject());
            String pdf = attachedPdfText(letter);
            assertTrue(pdf.contains(number) && pdf.contains("1,200.00 CHF"), pdf);
            assertEquals("SENT", outboxOf(finance, number).get("status"));
            assertTrue(id(cash) > 0);
        } finally {
            mail.stop();
        }

        // The mail server is down: the certification still succeeds, the letter waits with the server's error.
        Map<String, Object> second = FinanceApi.certify(certifier.api(system),
                FinanceApi.recordChf(finance, donor, id(fund), "300.00", null));
        assertEquals("CERTIFIED", second.get("status"));
        String secondNumber = (String) finance.get("/api/acknowledgements?donorId=" + donor).jsonList().get(0)
                .get("number");
        assertTrue(waitUntil(() -> ((Number) outboxOf(finance, secondNumber).get("attempts")).intValue() >= 1),
                "the first attempt fails: " + outboxOf(finance, secondNumber));
        Map<String, Object> waiting = outboxOf(finance, secondNumber);
        assertEquals("WAITING", waiting.get("status"));
        assertTrue(waiting.get("lastError") != null && waiting.get("nextAttemptAt") != null, waiting::toString);

        Accounts.signIn(browser, officer.username(), officer.password());
        browser.waitForPath("/app/dashboard.xhtml");
        assertTrue(browser.text("lettersWaiting").matches("Letters by e-mail: [1-9]\\d* waiting, \\d+ failed"),
                "the dashboard counts the letter that waits: " + browser.text("lettersWaiting"));
        browser.click("navOutbox");
        browser.waitForPath("/finance/outbox.xhtml");
        browser.waitForText(secondNumber);
        assertTrue(browser.pageText().contains("Waiting"), browser.pageText());
        assertTrue(browser.text("countText").matches("[1-9]\\d* waiting, [1-9]\\d* sent, \\d+ failed\\."),
                browser.text("countText"));
        browser.screenshot("outbox-waiting");

        mail = smtp(system);
        try {
            int row = rowOf(browser, secondNumber);
            browser.click("outbox:messages:" + row + ":retry");
            browser.waitForText(secondNumber + " to " + address + " will be tried again now");
            MimeMessage again = awaitMail(mail, address, 1).get(0);
            assertTrue(again.getSubject().startsWith("Acknowledgement " + secondNumber), again.getSubject());
            assertTrue(waitUntil(() -> "SENT".equals(outboxOf(finance, secondNumber).get("status"))));
            assertTrue(((Number) outboxOf(finance, secondNumber).get("attempts")).intValue() >= 2,
                    "the failed attempt is counted");
            browser.open("/finance/outbox.xhtml?status=SENT");
            browser.waitForText(secondNumber);
            browser.open("/finance/outbox.xhtml?status=LOST");
            browser.waitForText("There is no status “LOST”: every message is shown.");
            browser.screenshot("outbox-sent");

            // Sent again by staff through the API: once, though asked twice with the same version.
            Map<String, Object> ack = finance.get("/api/acknowledgements?donorId=" + donor).jsonList().get(0);
            Map<String, Object> versioned = Map.of("version", ack.get("version"));
            Reply resent = finance.post("/api/acknowledgements/" + id(ack) + "/sending", versioned);
            assertEquals(200, resent.status(), resent::toString);
            assertEquals("RESENT", resent.json().get("cause"));
            assertEquals(409, finance.post("/api/acknowledgements/" + id(ack) + "/sending", versioned).status());
            assertEquals(2, awaitMail(mail, address, 2).size());

            // On the letter's page, an impatient double click on "Send again" sends it once more, not twice.
            browser.open("/app/acknowledgement.xhtml?id=" + id(ack));
            browser.doubleClick("letter:resend");
            browser.waitForText("will be sent again to " + address);
            assertEquals(3, awaitMail(mail, address, 3).size());
            Thread.sleep(2000);
            assertEquals(3, awaitMail(mail, address, 3).size(), "still three: the second click sent nothing");
            assertEquals(2L, finance.get("/api/outbox").jsonList().stream().filter(m -> ack.get("number")
                    .equals(m.get("number")) && "RESENT".equals(m.get("cause"))).count());
            assertEquals(403, Api.readyDonorUser(system, "maildonor", donor).api(system).get("/api/outbox").status(),
                    "donors do not read the outbox");
        } finally {
            mail.stop();
        }

        // A mail server that takes the system's account with another password: the system does sign in (a server
        // that asks for no sign-in would otherwise take the letters above either way), is refused, and the letter
        // waits with the server's answer.
        GreenMail other = greenMail(system, "another-" + system.smtpPassword());
        try {
            FinanceApi.certify(certifier.api(system), FinanceApi.recordChf(finance, donor, id(fund), "50.00", null));
            String third = (String) finance.get("/api/acknowledgements?donorId=" + donor).jsonList().get(0)
                    .get("number");
            assertTrue(waitUntil(() -> ((Number) outboxOf(finance, third).get("attempts")).intValue() >= 1),
                    "tried: " + outboxOf(finance, third));
            Map<String, Object> refused = outboxOf(finance, third);
            assertEquals("WAITING", refused.get("status"));
            assertTrue(String.valueOf(refused.get("lastError")).contains("535"),
                    "the server's refusal of the sign-in: " + refused);
            assertEquals(0, Arrays.stream(other.getReceivedMessages()).count(), "nothing taken without the sign-in");
        } finally {
            other.stop();
        }
    }

    /**
     * GreenMail on the port the running system sends to, knowing only the system's mail account: a client that signs
     * in with another password is refused (checked here each time, so a delivery proves the system signed in with the
     * right one, given through Payara's password alias).
     */
    private static GreenMail smtp(RunningSystem system) throws Exception {
        GreenMail mail = greenMail(system, system.smtpPassword());
        java.util.Properties p = new java.util.Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(system.smtpPort()));
        p.put("mail.smtp.auth", "true");
        jakarta.mail.Session session = jakarta.mail.Session.getInstance(p);
        try (jakarta.mail.Transport t = session.getTransport("smtp")) {
            assertThrows(jakarta.mail.AuthenticationFailedException.class,
                    () -> t.connect(RunningSystem.SMTP_USER, "not-" + system.smtpPassword()),
                    "the mail server checks the password");
        }
        return mail;
    }

    /** GreenMail started on the system's SMTP port, taking the system's account with this password. */
    private static GreenMail greenMail(RunningSystem system, String password) {
        GreenMail mail = new GreenMail(new ServerSetup(system.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(com.icegreen.greenmail.configuration.GreenMailConfiguration.aConfig()
                        .withUser(RunningSystem.SMTP_USER, password));
        mail.start();
        return mail;
    }

    private static List<MimeMessage> awaitMail(GreenMail mail, String to, int count) throws Exception {
        long end = System.nanoTime() + MAIL_WAIT.toNanos();
        while (true) {
            List<MimeMessage> mine = Arrays.stream(mail.getReceivedMessages()).filter(m -> {
                try {
                    return m.getAllRecipients()[0].toString().equals(to);
                } catch (jakarta.mail.MessagingException e) {
                    return false;
                }
            }).toList();
            if (mine.size() >= count || System.nanoTime() > end) {
                assertEquals(count, mine.size(), "letters to " + to);
                return mine;
            }
            Thread.sleep(250);
        }
    }

    private static Map<String, Object> outboxOf(Api finance, String number) {
        Reply list = finance.get("/api/outbox");
        assertEquals(200, list.status(), list::toString);
        return list.jsonList().stream().filter(m -> number.equals(m.get("number"))).findFirst()
                .orElseThrow(() -> new AssertionError(number + " is not in the outbox: " + list));
    }

    private static boolean waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + MAIL_WAIT.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(250);
        }
        return condition.getAsBoolean();
    }

    private static int rowOf(Browser browser, String number) {
        List<org.openqa.selenium.WebElement> links = browser.all(org.openqa.selenium.By.cssSelector(
                "[id^='outbox:messages:'][id$=':letter']"));
        for (org.openqa.selenium.WebElement link : links) {
            if (link.getText().equals(number)) {
                String id = link.getAttribute("id");
                return Integer.parseInt(id.split(":")[2]);
            }
        }
        throw new AssertionError(number + " is not on the outbox page");
    }

    private static String attachedPdfText(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (part.getContentType().startsWith("application/pdf")) {
                try (InputStream in = part.getInputStream(); PDDocument doc = Loader.loadPDF(in.readAllBytes())) {
                    return new PDFTextStripper().getText(doc);
                }
            }
        }
        throw new AssertionError("no PDF attached");
    }
}
