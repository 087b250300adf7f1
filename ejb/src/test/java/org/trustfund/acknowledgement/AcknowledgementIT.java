package org.trustfund.acknowledgement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.trustfund.approval.ApprovalRequest;
import org.trustfund.contribution.Contribution;
import org.trustfund.contribution.ContributionService;
import org.trustfund.inkind.InKindCategory;
import org.trustfund.inkind.InKindContribution;
import org.trustfund.inkind.InKindInput;
import org.trustfund.inkind.InKindNature;
import org.trustfund.inkind.InKindService;
import org.trustfund.inkind.ValuationBasis;
import org.trustfund.money.Money;
import org.trustfund.platform.AccessDeniedException;
import org.trustfund.receipt.ReceiptKind;
import org.trustfund.security.Roles;
import org.trustfund.testing.FixedCaller;
import org.trustfund.testing.FundFixture;
import org.trustfund.testing.TestDatabase;

/**
 * Acknowledgement letters on the real database: issued at certification with the certification's date and a number
 * of the fund's year, cancelled by a numbered notice when the receipt is reversed, numbered without gap or reuse when
 * fifty certifications run at once, read back from the PDF, and kept to their own donor for a donor user.
 */
class AcknowledgementIT {

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
    void aCertifiedContributionGetsANumberedLetterAndItsReversalANoticeThatNamesIt() throws IOException {
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        long id = record(fx.donorId, "1500.00", "BNK-1");
        certify(id);
        Acknowledgement letter = db.inTransaction(em -> new Acknowledgements(em, CERTIFIER)
                .letterOf(ReceiptKind.CASH, id).orElseThrow());
        assertEquals("IGF-" + year + "-0001", letter.reference());
        assertEquals(LocalDate.now(ZoneOffset.UTC), letter.getIssuedOn(), "dated the day of certification");
        assertEquals(new BigDecimal("1704.55"), letter.getUsdAmount(), "1,500 EUR at 0.88");

        String text = pdfText(letter.getId(), Locale.ENGLISH, FINANCE);
        assertTrue(text.contains("IGF-" + year + "-0001"), text);
        assertTrue(text.contains("Fictional Ministry of Digital Affairs"), text);
        assertTrue(text.contains("1,500.00 EUR") && text.contains("1,704.55 USD"), text);
        assertTrue(text.contains("0.88 EUR per USD"), text);
        assertTrue(text.contains("thank you for your generous support"), text);
        assertFalse(text.contains("CANCELLED"), text);
        assertEquals(1L, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'DOWNLOADED'"), "the download is audited");

        long request = db.inTransaction(em -> new ContributionService(em, FINANCE).requestReversal(id,
                em.find(Contribution.class, id).getVersion(), "Bank reference typed for another donor").getId());
        db.run(em -> new ContributionService(em, SECOND).approveReversal(request,
                em.find(ApprovalRequest.class, request).getVersion()));
        List<Acknowledgement> both = db.inTransaction(em -> new AcknowledgementService(em, FINANCE)
                .ofReceipt(ReceiptKind.CASH, id));
        assertEquals(2, both.size());
        Acknowledgement notice = both.get(1);
        assertEquals(AcknowledgementKind.CANCELLATION, notice.getKind());
        assertEquals("IGF-" + year + "-0002", notice.reference(), "the notice is numbered in the same sequence");
        String original = pdfText(letter.getId(), Locale.ENGLISH, FINANCE);
        assertTrue(original.contains("CANCELLED"), "the original, downloaded again, says cancelled: " + original);
        assertTrue(original.contains("Bank reference typed for another donor"), original);
        String cancellation = pdfText(notice.getId(), Locale.FRENCH, FINANCE);
        assertTrue(cancellation.contains("annule l’accusé de réception IGF-" + year + "-0001")
                || cancellation.contains("annule l'accusé de réception IGF-" + year + "-0001"), cancellation);
    }

    @Test
    void anInKindGiftIsAcknowledgedWithItsDescriptionBasisAndValueAndTextIsShownAsWritten() throws IOException {
        long id = db.inTransaction(em -> new InKindService(em, FINANCE).record(new InKindInput(fx.donorId, fx.fundId,
                LocalDate.of(2026, 3, 2), null, "IGF 2026", "<b>Venue</b> =HYPERLINK(\"http://x\") & hall",
                InKindCategory.VENUE_AND_PREMISES, InKindNature.GOODS, null, Money.of("9200.00", "EUR"),
                ValuationBasis.INVOICE, "Annex B", null)).getId());
        db.run(em -> new InKindService(em, CERTIFIER).certify(id, em.find(InKindContribution.class, id).getVersion()));
        Acknowledgement letter = db.inTransaction(em -> new Acknowledgements(em, CERTIFIER)
                .letterOf(ReceiptKind.IN_KIND, id).orElseThrow());
        String xhtml = new AcknowledgementLetter(Locale.ENGLISH).xhtml(letter, "Thanks <script>alert(1)</script>");
        assertFalse(xhtml.contains("<b>Venue") || xhtml.contains("<script>"), "markup from a record is text: " + xhtml);
        String text = pdfText(letter.getId(), Locale.ENGLISH, FINANCE);
        assertTrue(text.contains("<b>Venue</b> =HYPERLINK(\"http://x\") & hall"), text);
        assertTrue(text.contains("an invoice"), text);
        assertTrue(text.contains("9,200.00 EUR") && text.contains("10,454.55 USD"), text);
    }

    @Test
    void fiftyCertificationsAtOnceGetFiftyDistinctNumbersWithoutAGap() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(record(i % 2 == 0 ? fx.donorId : fx.otherDonorId, "100.00", "BNK-P" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(25);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (long id : ids) {
                done.add(pool.submit(() -> certify(id)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        @SuppressWarnings("unchecked")
        List<Number> numbers = db.inTransaction(em -> em.createNativeQuery(
                "SELECT number FROM acknowledgement ORDER BY number").getResultList());
        assertEquals(IntStream.rangeClosed(1, 50).boxed().toList(), numbers.stream().map(Number::intValue).toList());
        assertEquals(50L, count("SELECT COUNT(DISTINCT source_id) FROM acknowledgement"), "one letter per contribution");
    }

    @Test
    void aDonorUserReadsOnlyTheirOwnDonorsLettersAndARefusalIsLogged() throws IOException {
        db.run(em -> em.createNativeQuery("INSERT INTO user_account (username, display_name, password_hash, created_at,"
                + " created_by, donor_id) VALUES ('dora', 'Dora', 'x', NOW(6), 'setup', " + fx.donorId + ")").executeUpdate());
        long own = record(fx.donorId, "100.00", "BNK-OWN");
        long other = record(fx.otherDonorId, "200.00", "BNK-OTHER");
        certify(own);
        certify(other);
        long ownLetter = letterId(own);
        long otherLetter = letterId(other);

        assertTrue(pdfText(ownLetter, Locale.ENGLISH, DONOR).contains("100.00"));
        assertThrows(AccessDeniedException.class, () -> db.inTransaction(em -> new AcknowledgementService(em, DONOR)
                .pdf(otherLetter, Locale.ENGLISH)));
        assertEquals(List.of(ownLetter), db.inTransaction(em -> new AcknowledgementService(em, DONOR).list(null))
                .stream().map(Acknowledgement::getId).toList());
        assertThrows(AccessDeniedException.class, () -> db.inTransaction(em -> new AcknowledgementService(em, DONOR)
                .list(fx.otherDonorId)));
        // That the refusal is logged (in a transaction of its own, which only the container gives) is asserted on the
        // running system by AcknowledgementPagesIT.
    }

    @Test
    void anAdministratorsThankYouTextIsInTheLettersAsWrittenAndAStaleSaveIsRefused() throws IOException {
        FixedCaller admin = FixedCaller.of("ada", Roles.ADMIN);
        String text = "Merci <b>beaucoup</b> & =SUM(A1:A9)\nLine two <script>alert(1)</script>";
        db.inTransaction(em -> new AcknowledgementService(em, admin)
                .saveTemplate(fx.fundId, "fr", text, 0));
        assertThrows(org.trustfund.platform.ConcurrentChangeException.class, () -> db.inTransaction(em ->
                new AcknowledgementService(em, admin).saveTemplate(fx.fundId, "fr", "Someone else's text", 0)),
                "another administrator who read no text before this one was saved is refused, never saved over");
        assertEquals("language", assertThrows(org.trustfund.platform.BusinessException.class,
                () -> db.inTransaction(em -> new AcknowledgementService(em, admin).saveTemplate(fx.fundId, "de", "x", 0)))
                .field().orElseThrow());
        assertEquals("body", assertThrows(org.trustfund.platform.BusinessException.class,
                () -> db.inTransaction(em -> new AcknowledgementService(em, admin).saveTemplate(fx.fundId, "es", "  ", 0)))
                .field().orElseThrow());

        long id = record(fx.donorId, "100.00", "BNK-T");
        certify(id);
        long letter = letterId(id);
        String french = pdfText(letter, Locale.FRENCH, FINANCE);
        assertTrue(french.contains("Merci <b>beaucoup</b> & =SUM(A1:A9)"), "markup and formulas are text: " + french);
        assertTrue(french.contains("Line two <script>alert(1)</script>"), french);
        String english = pdfText(letter, Locale.ENGLISH, FINANCE);
        assertTrue(english.contains("thank you for your generous support"), "English keeps the default: " + english);
        assertEquals(text, db.inTransaction(em -> new AcknowledgementService(em, admin)
                .template(fx.fundId, "fr")).orElseThrow().getBody(), "kept as written");
    }

    @Test
    void theLetterIsWrittenInEachUnLanguageWithItsOwnScriptAndAChineseNameIsDrawnInAnyOfThem() throws IOException {
        db.run(em -> em.createNativeQuery("UPDATE donor SET name = ? WHERE id = ?")
                .setParameter(1, "中国互联网络信息中心").setParameter(2, fx.donorId).executeUpdate());
        long id = record(fx.donorId, "100.00", "BNK-UN");
        certify(id);
        long letter = letterId(id);
        Map<String, String> titles = Map.of("ar", "إشعار باستلام مساهمة", "es", "Acuse de recibo de contribución",
                "ru", "Подтверждение получения взноса", "zh", "捐款收讫确认函", "fr", "Accusé de réception de contribution");
        for (Map.Entry<String, String> t : titles.entrySet()) {
            String text = java.text.Normalizer.normalize(pdfText(letter, Locale.forLanguageTag(t.getKey()), FINANCE),
                    java.text.Normalizer.Form.NFKC);
            // Arabic is drawn in its joined (presentation) forms and read back in visual order, so only the
            // language-neutral parts are compared for it; the others read back as written.
            if (!"ar".equals(t.getKey())) {
                assertTrue(text.contains(t.getValue()), t.getKey() + ": " + text);
            } else {
                assertTrue(text.contains("113.64") && !text.contains("١١٣"),
                        "figures in Western digits, as the UN's Arabic documents write them: " + text);
            }
            assertTrue(text.contains("中国互联网络信息中心"), t.getKey() + " draws the Chinese name: " + text);
            assertTrue(text.contains("USD"), text);
        }
        String chinese = pdfText(letter, Locale.CHINESE, FINANCE);
        assertTrue(chinese.contains("我们谨代表信托基金感谢贵方的慷慨支持"), "the default thank-you text in Chinese: " + chinese);
        assertTrue(fontsOf(letter, Locale.CHINESE).stream().anyMatch(f -> f.contains("DroidSansFallback")),
                "the Chinese glyphs come from the embedded fallback font");
    }

    @Test
    void aLetterWithoutChineseTextDoesNotCarryTheChineseFont() throws IOException {
        long id = record(fx.donorId, "100.00", "BNK-LATIN");
        certify(id);
        List<String> fonts = fontsOf(letterId(id), Locale.ENGLISH);
        assertTrue(fonts.stream().anyMatch(f -> f.contains("DejaVuSans")), fonts.toString());
        assertTrue(fonts.stream().noneMatch(f -> f.contains("DroidSansFallback")), fonts.toString());
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

    private String pdfText(long id, Locale locale, FixedCaller who) throws IOException {
        byte[] pdf = db.inTransaction(em -> new AcknowledgementService(em, who).pdf(id, locale));
        // Kept for a look: target/letters/letter-<id>-<language>.pdf.
        java.nio.file.Files.write(java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "letters"))
                .resolve("letter-" + id + "-" + locale.getLanguage() + ".pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private List<String> fontsOf(long id, Locale locale) throws IOException {
        byte[] pdf = db.inTransaction(em -> new AcknowledgementService(em, FINANCE).pdf(id, locale));
        List<String> names = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (org.apache.pdfbox.pdmodel.PDPage page : doc.getPages()) {
                for (org.apache.pdfbox.cos.COSName name : page.getResources().getFontNames()) {
                    names.add(page.getResources().getFont(name).getName());
                }
            }
        }
        return names;
    }

    private long count(String sql) {
        return db.inTransaction(em -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
