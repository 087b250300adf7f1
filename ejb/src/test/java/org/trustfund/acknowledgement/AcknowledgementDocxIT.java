package org.trustfund.acknowledgement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustfund.approval.ApprovalRequest;
import org.trustfund.contribution.Contribution;
import org.trustfund.contribution.ContributionService;
import org.trustfund.platform.AccessDeniedException;
import org.trustfund.receipt.ReceiptKind;
import org.trustfund.security.Roles;
import org.trustfund.testing.FixedCaller;
import org.trustfund.testing.FundFixture;
import org.trustfund.testing.TestDatabase;

/**
 * The acknowledgement letter as a Word document on the real database, read back with POI's XWPF: the same number,
 * date, donor, figures and thanks as the PDF; CANCELLED after a reversal; a template's markup and formula kept as
 * characters; right to left in Arabic; another donor's letter refused to a donor user; every download audited with
 * its format.
 */
class AcknowledgementDocxIT {

    private static final FixedCaller FINANCE = CertifiedLetters.FINANCE;
    private static final FixedCaller CERTIFIER = CertifiedLetters.CERTIFIER;
    private static final FixedCaller SECOND = FixedCaller.of("cleo", Roles.CERTIFYING_OFFICER);
    private static final FixedCaller DONOR = FixedCaller.of("dora", Roles.DONOR);

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
    void aCertifiedContributionsLetterReadsBackWithItsNumberDateDonorFiguresAndThanks() throws IOException {
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        long id = record(fx.donorId, "1500.00", "BNK-1");
        certify(id);
        long letter = letterId(id);
        LocalDate issued = db.inTransaction(em -> em.find(Acknowledgement.class, letter).getIssuedOn());

        byte[] docx = docx(letter, Locale.ENGLISH, FINANCE);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String text = text(doc);
            assertTrue(text.contains("IGF-" + year + "-0001"), text);
            DateTimeFormatter english = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.ENGLISH);
            assertTrue(text.contains("Date of issue\t" + issued.format(english)), text);
            assertTrue(text.contains("Donor\tFictional Ministry of Digital Affairs — Ms Example"), text);
            assertTrue(text.contains("Amount received\t1,500.00 EUR"), text);
            assertTrue(text.contains("United States dollar equivalent\t1,704.55 USD"), text);
            assertTrue(text.contains("0.88 EUR per USD"), text);
            assertTrue(text.contains("thank you for your generous support"), text);
            assertFalse(text.contains("CANCELLED"), text);
            assertEquals("Internet Governance Forum Trust Fund", doc.getParagraphs().get(0).getText());
            assertTrue(doc.getParagraphs().get(0).getRuns().get(0).isBold(), "the fund's name in bold");
            assertEquals("Acknowledgement of contribution", doc.getProperties().getCoreProperties().getTitle());
            assertEquals("Trustfund", doc.getProperties().getCoreProperties().getCreator());
            assertEquals(2, doc.getTables().size(), "the letter's details and the figures");
        }
        assertEquals(List.of("number: IGF-" + year + "-0001; format: docx; language: en; bytes: " + docx.length),
                downloads(), "the download is audited with its format");
        db.inTransaction(em -> new AcknowledgementService(em, FINANCE).pdf(letter, Locale.ENGLISH));
        assertTrue(downloads().get(1).contains("format: pdf"), "and the PDF's with its own: " + downloads());
    }

    @Test
    void aReversedContributionsLetterSaysCancelledAndItsNoticeNamesIt() throws IOException {
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        long id = record(fx.donorId, "1500.00", "BNK-1");
        certify(id);
        long letter = letterId(id);
        long request = db.inTransaction(em -> new ContributionService(em, FINANCE).requestReversal(id,
                em.find(Contribution.class, id).getVersion(), "Bank reference typed for another donor").getId());
        db.run(em -> new ContributionService(em, SECOND).approveReversal(request,
                em.find(ApprovalRequest.class, request).getVersion()));

        try (XWPFDocument doc = read(letter, Locale.ENGLISH, FINANCE)) {
            XWPFParagraph box = doc.getParagraphs().stream().filter(p -> p.getText().startsWith("CANCELLED on"))
                    .findFirst().orElseThrow(() -> new AssertionError("no CANCELLED box: " + text(doc)));
            assertTrue(box.getText().contains("Bank reference typed for another donor"), box.getText());
            assertEquals("BB0000", box.getRuns().get(0).getColor(), "in red, as on the PDF");
            assertEquals("BB0000", box.getCTPPr().getPBdr().getLeft().xgetColor().getStringValue(), "in a red box");
        }
        long notice = db.inTransaction(em -> new AcknowledgementService(em, FINANCE).ofReceipt(ReceiptKind.CASH, id))
                .get(1).getId();
        try (XWPFDocument doc = read(notice, Locale.ENGLISH, FINANCE)) {
            String text = text(doc);
            assertTrue(text.contains("Cancellation of an acknowledgement"), text);
            assertTrue(text.contains("This notice cancels acknowledgement IGF-" + year + "-0001"), text);
            assertTrue(text.contains("Reason: Bank reference typed for another donor"), text);
            assertFalse(text.contains("thank you"), "a notice thanks no one: " + text);
        }
    }

    @Test
    void aTemplatesMarkupAndFormulaStayCharactersAndItsLinesStayLines() throws IOException {
        FixedCaller admin = FixedCaller.of("ada", Roles.ADMIN);
        db.inTransaction(em -> new AcknowledgementService(em, admin).saveTemplate(fx.fundId, "fr",
                "Merci <b>x</b> & <script>alert(1)</script>\n=1+1", 0));
        long id = record(fx.donorId, "100.00", "BNK-T");
        certify(id);
        byte[] docx = docx(letterId(id), Locale.FRENCH, FINANCE);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            XWPFParagraph thanks = doc.getParagraphs().stream().filter(p -> p.getText().contains("Merci"))
                    .findFirst().orElseThrow(() -> new AssertionError(text(doc)));
            List<String> runs = thanks.getRuns().stream().map(XWPFRun::text).toList();
            assertEquals(List.of("Merci <b>x</b> & <script>alert(1)</script>\n", "=1+1"), runs,
                    "two plain runs, a line break between them");
            assertFalse(thanks.getRuns().get(0).isBold(), "<b> made nothing bold");
            String xml = doc.getDocument().xmlText();
            assertFalse(xml.contains("fldSimple") || xml.contains("instrText"), "no field: =1+1 is never calculated");
        }
    }

    @Test
    void anArabicLetterRunsRightToLeft() throws IOException {
        FixedCaller admin = FixedCaller.of("ada", Roles.ADMIN);
        String arabic = "شكرا جزيلا على دعمكم";
        db.inTransaction(em -> new AcknowledgementService(em, admin).saveTemplate(fx.fundId, "ar", arabic, 0));
        long id = record(fx.donorId, "100.00", "BNK-AR");
        certify(id);
        try (XWPFDocument doc = read(letterId(id), Locale.forLanguageTag("ar"), FINANCE)) {
            assertTrue(doc.getParagraphs().stream().allMatch(p -> p.getCTPPr().isSetBidi()), "every paragraph");
            assertTrue(doc.getTables().stream().allMatch(t -> t.getCTTbl().getTblPr().isSetBidiVisual()), "tables");
            XWPFRun thanks = doc.getParagraphs().stream().flatMap(p -> p.getRuns().stream())
                    .filter(r -> arabic.equals(r.text())).findFirst().orElseThrow(() -> new AssertionError(text(doc)));
            assertEquals(1, thanks.getCTR().getRPr().sizeOfRtlArray(), "the Arabic run is marked right to left");
        }
        try (XWPFDocument doc = read(letterId(id), Locale.ENGLISH, FINANCE)) {
            assertFalse(doc.getParagraphs().stream().anyMatch(p -> p.getCTPPr().isSetBidi()), "English left to right");
        }
    }

    @Test
    void aDonorUserGetsTheirOwnDonorsLetterAndIsRefusedAnotherDonorsAsWithThePdf() throws IOException {
        db.run(em -> em.createNativeQuery("INSERT INTO user_account (username, display_name, password_hash, created_at,"
                + " created_by, donor_id) VALUES ('dora', 'Dora', 'x', NOW(6), 'setup', " + fx.donorId + ")").executeUpdate());
        long own = record(fx.donorId, "100.00", "BNK-OWN");
        long other = record(fx.otherDonorId, "200.00", "BNK-OTHER");
        certify(own);
        certify(other);
        long otherLetter = letterId(other);

        try (XWPFDocument doc = read(letterId(own), Locale.ENGLISH, DONOR)) {
            assertTrue(text(doc).contains("100.00 EUR"), text(doc));
        }
        assertThrows(AccessDeniedException.class, () -> db.inTransaction(em -> new AcknowledgementService(em, DONOR)
                .docx(otherLetter, Locale.ENGLISH)));
        assertThrows(AccessDeniedException.class, () -> db.inTransaction(em -> new AcknowledgementService(em, DONOR)
                .pdf(otherLetter, Locale.ENGLISH)));
        assertEquals(1, downloads().size(), "only the own letter was downloaded");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private long record(long donor, String eur, String reference) {
        return CertifiedLetters.record(db, fx.fundId, donor, eur, reference);
    }

    private void certify(long id) {
        CertifiedLetters.certify(db, id);
    }

    private long letterId(long contribution) {
        return CertifiedLetters.letterId(db, contribution);
    }

    private byte[] docx(long id, Locale locale, FixedCaller who) throws IOException {
        byte[] docx = db.inTransaction(em -> new AcknowledgementService(em, who).docx(id, locale));
        // Kept for a look: target/letters/letter-<id>-<language>.docx.
        java.nio.file.Files.write(java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "letters"))
                .resolve("letter-" + id + "-" + locale.getLanguage() + ".docx"), docx);
        return docx;
    }

    private XWPFDocument read(long id, Locale locale, FixedCaller who) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(docx(id, locale, who)));
    }

    private static String text(XWPFDocument doc) {
        // Tables come out a row a line, their cells separated by tabs. The document is the caller's to close.
        XWPFWordExtractor extractor = new XWPFWordExtractor(doc);
        extractor.setCloseFilesystem(false);
        return extractor.getText();
    }

    /** The details of every download in the audit log, oldest first. */
    private List<String> downloads() {
        @SuppressWarnings("unchecked")
        List<String> details = db.inTransaction(em -> em.createNativeQuery(
                "SELECT details FROM audit_entry WHERE action = 'DOWNLOADED' ORDER BY id").getResultList());
        return details;
    }
}
