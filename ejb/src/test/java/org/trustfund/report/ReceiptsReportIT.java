package org.trustfund.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustfund.report.Workbooks.assertEveryFormulaComputesItsCachedValue;
import static org.trustfund.report.Workbooks.assertReconciled;
import static org.trustfund.report.Workbooks.find;
import static org.trustfund.report.Workbooks.open;
import static org.trustfund.report.Workbooks.valueRight;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustfund.approval.ApprovalRequest;
import org.trustfund.contribution.Contribution;
import org.trustfund.contribution.ContributionInput;
import org.trustfund.contribution.ContributionService;
import org.trustfund.donor.DonorDetails;
import org.trustfund.donor.StakeholderGroup;
import org.trustfund.inkind.InKindCategory;
import org.trustfund.inkind.InKindContribution;
import org.trustfund.inkind.InKindInput;
import org.trustfund.inkind.InKindNature;
import org.trustfund.inkind.InKindService;
import org.trustfund.inkind.ValuationBasis;
import org.trustfund.intermediary.GiftInput;
import org.trustfund.intermediary.GiverKind;
import org.trustfund.intermediary.IntermediaryInput;
import org.trustfund.intermediary.IntermediaryService;
import org.trustfund.intermediary.IntermediaryTransfer;
import org.trustfund.intermediary.TransferInput;
import org.trustfund.money.Money;
import org.trustfund.security.Roles;
import org.trustfund.testing.FixedCaller;
import org.trustfund.testing.FundFixture;
import org.trustfund.testing.TestDatabase;

/**
 * In-kind contributions and transfers from an intermediary in the annual report, on the real database: goods on both
 * sides of the statement, services disclosed only, a transfer's net as income with its gross and fees in the note,
 * its givers credited in a memo that no total adds, the pending transfer apart, and every new sheet reconciled to the
 * ledger at 0.00. Expected figures are worked out here from the scenario's amounts and rates.
 */
class ReceiptsReportIT {

    private static final FixedCaller FINANCE = FixedCaller.of("fiona", Roles.FINANCE_OFFICER);
    private static final FixedCaller CERTIFIER = FixedCaller.of("carl", Roles.CERTIFYING_OFFICER);
    private static final int YEAR = 2026;
    /** The Status of contributions sheet has one column per year since the fund began (2006): 2026 is column W. */
    private static final int YEAR_COLUMN = 2 + (YEAR - 2006);

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
    void inKindAndTransfersReachTheStatementsTheirSheetsAndTheReconciliation() throws Exception {
        // A venue from the host country: 9,200 EUR at 0.92 (January 2026) = 10,000.00 USD, recognized.
        certifyInKind(inKind(InKindNature.GOODS, InKindCategory.VENUE_AND_PREMISES, Money.of("9200.00", "EUR"),
                LocalDate.of(YEAR, 1, 20), ValuationBasis.INVOICE));
        // Interpretation, 4,000 USD: disclosed, never posted.
        certifyInKind(inKind(InKindNature.SERVICES, InKindCategory.INTERPRETATION_AND_TRANSLATION,
                Money.of("4000.00", "USD"), LocalDate.of(YEAR, 3, 2), ValuationBasis.QUOTE));
        // Equipment certified then reversed (today): a row and its negative row while today is in the report's year.
        long reversed = inKind(InKindNature.GOODS, InKindCategory.EQUIPMENT_AND_CONNECTIVITY, Money.of("1000.00", "USD"),
                LocalDate.of(YEAR, 3, 5), ValuationBasis.MARKET_RATE);
        certifyInKind(reversed);
        long request = db.inTransaction(em -> new InKindService(em, FINANCE).requestReversal(reversed,
                em.find(InKindContribution.class, reversed).getVersion(), "Valued twice").getId());
        db.run(em -> new InKindService(em, CERTIFIER).approveReversal(request,
                em.find(ApprovalRequest.class, request).getVersion()));
        boolean reversedInYear = LocalDate.now().getYear() == YEAR;
        // Recorded, never certified: in no sheet.
        inKind(InKindNature.GOODS, InKindCategory.OTHER, Money.of("777.00", "USD"), LocalDate.of(YEAR, 4, 1),
                ValuationBasis.DONOR_STATEMENT);

        // A transfer: 10,000 EUR gross from five gifts, 300 EUR fees, 9,700 EUR received on 10 March at 0.88.
        long tides = db.inTransaction(em -> new IntermediaryService(em, FINANCE).register(new IntermediaryInput(null,
                new DonorDetails("Fictional Tides Foundation", StakeholderGroup.FOUNDATION, "US", "Grants desk",
                        "grants@example.org", true, "en"), "3 % overhead plus card fees"), false).getId());
        long transfer = db.inTransaction(em -> new IntermediaryService(em, FINANCE).recordTransfer(new TransferInput(tides,
                fx.fundId, "EUR", new BigDecimal("10000.00"), new BigDecimal("300.00"), new BigDecimal("9700.00"),
                LocalDate.of(YEAR, 3, 10), "TIDES-2026-03", "Statement 2026-Q1", fiveGifts(), null)).getId());
        db.run(em -> new IntermediaryService(em, CERTIFIER).certify(transfer,
                em.find(IntermediaryTransfer.class, transfer).getVersion()));
        BigDecimal net = usd("9700", "0.88");
        BigDecimal gross = usd("10000", "0.88");
        BigDecimal fees = gross.subtract(net);
        // Reported by the foundation, not yet received: pending, never income.
        db.run(em -> new IntermediaryService(em, FINANCE).recordTransfer(new TransferInput(tides, fx.fundId, "USD",
                new BigDecimal("500.00"), new BigDecimal("15.00"), null, null, null, "Statement pending", List.of(
                        new GiftInput("Late Giver", GiverKind.PERSON, false, true, new BigDecimal("500.00"),
                                LocalDate.of(YEAR, 11, 2), null)), null)));
        // A direct cash contribution beside them.
        long cash = db.inTransaction(em -> new ContributionService(em, FINANCE).record(new ContributionInput(
                fx.otherDonorId, fx.fundId, LocalDate.of(YEAR, 4, 1), Money.of("500.00", "USD"), "BANK-1", java.util.Map.of()))
                .getId());
        db.run(em -> new ContributionService(em, CERTIFIER).certify(cash, em.find(Contribution.class, cash).getVersion()));

        BigDecimal goods = new BigDecimal("10000.00").add(reversedInYear ? BigDecimal.ZERO : new BigDecimal("1000.00"));
        byte[] xlsx = report(Locale.ENGLISH);
        try (XSSFWorkbook wb = open(xlsx)) {
            assertEveryFormulaComputesItsCachedValue(wb);
            Sheet perf = wb.getSheet("Financial performance");
            assertAmount(goods, perf, "In-kind contributions of goods", 1);
            assertAmount(goods, perf, "Goods and premises received in kind, used", 1);
            assertAmount(net, perf, "Contributions through intermediary foundations (net of their fees)", 1);
            assertAmount(new BigDecimal("500.00"), perf, "Contributions without agreement", 1);
            assertAmount(net.add(new BigDecimal("500.00")).add(goods), perf, "Total revenue", 1);
            assertAmount(goods, perf, "Total expenses", 1);

            Sheet inKind = wb.getSheet("In-kind");
            assertAmount(goods, inKind, "Total recognized", 11);
            assertAmount(new BigDecimal("4000.00"), inKind, "Total disclosed", 11);
            assertAmount(goods, inKind, "Fictional Ministry of Digital Affairs", 1);
            assertAmount(new BigDecimal("4000.00"), inKind, "Fictional Ministry of Digital Affairs", 2);
            assertNotNull(find(inKind, "Invoice", 6), "the valuation basis of each entry");
            assertNotNull(find(inKind, "Quote", 6));
            assertEquals(reversedInYear, find(inKind, "Reversal of the entry of " + YEAR + "-03-05", 12) != null);
            assertNull(findAnywhere(wb, "777"), "an entry never certified is in no sheet");

            Sheet intermediaries = wb.getSheet("Intermediaries");
            assertAmount(gross, intermediaries, "Total", 11);
            assertAmount(fees, intermediaries, "Total", 12);
            assertAmount(net, intermediaries, "Total", 13);
            assertAmount(gross, intermediaries, "Total of the gifts (USD)", 7);
            assertAmount(BigDecimal.ZERO, intermediaries, "Check: gifts less gross of the transfers (must be 0.00)", 7);
            assertNotNull(find(intermediaries, "Anonymous giver", 2));
            assertNotNull(find(intermediaries, "Giver who asked not to be named", 2));
            assertNotNull(find(intermediaries, "Ada Example", 2));
            assertNull(findAnywhere(wb, "Private Person"), "a giver who asked not to be named is named nowhere");
            assertNotNull(find(intermediaries, "Statement pending", 2), "the pending transfer, apart");
            assertNull(findAnywhere(wb, "Late Giver"), "gifts not yet received are credited to no one");

            Sheet donors = wb.getSheet("Status of contributions");
            BigDecimal cashOfYear = net.add(new BigDecimal("500.00"));
            assertAmount(cashOfYear, donors, "Total", YEAR_COLUMN);
            assertAmount(net, donors, "Foundations", YEAR_COLUMN, "Fictional Tides Foundation");
            // The memo credits each giver with their share of the gross, in no total: a quarter of 11,363.64 is
            // 2,840.91 rounded down; the shares leave two cents over, which go to the first two gifts.
            assertAmount(new BigDecimal("2840.92"), donors, "Fictional Tides Foundation", YEAR_COLUMN, "Ada Example");
            assertAmount(cashOfYear, wb.getSheet("Financial position"), "Cash", 1);

            assertAmount(new BigDecimal("500.00"), wb.getSheet("Contributions received"), "Total", 8);
            String note = noteText(wb.getSheet("Notes"), "8. Contributions through intermediary foundations");
            assertTrue(note.contains(format(gross)) && note.contains(format(fees)) && note.contains(format(net)), note);
            assertReconciled(wb, 13);
        }
        try (XSSFWorkbook fr = open(report(Locale.FRENCH))) {
            assertNotNull(fr.getSheet("En nature"));
            assertNotNull(fr.getSheet("Intermédiaires"));
            assertEveryFormulaComputesItsCachedValue(fr);
        }
        java.nio.file.Files.write(java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "reports"))
                .resolve("annual-report-in-kind-and-transfers.xlsx"), xlsx);
        LibreOfficeCheck.assertRecalculatesTheSame(xlsx);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static BigDecimal usd(String amount, String unitsPerUsd) {
        return new BigDecimal(amount).divide(new BigDecimal(unitsPerUsd), 2, RoundingMode.HALF_UP);
    }

    private static String format(BigDecimal v) {
        return new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(v);
    }

    private static List<GiftInput> fiveGifts() {
        return new ArrayList<>(List.of(
                new GiftInput("Ada Example", GiverKind.PERSON, false, true, new BigDecimal("2500.00"), LocalDate.of(YEAR, 1, 5), null),
                new GiftInput("Example Networks Inc.", GiverKind.COMPANY, false, true, new BigDecimal("4000.00"), LocalDate.of(YEAR, 1, 9), null),
                new GiftInput(null, GiverKind.PERSON, true, false, new BigDecimal("1000.00"), LocalDate.of(YEAR, 2, 1), null),
                new GiftInput("Private Person", GiverKind.PERSON, false, false, new BigDecimal("1500.00"), LocalDate.of(YEAR, 2, 2), null),
                new GiftInput("Example Family Foundation", GiverKind.FOUNDATION, false, true, new BigDecimal("1000.00"), LocalDate.of(YEAR, 2, 3), null)));
    }

    private long inKind(InKindNature nature, InKindCategory category, Money value, LocalDate on, ValuationBasis basis) {
        return db.inTransaction(em -> new InKindService(em, FINANCE).record(new InKindInput(fx.donorId, fx.fundId, on,
                on.plusDays(3), "IGF " + YEAR, category + " for the meeting", category, nature, null, value, basis,
                "Host country agreement annex B", null)).getId());
    }

    private void certifyInKind(long id) {
        db.run(em -> new InKindService(em, CERTIFIER).certify(id, em.find(InKindContribution.class, id).getVersion()));
    }

    private byte[] report(Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        db.run(em -> {
            try {
                new AnnualReportWriter(em, AnnualReportWriter.standardSections()).write(
                        new AnnualReportWriter.Request(fx.fundId, YEAR, locale, "auditor", false), out, p -> { });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return out.toByteArray();
    }

    private static void assertAmount(BigDecimal expected, Sheet sheet, String label, int column) {
        assertEquals(expected.doubleValue(), valueRight(sheet, label, column), 0.001, sheet.getSheetName() + " / " + label);
    }

    private static void assertAmount(BigDecimal expected, Sheet sheet, String label, int column, String second) {
        assertEquals(expected.doubleValue(), valueRight(sheet, label, second, column), 0.001,
                sheet.getSheetName() + " / " + label + " / " + second);
    }

    /** The first text cell of the workbook containing {@code text}, or null. */
    private static Cell findAnywhere(XSSFWorkbook wb, String text) {
        for (Sheet sheet : wb) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().contains(text)) {
                        return cell;
                    }
                }
            }
        }
        return null;
    }

    /** The paragraph under a note's title on the Notes sheet. */
    private static String noteText(Sheet notes, String title) {
        for (Row row : notes) {
            Cell a = row.getCell(0);
            if (a != null && a.getCellType() == CellType.STRING && a.getStringCellValue().equals(title)) {
                return notes.getRow(row.getRowNum() + 1).getCell(0).getStringCellValue();
            }
        }
        throw new AssertionError("No note " + title);
    }
}
