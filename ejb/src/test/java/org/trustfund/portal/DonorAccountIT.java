package org.trustfund.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustfund.approval.ApprovalRequest;
import org.trustfund.contribution.Contribution;
import org.trustfund.contribution.ContributionInput;
import org.trustfund.contribution.ContributionService;
import org.trustfund.donor.DonorDetails;
import org.trustfund.donor.StakeholderGroup;
import org.trustfund.intermediary.GiftInput;
import org.trustfund.intermediary.GiverKind;
import org.trustfund.intermediary.IntermediaryInput;
import org.trustfund.intermediary.IntermediaryService;
import org.trustfund.intermediary.IntermediaryTransfer;
import org.trustfund.intermediary.TransferInput;
import org.trustfund.money.Money;
import org.trustfund.platform.AccessDeniedException;
import org.trustfund.security.Roles;
import org.trustfund.testing.FixedCaller;
import org.trustfund.testing.FundFixture;
import org.trustfund.testing.TestDatabase;

/**
 * The donor's own account on the real database: given by year from certified contributions (a reversed one no longer
 * counts), gifts credited through an intermediary shown apart, and a donor user kept to their own donor.
 */
class DonorAccountIT {

    private static final FixedCaller FINANCE = FixedCaller.of("fiona", Roles.FINANCE_OFFICER);
    private static final FixedCaller CERTIFIER = FixedCaller.of("carl", Roles.CERTIFYING_OFFICER);
    private static final FixedCaller SECOND = FixedCaller.of("cleo", Roles.CERTIFYING_OFFICER);
    private static final FixedCaller DONOR = FixedCaller.of("dora", Roles.DONOR);

    private TestDatabase db;
    private FundFixture fx;

    @BeforeEach
    void database() {
        db = TestDatabase.migrated();
        fx = FundFixture.create(db);
        db.run(em -> em.createNativeQuery("INSERT INTO user_account (username, display_name, password_hash, created_at,"
                + " created_by, donor_id) VALUES ('dora', 'Dora', 'x', NOW(6), 'setup', " + fx.donorId + ")").executeUpdate());
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void givenByYearCountsCertifiedReceiptsAndShowsCreditedGiftsApart() {
        certified(fx.donorId, "1000.00", LocalDate.of(2026, 1, 20), "BNK-1");
        long reversed = certified(fx.donorId, "500.00", LocalDate.of(2026, 3, 2), "BNK-2");
        long request = db.inTransaction(em -> new ContributionService(em, FINANCE).requestReversal(reversed,
                em.find(Contribution.class, reversed).getVersion(), "Wrong donor").getId());
        db.run(em -> new ContributionService(em, SECOND).approveReversal(request,
                em.find(ApprovalRequest.class, request).getVersion()));
        certified(fx.otherDonorId, "700.00", LocalDate.of(2026, 3, 2), "BNK-3");

        long tides = db.inTransaction(em -> new IntermediaryService(em, FINANCE).register(new IntermediaryInput(null,
                new DonorDetails("Fictional Tides Foundation", StakeholderGroup.FOUNDATION, "US", null, null, true,
                        "en"),
                "3 %"), false).getId());
        long transfer = db.inTransaction(em -> new IntermediaryService(em, FINANCE).recordTransfer(new TransferInput(tides,
                fx.fundId, "USD", new BigDecimal("1000.00"), new BigDecimal("30.00"), new BigDecimal("970.00"),
                LocalDate.of(2026, 3, 10), "TIDES-1", "Statement Q1", new java.util.ArrayList<>(List.of(
                        new GiftInput("Ministry staff fund", GiverKind.FOUNDATION, false, true, new BigDecimal("400.00"),
                                LocalDate.of(2026, 2, 1), fx.donorId),
                        new GiftInput("Ada Example", GiverKind.PERSON, false, true, new BigDecimal("600.00"),
                                LocalDate.of(2026, 2, 2), null))), null)).getId());
        db.run(em -> new IntermediaryService(em, CERTIFIER).certify(transfer,
                em.find(IntermediaryTransfer.class, transfer).getVersion()));

        DonorAccount.Summary own = db.inTransaction(em -> new DonorAccount(em, DONOR).of(fx.donorId));
        // 1,000 EUR at 0.92 (January 2026); the reversed 500 EUR no longer counts.
        assertEquals(List.of(new DonorAccount.Year(2026, new BigDecimal("1086.96"), new BigDecimal("0.00"),
                new BigDecimal("400.00"))), own.years());
        assertEquals(new BigDecimal("1086.96"), own.givenUsd(), "credited gifts are not added to what was given");
        assertEquals(1, own.credited().size());
        assertEquals("Fictional Tides Foundation", own.credited().get(0).intermediary());

        assertThrows(AccessDeniedException.class, () -> db.inTransaction(em -> new DonorAccount(em, DONOR)
                .of(fx.otherDonorId)), "another donor's account is refused");
        assertEquals(Long.valueOf(fx.donorId), db.inTransaction(em -> (Long) new DonorAccount(em, DONOR).ownDonorId()));
        assertEquals(new BigDecimal("795.45"), db.inTransaction(em -> new DonorAccount(em, FINANCE)
                .of(fx.otherDonorId)).givenUsd(), "staff read any donor's: 700 EUR at 0.88");
    }

    @Test
    void theStatementOfAPeriodListsItsReceiptsWithALiveTotalAndTheCreditedGiftsApart() throws Exception {
        certified(fx.donorId, "1000.00", LocalDate.of(2026, 3, 2), "BNK-IN");
        certified(fx.donorId, "200.00", LocalDate.of(2026, 3, 2), "=HYPERLINK(\"x\")");
        certified(fx.donorId, "300.00", LocalDate.of(2026, 1, 20), "BNK-BEFORE");
        certified(fx.otherDonorId, "700.00", LocalDate.of(2026, 3, 2), "BNK-OTHER");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        db.run(em -> {
            try {
                new DonorAccount(em, DONOR).statement(fx.donorId, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 12, 31),
                        java.util.Locale.ENGLISH, out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(out.toByteArray()))) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheet("Statement");
            org.apache.poi.ss.usermodel.FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
            List<String> references = new java.util.ArrayList<>();
            double total = -1;
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                org.apache.poi.ss.usermodel.Cell a = row.getCell(0);
                org.apache.poi.ss.usermodel.Cell d = row.getCell(3);
                if (d != null && d.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && row.getRowNum() > 3
                        && row.getCell(7) != null) {
                    references.add(d.getStringCellValue());
                }
                if (a != null && a.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && a.getStringCellValue().equals("Total received in the period (USD)")) {
                    total = evaluator.evaluate(row.getCell(7)).getNumberValue();
                    assertEquals(total, row.getCell(7).getNumericCellValue(), 0.001, "the cached value is the formula's");
                }
            }
            assertEquals(List.of("BNK-IN", "=HYPERLINK(\"x\")"), references,
                    "the period's own receipts, a reference that looks like a formula kept as text");
            // 1,000 EUR and 200 EUR at 0.88; the January receipt is before the period.
            assertEquals(1136.36 + 227.27, total, 0.001);
        }

        // The same statement as a PDF, read back: the same lines and total, the formula-like reference as text.
        byte[] pdf = db.inTransaction(em -> new DonorAccount(em, DONOR).statementPdf(fx.donorId, LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 12, 31), java.util.Locale.ENGLISH));
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        org.junit.jupiter.api.Assertions.assertTrue(text.contains("Statement of account of Fictional Ministry of Digital"
                + " Affairs, 2026-02-01 to 2026-12-31"), text);
        org.junit.jupiter.api.Assertions.assertTrue(text.contains("BNK-IN") && text.contains("=HYPERLINK(\"x\")"), text);
        org.junit.jupiter.api.Assertions.assertTrue(text.contains("Total received in the period (USD) 1,363.63"), text);
        org.junit.jupiter.api.Assertions.assertTrue(text.contains("1,000.00") && text.contains("0.880000"), text);
        // Both downloads are on the donor's audit trail with the period, the format and the total taken.
        @SuppressWarnings("unchecked")
        List<Object[]> downloads = db.inTransaction(em -> em.createNativeQuery("SELECT actor, entity_id, details"
                + " FROM audit_entry WHERE action = 'DOWNLOADED' AND entity_type = 'Donor' ORDER BY id").getResultList());
        assertEquals(2, downloads.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(String.valueOf(fx.donorId), downloads.get(i)[1].toString());
            String details = downloads.get(i)[2].toString();
            org.junit.jupiter.api.Assertions.assertTrue(details.contains("2026-02-01..2026-12-31")
                    && details.contains(i == 0 ? "xlsx" : "pdf") && details.contains("1363.63"), details);
        }
        assertThrows(AccessDeniedException.class, () -> db.inTransaction(em -> new DonorAccount(em, DONOR)
                .statementPdf(fx.otherDonorId, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                        java.util.Locale.ENGLISH)));
        assertThrows(AccessDeniedException.class, () -> db.run(em -> {
            try {
                new DonorAccount(em, DONOR).statement(fx.otherDonorId, LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 12, 31), java.util.Locale.ENGLISH, new java.io.ByteArrayOutputStream());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
    }

    private long certified(long donor, String eur, LocalDate received, String reference) {
        long id = db.inTransaction(em -> new ContributionService(em, FINANCE).record(new ContributionInput(donor,
                fx.fundId, received, Money.of(eur, "EUR"), reference, Map.of())).getId());
        db.run(em -> new ContributionService(em, CERTIFIER).certify(id, em.find(Contribution.class, id).getVersion()));
        return id;
    }
}
