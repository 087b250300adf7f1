package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustfund.systemtest.support.FinanceApi.id;
import static org.trustfund.systemtest.support.FinanceApi.version;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.trustfund.systemtest.support.Accounts;
import org.trustfund.systemtest.support.Api;
import org.trustfund.systemtest.support.Api.Reply;
import org.trustfund.systemtest.support.Api.User;
import org.trustfund.systemtest.support.Browser;
import org.trustfund.systemtest.support.FinanceApi;
import org.trustfund.systemtest.support.Rows;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/**
 * Issue 12, the letters, as a donor meets them: certification issues a numbered letter; the donor signs in, finds it
 * under Acknowledgements, downloads the PDF (read back with PDFBox: number, amounts, rate, thanks) and the Word
 * document (read back with POI's XWPF), is refused another donor's letter by its address and through the API (and the
 * attempt is in the audit log); after a reversal the same letter, downloaded again as PDF and Word, says CANCELLED and
 * a notice names it.
 */
@ExtendWith(SystemExtension.class)
class AcknowledgementPagesIT {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Test
    void aDonorDownloadsTheirLetterIsRefusedAnotherDonorsAndSeesItCancelledAfterAReversal(RunningSystem system,
            Browser browser) throws Exception {
        User officer = Api.readyUser(system, "officer", "Finance officer");
        User certifier = Api.readyUser(system, "certifier", "Certifying officer");
        User approver = Api.readyUser(system, "approver", "Certifying officer");
        Api finance = officer.api(system);
        Map<String, Object> fund = FinanceApi.fund(system);
        String year = String.valueOf(LocalDate.now(ZoneOffset.UTC).getYear());
        long own = FinanceApi.donor(finance, "Letter donor");
        long other = FinanceApi.donor(finance, "Other letter donor");
        Map<String, Object> ownCash = FinanceApi.certify(certifier.api(system),
                FinanceApi.recordChf(finance, own, id(fund), "2500.00", null));
        Map<String, Object> otherCash = FinanceApi.certify(certifier.api(system),
                FinanceApi.recordChf(finance, other, id(fund), "900.00", null));
        String ownNumber = fund.get("code") + "-" + year + "-0001";
        long ownLetter = letterOf(system, id(ownCash));
        long otherLetter = letterOf(system, id(otherCash));
        FinanceApi.signedChfPledge(finance, own, id(fund), "2025-03-01", "1000.00", "2026-12-31", "500.00");
        User donor = Api.readyDonorUser(system, "letters", own);

        Accounts.signIn(browser, donor.username(), donor.password());
        browser.waitForPath("/app/dashboard.xhtml");
        browser.click("navAcknowledgements");
        browser.waitForText(ownNumber);
        assertFalse(browser.pageText().contains(fund.get("code") + "-" + year + "-0002"), "nothing of the other donor's");
        browser.screenshot("acknowledgements-donor");
        browser.clickText(ownNumber);
        browser.waitForPath("/app/acknowledgement.xhtml");
        assertTrue(browser.text("letter:amount").contains("2,500.00"), browser.text("letter:amount"));
        assertEquals("In force", browser.text("letter:inForce"));
        browser.screenshot("acknowledgement-donor");

        String letter = pdfText(pressDownload(browser, "pdf"));
        assertTrue(letter.contains(ownNumber), letter);
        assertTrue(letter.contains("2,500.00 CHF"), letter);
        assertTrue(letter.contains("thank you for your generous support"), letter);
        assertFalse(letter.contains("CANCELLED"), letter);
        String word = docxText(pressDownload(browser, "docx"));
        assertTrue(word.contains(ownNumber) && word.contains("Letter donor"), word);
        assertTrue(word.contains("2,500.00 CHF"), word);
        assertTrue(word.contains("thank you for your generous support"), word);
        assertFalse(word.contains("CANCELLED"), word);

        // The page gives the letter as the donor received it: in their language of correspondence.
        correspondenceLanguage(system, own, "fr");
        browser.open("/app/acknowledgement.xhtml?id=" + ownLetter);
        String french = pdfText(pressDownload(browser, "pdf"));
        assertTrue(french.contains("Accusé de réception de contribution") && french.contains(ownNumber), french);
        correspondenceLanguage(system, own, "en");

        browser.click("navMySupport");
        browser.waitForPath("/app/my-support.xhtml");
        String years = browser.text("years");
        assertTrue(years.contains("2025") && years.contains("2,840.91"), "given by year, in USD: " + years);
        assertFalse(browser.pageText().contains("900.00"), "nothing of the other donor's on the donor's own page");
        browser.waitClickable(By.cssSelector("[id='pledgeForm:pledges'] .ui-row-toggler")).click();
        browser.waitVisible(By.id("pledgeForm:pledges:0:instalments"));
        String instalments = browser.text("pledgeForm:pledges:0:instalments");
        assertTrue(instalments.contains("2025-03-01") && instalments.contains("overdue")
                && instalments.contains("2026-12-31"), "the pledge's instalments, the unpaid past one overdue: "
                + instalments);
        browser.screenshot("my-support");

        HttpResponse<String> refused = get(system, browser, "/app/acknowledgement.xhtml?id=" + otherLetter);
        assertEquals(403, refused.statusCode(), "another donor's letter by its address");
        Api donorApi = donor.api(system);
        assertEquals(403, donorApi.get("/api/acknowledgements/" + otherLetter + "/pdf").status());
        assertEquals(403, donorApi.get("/api/acknowledgements/" + otherLetter + "/docx").status());
        assertEquals(403, donorApi.get("/api/acknowledgements?donorId=" + other).status());
        assertEquals(1, donorApi.get("/api/acknowledgements").jsonList().size(), "the donor's own letter only");
        assertTrue(count(system, "SELECT COUNT(*) FROM audit_entry WHERE action = 'ACCESS_REFUSED' AND actor = ?",
                donor.username()) >= 4, "every attempt is in the audit log");
        assertTrue(count(system, "SELECT COUNT(*) FROM audit_entry WHERE action = 'DOWNLOADED' AND actor = ?"
                + " AND details LIKE '%format: pdf%'", donor.username()) >= 1, "the download is in the audit log");
        assertTrue(count(system, "SELECT COUNT(*) FROM audit_entry WHERE action = 'DOWNLOADED' AND actor = ?"
                + " AND details LIKE '%format: docx%'", donor.username()) >= 1, "the Word one too, with its format");

        Reply requested = finance.post("/api/contributions/" + id(ownCash) + "/reversal",
                Map.of("version", version(ownCash), "reason", "Received for another fund"));
        assertEquals(202, requested.status(), requested::toString);
        Reply approved = approver.api(system).post("/api/approvals/" + id(requested.json()) + "/approval",
                Map.of("version", version(requested.json())));
        assertEquals(200, approved.status(), approved::toString);

        browser.open("/app/acknowledgement.xhtml?id=" + ownLetter);
        assertTrue(browser.text("letter:cancelled").startsWith("Cancelled on"), browser.text("letter:cancelled"));
        String cancelled = pdfText(pressDownload(browser, "pdf"));
        assertTrue(cancelled.contains("CANCELLED") && cancelled.contains("Received for another fund"), cancelled);
        String cancelledWord = docxText(pressDownload(browser, "docx"));
        assertTrue(cancelledWord.contains("CANCELLED") && cancelledWord.contains("Received for another fund"),
                cancelledWord);
        browser.open("/app/acknowledgements.xhtml");
        browser.waitForText(fund.get("code") + "-" + year + "-0003");
        browser.clickText(fund.get("code") + "-" + year + "-0003");
        browser.waitForPath("/app/acknowledgement.xhtml");
        assertEquals(ownNumber, browser.text("letter:cancels"), "the notice names the letter it cancels");
        String notice = pdfText(pressDownload(browser, "pdf"));
        assertTrue(notice.contains("cancels acknowledgement " + ownNumber), notice);

        // Staff reach the letter and its notice from the contribution's page.
        Accounts.signOut(browser);
        Accounts.signIn(browser, officer.username(), officer.password());
        browser.waitForPath("/app/dashboard.xhtml");
        browser.open("/finance/contribution.xhtml?id=" + id(ownCash));
        browser.waitForText(ownNumber);
        assertTrue(browser.pageText().contains(fund.get("code") + "-" + year + "-0003"), "and its cancellation notice");
    }

    @Test
    void anAdministratorPreviewsAThankYouTextAsPlainTextAndTheLetterCarriesIt(RunningSystem system, Browser browser)
            throws Exception {
        User admin = Api.readyUser(system, "admin", "Administrator");
        User officer = Api.readyUser(system, "officer", "Finance officer");
        Api finance = officer.api(system);
        Map<String, Object> fund = FinanceApi.fund(system);
        String text = "Thank you <b>warmly</b> & =HYPERLINK(\"http://example.org\")";
        Accounts.signIn(browser, admin.username(), admin.password());
        browser.waitForPath("/app/dashboard.xhtml");
        browser.open("/admin/acknowledgement-template.xhtml?fund=" + id(fund) + "&lang=en");
        assertTrue(browser.text("template:state").startsWith("This fund has no text of its own"));
        browser.waitVisible(By.id("template:body")).clear();
        browser.type("template:body", text);
        browser.click("template:preview");
        assertEquals(text, browser.text("template:previewText"), "shown as written, markup and formula as text");
        browser.click("template:save");
        browser.waitForText("The thank-you text (en) is saved");
        assertEquals("This fund has its own text in this language.", browser.text("template:state"));
        browser.screenshot("acknowledgement-template");

        Map<String, Object> cash = FinanceApi.certify(Api.readyUser(system, "certifier", "Certifying officer")
                .api(system), FinanceApi.recordChf(finance, FinanceApi.donor(finance, "Template donor"), id(fund),
                "100.00", null));
        Api.Download pdf = finance.download("/api/acknowledgements/" + letterOf(system, id(cash)) + "/pdf");
        assertEquals(200, pdf.status());
        assertTrue(pdfText(pdf.bytes()).contains(text), "the letter carries the text as written");
        Api.Download docx = finance.download("/api/acknowledgements/" + letterOf(system, id(cash)) + "/docx");
        assertEquals(200, docx.status());
        assertTrue(docxText(docx.bytes()).contains(text), "and so does its Word document");

        // Through the API the letter is in the caller's first UN language; German is not one, so the next is taken.
        String chinese = pdfText(finance.inLanguage("de-DE,zh-CN;q=0.8,en;q=0.5")
                .download("/api/acknowledgements/" + letterOf(system, id(cash)) + "/pdf").bytes());
        assertTrue(chinese.contains("捐款收讫确认函"), "the Chinese title, drawn: " + chinese);
        assertTrue(docxText(finance.inLanguage("ru").download("/api/acknowledgements/" + letterOf(system, id(cash))
                + "/docx").bytes()).contains("Подтверждение получения взноса"), "the Russian Word letter");
    }

    /**
     * Presses the PDF ("pdf") or Word ("docx") download button the way the browser does (a POST of the form with its
     * view state and cookie).
     */
    private static byte[] pressDownload(Browser browser, String button) throws Exception {
        WebElement form = browser.waitVisible(By.id("letter"));
        StringBuilder body = new StringBuilder();
        for (WebElement input : form.findElements(By.cssSelector("input[name]"))) {
            if ("hidden".equals(input.getAttribute("type"))) {
                body.append(encode(input.getAttribute("name"))).append('=').append(encode(input.getAttribute("value")))
                        .append('&');
            }
        }
        body.append(encode("letter:" + button)).append('=');
        HttpRequest request = HttpRequest.newBuilder(URI.create(form.getAttribute("action")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + browser.cookie("JSESSIONID").getValue())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<byte[]> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals("pdf".equals(button) ? "application/pdf" : DOCX,
                response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.headers().firstValue("Content-Disposition").orElse("").contains("." + button));
        return response.body();
    }

    private static HttpResponse<String> get(RunningSystem system, Browser browser, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(system.baseUrl() + path))
                .header("Cookie", "JSESSIONID=" + browser.cookie("JSESSIONID").getValue()).GET().build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The Word document's text, its tables a row a line with the cells separated by tabs. */
    private static void correspondenceLanguage(RunningSystem system, long donor, String language) throws SQLException {
        try (Connection c = Rows.connect(system.database());
             java.sql.PreparedStatement st = c.prepareStatement(
                     "UPDATE donor SET correspondence_language = ?, version = version + 1 WHERE id = ?")) {
            st.setString(1, language);
            st.setLong(2, donor);
            assertEquals(1, st.executeUpdate());
        }
    }

    private static String docxText(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText();
        }
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static long letterOf(RunningSystem system, long contribution) throws SQLException {
        return count(system, "SELECT id FROM acknowledgement WHERE receipt_kind = 'CASH' AND kind = 'LETTER'"
                + " AND source_id = ?", contribution);
    }

    private static long count(RunningSystem system, String sql, Object... args) throws SQLException {
        try (Connection c = Rows.connect(system.database())) {
            return Rows.number(c, sql, args);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
