package org.trustfund.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustfund.approval.ApprovalRequest;
import org.trustfund.closing.YearClosingService;
import org.trustfund.closing.YearSummary;
import org.trustfund.contribution.Contribution;
import org.trustfund.contribution.ContributionInput;
import org.trustfund.contribution.ContributionService;
import org.trustfund.donor.Donor;
import org.trustfund.donor.DonorDetails;
import org.trustfund.donor.StakeholderGroup;
import org.trustfund.ledger.JournalEvent;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.pledge.Pledge;
import org.trustfund.pledge.PledgeInput;
import org.trustfund.pledge.PledgeService;
import org.trustfund.pledge.ReceivableRevaluation;
import org.trustfund.pledge.ScheduleLine;
import org.trustfund.reference.Country;
import org.trustfund.security.Roles;
import org.trustfund.testing.FixedCaller;
import org.trustfund.testing.FundFixture;
import org.trustfund.testing.TestDatabase;

/**
 * The annual report on the real database, from a scenario built through the services with known figures: three
 * currencies with realized gains and losses, a conditional agreement, a write-off, a contribution without agreement,
 * an unapplied receipt, a closing with its year-end revaluation, then a second year with a reversal. Every expected
 * figure is computed here from the scenario's amounts and rates, not by the report's code.
 */
class AnnualReportIT {

    private static final FixedCaller FINANCE = FixedCaller.of("fiona", Roles.FINANCE_OFFICER);
    private static final FixedCaller CERTIFIER = FixedCaller.of("carl", Roles.CERTIFYING_OFFICER);
    private static final String INJECTION = "=HYPERLINK(\"http://x\",\"y\")";

    // Rates of 2025 (units per USD): EUR 0.90 until May, 0.80 from June, 0.75 in December; JPY 150, 160 in December;
    // CHF 0.90, 0.80 in December. 2026: EUR 0.88 from March and JPY 150 (the fixture's), CHF 0.85.
    private static final BigDecimal EUR_MARCH = new BigDecimal("0.90");
    private static final BigDecimal EUR_JUNE = new BigDecimal("0.80");
    private static final BigDecimal EUR_DEC = new BigDecimal("0.75");
    private static final BigDecimal EUR_2026 = new BigDecimal("0.88");
    private static final BigDecimal JPY = new BigDecimal("150");
    private static final BigDecimal JPY_DEC = new BigDecimal("160");
    private static final BigDecimal CHF = new BigDecimal("0.90");

    private TestDatabase db;
    private FundFixture fx;
    private long injectionDonor;

    @BeforeEach
    void database() throws Exception {
        db = TestDatabase.migrated();
        fx = FundFixture.create(db);
        db.sql("UPDATE fund SET start_date = '2025-01-01' WHERE id = " + fx.fundId);
        injectionDonor = db.inTransaction(em -> {
            for (int month = 1; month <= 12; month++) {
                String date = String.format("2025-%02d-01", month);
                FundFixture.rate(em, "EUR", date, month == 12 ? "0.750000" : month >= 6 ? "0.800000" : "0.900000");
                FundFixture.rate(em, "JPY", date, month == 12 ? "160.000000" : "150.000000");
                FundFixture.rate(em, "CHF", date, month == 12 ? "0.800000" : "0.900000");
            }
            for (LocalDate m = LocalDate.of(2026, 1, 1); !m.isAfter(LocalDate.now()); m = m.plusMonths(1)) {
                FundFixture.rate(em, "CHF", m.toString(), "0.850000");
            }
            Donor d = new Donor(new DonorDetails(INJECTION, StakeholderGroup.CIVIL_SOCIETY, "CH", null, null, true,
                    "en"),
                    em.find(Country.class, "CH"), Instant.now(), "setup");
            em.persist(d);
            em.flush();
            return d.getId();
        });
    }

    @AfterEach
    void drop() {
        db.close();
    }

    /** The scenario's figures, as the test works them out. */
    private static BigDecimal usd(String amount, BigDecimal unitsPerUsd) {
        return new BigDecimal(amount).divide(unitsPerUsd, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal share(BigDecimal carrying, String part, String whole) {
        return carrying.multiply(new BigDecimal(part)).divide(new BigDecimal(whole), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal sum(BigDecimal... values) {
        BigDecimal s = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            s = s.add(v);
        }
        return s;
    }

    @Test
    void aClosedYearTiesToTheLedgerAndStaysTheSameAfterTheNextYearsActivity() throws Exception {
        // 2025 -------------------------------------------------------------------------------------------------------
        long p1 = pledge(fx.donorId, Money.of("2000.00", "EUR"), LocalDate.of(2025, 9, 30));
        sign(p1, LocalDate.of(2025, 3, 1), null);
        BigDecimal p1Booked = usd("2000", EUR_MARCH);
        long c1 = record(fx.donorId, Money.of("1000.00", "EUR"), LocalDate.of(2025, 6, 10), Map.of(instalment(p1),
                Money.of("1000.00", "EUR")));
        certify(c1);
        BigDecimal c1Usd = usd("1000", EUR_JUNE);
        BigDecimal c1Carrying = share(p1Booked, "1000", "2000");
        BigDecimal realized2025 = c1Usd.subtract(c1Carrying);

        long p2 = pledge(fx.donorId, Money.of("300000", "JPY"), LocalDate.of(2025, 12, 15));
        sign(p2, LocalDate.of(2025, 4, 1), "An activity report first");
        BigDecimal p2Deferred = usd("300000", JPY);

        long p3 = pledge(fx.donorId, Money.of("1000.00", "CHF"), LocalDate.of(2025, 8, 31));
        sign(p3, LocalDate.of(2025, 5, 1), null);
        BigDecimal p3Booked = usd("1000", CHF);
        long writeOff = db.inTransaction(em -> new PledgeService(em, FINANCE).requestWriteOff(p3,
                em.find(Pledge.class, p3).getVersion(), LocalDate.of(2025, 10, 1), "Donor withdrew").getId());
        db.run(em -> new PledgeService(em, CERTIFIER).approveWriteOff(writeOff,
                em.find(ApprovalRequest.class, writeOff).getVersion()));

        long c2 = record(fx.otherDonorId, Money.of("500.00", "USD"), LocalDate.of(2025, 7, 1), Map.of());
        certify(c2);
        long c3 = record(fx.donorId, Money.of("200.00", "EUR"), LocalDate.of(2025, 11, 5), Map.of());
        certify(c3);
        BigDecimal c3Usd = usd("200", EUR_JUNE);
        long c4 = record(injectionDonor, Money.of("300.00", "USD"), LocalDate.of(2025, 8, 1), Map.of());
        certify(c4);

        close2025();
        BigDecimal p1Restated = usd("1000", EUR_DEC);
        BigDecimal p2Restated = usd("300000", JPY_DEC);
        BigDecimal unrealized2025 = p1Restated.subtract(p1Booked.subtract(c1Carrying)).add(p2Restated.subtract(p2Deferred));

        BigDecimal fromAgreements2025 = p1Booked.add(p3Booked);
        BigDecimal withoutAgreement2025 = new BigDecimal("800.00");
        BigDecimal revenue2025 = sum(fromAgreements2025, withoutAgreement2025, realized2025, unrealized2025);
        BigDecimal expenses2025 = p3Booked;
        BigDecimal closing2025 = revenue2025.subtract(expenses2025);
        BigDecimal cash2025 = sum(c1Usd, new BigDecimal("500.00"), c3Usd, new BigDecimal("300.00"));
        BigDecimal receivables2025 = p1Restated.add(p2Restated);

        byte[] first = report(2025, Locale.ENGLISH);
        // The readers the benchmark times apart from the sheets: the same rows, chunk by chunk.
        int[] read = new int[2];
        db.run(em -> {
            ReportContext ctx = new AnnualReportWriter(em, AnnualReportWriter.standardSections()).context(
                    new AnnualReportWriter.Request(fx.fundId, 2025, Locale.ENGLISH, "benchmark", false), p -> { });
            PledgeSection.read(ctx, chunk -> read[0] += chunk.size());
            ContributionSection.read(ctx, chunk -> read[1] += chunk.size());
        });
        assertEquals(3, read[0], "pledges of 2025");
        assertEquals(4, read[1], "contributions received in 2025");
        try (XSSFWorkbook wb = open(first)) {
            assertEveryFormulaComputesItsCachedValue(wb);
            Sheet perf = wb.getSheet("Financial performance");
            assertAmount(BigDecimal.ZERO, perf, "Opening fund balance", 1);
            assertAmount(fromAgreements2025, perf, "Contributions from agreements", 1);
            assertAmount(withoutAgreement2025, perf, "Contributions without agreement", 1);
            assertAmount(realized2025, perf, "Realized exchange gains (losses)", 1);
            assertAmount(unrealized2025, perf, "Unrealized exchange gains (losses)", 1);
            assertAmount(BigDecimal.ZERO, perf, "Travel and fellowships", 1);
            assertAmount(BigDecimal.ZERO, perf, "Programme support costs", 1);
            assertAmount(revenue2025, perf, "Total revenue", 1);
            assertAmount(expenses2025, perf, "Total expenses", 1);
            assertAmount(closing2025, perf, "Closing fund balance", 1);
            assertEquals(new BigDecimal("4369.44"), revenue2025, "the scenario's arithmetic, by hand");

            Sheet pos = wb.getSheet("Financial position");
            assertAmount(cash2025, pos, "Cash", 1);
            assertAmount(receivables2025, pos, "Contributions receivable", 1);
            assertAmount(c3Usd, pos, "Unapplied receipts", 1);
            assertAmount(p2Deferred, pos, "Deferred revenue (conditional agreements)", 1);
            assertAmount(cash2025.add(receivables2025), pos, "Total assets", 1);
            assertAmount(closing2025, pos, "Total fund balance", 1);
            assertAmount(BigDecimal.ZERO, pos, "Check: assets less liabilities and fund balance (must be 0.00)", 1);

            Sheet donors = wb.getSheet("Status of contributions");
            assertAmount(cash2025, donors, "Total", 3);
            assertAmount(c1Usd.add(c3Usd), donors, "Governments", 3, "Subtotal");
            Cell injected = find(donors, INJECTION, 1);
            assertEquals(CellType.STRING, injected.getCellType(), "a donor's name is text, never a formula");
            assertNotNull(find(donors, "Anonymous donor", 1), "a donor who asked not to be named");

            Sheet pledges = wb.getSheet("Pledges and receivables");
            assertAmount(receivables2025, pledges, "Total", 13);
            Sheet contributions = wb.getSheet("Contributions received");
            assertAmount(cash2025, contributions, "Total", 8);
            assertEquals(CellType.STRING, find(contributions, INJECTION, 2).getCellType());

            assertReconciled(wb, 9);
            assertEquals(10.0, valueRight(wb.getSheet("Reconciliation"), "Journals of the year read", 2), 0.0,
                    "3 agreements, a write-off, 4 certifications, 2 year-end revaluations");
            assertProvisional(wb, false);
            assertTrue(rateListed(wb, "EUR", "2025-12-01") && rateListed(wb, "JPY", "2025-12-01")
                    && rateListed(wb, "EUR", "2025-06-01") && rateListed(wb, "EUR", "2025-03-01"),
                    "the contributions', agreements' and year-end rates");
        }

        // 2026 -------------------------------------------------------------------------------------------------------
        long reversal = db.inTransaction(em -> new ContributionService(em, FINANCE).requestReversal(c4,
                em.find(Contribution.class, c4).getVersion(), "Paid into the wrong fund").getId());
        db.run(em -> new ContributionService(em, CERTIFIER).approveReversal(reversal,
                em.find(ApprovalRequest.class, reversal).getVersion()));
        db.run(em -> new ContributionService(em, FINANCE).applyHeld(c3, em.find(Contribution.class, c3).getVersion(),
                Map.of(instalment(p1), Money.of("200.00", "EUR"))));
        BigDecimal appliedCarrying = share(p1Restated, "200", "1000");
        db.run(em -> new PledgeService(em, FINANCE).recordConditionsMet(p2, em.find(Pledge.class, p2).getVersion(),
                LocalDate.of(2026, 3, 1)));
        long c5 = record(fx.donorId, Money.of("150000", "JPY"), LocalDate.of(2026, 5, 10), Map.of(instalment(p2),
                Money.of("150000", "JPY")));
        certify(c5);
        BigDecimal c5Usd = usd("150000", JPY);
        BigDecimal c5Carrying = share(p2Restated, "150000", "300000");
        record(fx.otherDonorId, Money.of("50.00", "USD"), LocalDate.of(2026, 6, 1), Map.of());

        byte[] again = report(2025, Locale.ENGLISH);
        assertSameCells(first, again);

        BigDecimal realized2026 = c3Usd.subtract(appliedCarrying).add(c5Usd.subtract(c5Carrying));
        BigDecimal p1Preview = usd("800", EUR_2026).subtract(p1Restated.subtract(appliedCarrying));
        BigDecimal p2Preview = usd("150000", JPY).subtract(p2Restated.subtract(c5Carrying));
        BigDecimal preview = p1Preview.add(p2Preview);
        BigDecimal revenue2026 = sum(p2Deferred, new BigDecimal("-300.00"), realized2026, preview);
        BigDecimal closing2026 = closing2025.add(revenue2026);
        BigDecimal cash2026 = cash2025.subtract(new BigDecimal("300.00")).add(c5Usd);
        byte[] open = report(2026, Locale.ENGLISH);
        try (XSSFWorkbook wb = open(open)) {
            assertEveryFormulaComputesItsCachedValue(wb);
            assertProvisional(wb, true);
            Sheet perf = wb.getSheet("Financial performance");
            assertAmount(closing2025, perf, "Opening fund balance", 1);
            assertAmount(closing2025, perf, "Closing fund balance", 2);
            assertAmount(p2Deferred, perf, "Contributions from agreements", 1);
            assertAmount(new BigDecimal("-300.00"), perf, "Contributions without agreement", 1);
            assertAmount(realized2026, perf, "Realized exchange gains (losses)", 1);
            assertAmount(BigDecimal.ZERO, perf, "Unrealized exchange gains (losses)", 1);
            assertAmount(preview, perf, "Unrealized exchange gains (losses): year-end revaluation preview, not posted", 1);
            assertAmount(revenue2026, perf, "Total revenue", 1);
            assertAmount(closing2026, perf, "Closing fund balance", 1);
            Sheet pos = wb.getSheet("Financial position");
            assertAmount(cash2026, pos, "Cash", 1);
            assertAmount(usd("800", EUR_2026).add(usd("150000", JPY)), pos, "Total assets", 1, null,
                    cash2026);
            assertAmount(BigDecimal.ZERO, pos, "Total liabilities", 1);
            assertAmount(closing2026, pos, "Total fund balance", 1);
            assertAmount(usd("800", EUR_2026).add(usd("150000", JPY)), wb.getSheet("Pledges and receivables"), "Total", 13);
            Sheet contributions = wb.getSheet("Contributions received");
            assertAmount(cash2026.subtract(cash2025), contributions, "Total", 8);
            assertNotNull(find(contributions, "Reversal of the receipt of 2025-08-01", 9), "the reversal is its own row");
            org.apache.poi.xssf.usermodel.XSSFSheet charts = wb.getSheet("Charts");
            assertEquals(2, charts.getDrawingPatriarch().getCharts().size(), "revenue by group, and over ten years");
            assertAmount(revenue2026, charts, "2026", 1);
            assertAmount(revenue2025, charts, "2025", 1);
            assertAmount(p2Deferred.subtract(new BigDecimal("300.00")), charts, "Governments", 1, null,
                    new BigDecimal("300.00"));
            assertAmount(new BigDecimal("-300.00"), charts, "Civil society", 1);
            assertEquals(1.0, valueRight(wb.getSheet("Cover"), "Contributions awaiting certification, left out", 1), 0.0);
            assertReconciled(wb, 9);
        }
        try (XSSFWorkbook fr = open(report(2026, Locale.FRENCH))) {
            assertNotNull(fr.getSheet("Performance financière"));
            assertTrue(fr.getSheetAt(1).getRow(0).getCell(0).getStringCellValue().contains("PROVISOIRE"));
        }
        keep("annual-report-2025-final.xlsx", first);
        keep("annual-report-2026-provisional.xlsx", open);
        LibreOfficeCheck.assertRecalculatesTheSame(first, open);
    }

    @Test
    void aYearBeforeTheFundBeganOrInTheFutureIsRefused() {
        BusinessException before = assertThrows(BusinessException.class, () -> report(2024, Locale.ENGLISH));
        assertEquals("report.year.beforeStart", before.messageKey());
        BusinessException future = assertThrows(BusinessException.class,
                () -> report(LocalDate.now().getYear() + 1, Locale.ENGLISH));
        assertEquals("report.year.future", future.messageKey());
    }

    @Test
    void aStatementOnlyWorkbookHasTheCoverTheStatementsAndTheReconciliation() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        db.run(em -> write(em, new AnnualReportWriter.Request(fx.fundId, 2025, Locale.ENGLISH, "auditor", true), out));
        try (XSSFWorkbook wb = open(out.toByteArray())) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertEquals(List.of("Cover", "Financial performance", "Financial position", "Reconciliation"), names);
            assertReconciled(wb, 4);
            assertEveryFormulaComputesItsCachedValue(wb);
        }
    }

    @Test
    void revaluingTwiceOnTheSameDatePostsNothingTheSecondTime() {
        long p = pledge(fx.donorId, Money.of("1000.00", "EUR"), LocalDate.of(2026, 9, 30));
        sign(p, LocalDate.of(2026, 1, 10), null);
        LocalDate date = LocalDate.of(2026, 3, 31);
        assertEquals(1, db.inTransaction(em -> new ReceivableRevaluation(em, FINANCE).revalue(fx.fundId, date)).size());
        assertEquals(0, db.inTransaction(em -> new ReceivableRevaluation(em, FINANCE).revalue(fx.fundId, date)).size());
        assertEquals(0, db.inTransaction(em -> new ReceivableRevaluation(em, FINANCE).preview(fx.fundId, date)).size());
        long journals = db.inTransaction(em -> em.createQuery("SELECT COUNT(j) FROM Journal j WHERE j.eventType = :t",
                Long.class).setParameter("t", JournalEvent.REVALUATION).getSingleResult());
        assertEquals(1L, journals);
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Keeps a generated workbook under target/reports, for a person to open and look at. */
    private static void keep(String name, byte[] xlsx) throws IOException {
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "reports"));
        java.nio.file.Files.write(dir.resolve(name), xlsx);
    }

    private byte[] report(int year, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        db.run(em -> write(em, new AnnualReportWriter.Request(fx.fundId, year, locale, "auditor", false), out));
        return out.toByteArray();
    }

    private static void write(jakarta.persistence.EntityManager em, AnnualReportWriter.Request request,
            ByteArrayOutputStream out) {
        try {
            new AnnualReportWriter(em, AnnualReportWriter.standardSections()).write(request, out, p -> { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertProvisional(XSSFWorkbook wb, boolean provisional) {
        for (Sheet sheet : wb) {
            String title = sheet.getRow(0).getCell(0).getStringCellValue();
            assertEquals(provisional, title.contains("PROVISIONAL"), sheet.getSheetName() + ": " + title);
            if (provisional) {
                assertTrue(sheet.getHeader().getLeft().contains("PROVISIONAL") || sheet.getSheetName().equals("Cover"),
                        sheet.getSheetName() + " printed header");
            }
        }
    }

    private static boolean rateListed(XSSFWorkbook wb, String currency, String date) {
        for (Row row : wb.getSheet("Exchange rates")) {
            Cell c = row.getCell(0);
            Cell d = row.getCell(1);
            if (c != null && currency.equals(c.toString()) && d != null && d.getCellType() == CellType.NUMERIC
                    && d.getLocalDateTimeCellValue().toLocalDate().toString().equals(date)) {
                return true;
            }
        }
        return false;
    }

    private static void assertAmount(BigDecimal expected, Sheet sheet, String label, int column) {
        assertAmount(expected, sheet, label, column, null);
    }

    /** The amount in {@code column} of the row labelled {@code label} (and {@code second} in column B, if given). */
    private static void assertAmount(BigDecimal expected, Sheet sheet, String label, int column, String second) {
        double actual = valueRight(sheet, label, second, column);
        assertEquals(expected.doubleValue(), actual, 0.001, sheet.getSheetName() + " / " + label);
    }

    private static void assertAmount(BigDecimal expected, Sheet sheet, String label, int column, String second,
            BigDecimal alsoCash) {
        assertAmount(expected.add(alsoCash), sheet, label, column, second);
    }

    /** The same cells on every sheet, but the cover's time of generation. */
    private static void assertSameCells(byte[] first, byte[] second) throws IOException {
        try (XSSFWorkbook a = open(first); XSSFWorkbook b = open(second)) {
            assertEquals(a.getNumberOfSheets(), b.getNumberOfSheets());
            for (int s = 0; s < a.getNumberOfSheets(); s++) {
                Sheet sa = a.getSheetAt(s);
                Sheet sb = b.getSheetAt(s);
                assertEquals(sa.getLastRowNum(), sb.getLastRowNum(), sa.getSheetName());
                for (Row ra : sa) {
                    Row rb = sb.getRow(ra.getRowNum());
                    for (Cell ca : ra) {
                        if (s == 0 && ra.getCell(0) != null && "Generated at".equals(ra.getCell(0).toString())) {
                            continue;
                        }
                        Cell cb = rb == null ? null : rb.getCell(ca.getColumnIndex());
                        assertNotNull(cb, sa.getSheetName() + "!" + ca.getAddress());
                        assertEquals(ca.toString(), cb.toString(), sa.getSheetName() + "!" + ca.getAddress());
                        if (ca.getCellType() == CellType.FORMULA) {
                            assertEquals(ca.getNumericCellValue(), cb.getNumericCellValue(), 0.0,
                                    sa.getSheetName() + "!" + ca.getAddress());
                        }
                    }
                }
            }
        }
    }

    private void close2025() {
        YearSummary proposed = db.inTransaction(em -> new YearClosingService(em, FINANCE).proposeClose(fx.fundId, 2025, 0));
        db.run(em -> new YearClosingService(em, CERTIFIER).confirmClose(fx.fundId, 2025, proposed.version()));
    }

    private long pledge(long donor, Money amount, LocalDate due) {
        return db.inTransaction(em -> new PledgeService(em, FINANCE).create(new PledgeInput(donor, fx.fundId, amount,
                "Fellowships", due.getYear(), due.getYear(), due.withDayOfYear(1),
                List.of(new ScheduleLine(due, amount)))).getId());
    }

    private void sign(long pledgeId, LocalDate date, String conditions) {
        db.run(em -> new PledgeService(em, FINANCE).signAgreement(pledgeId, em.find(Pledge.class, pledgeId).getVersion(),
                date, "STFA-" + pledgeId, conditions));
    }

    private long instalment(long pledgeId) {
        return db.inTransaction(em -> em.find(Pledge.class, pledgeId).getInstalments().get(0).getId());
    }

    private long record(long donor, Money amount, LocalDate received, Map<Long, Money> applications) {
        return db.inTransaction(em -> new ContributionService(em, FINANCE).record(new ContributionInput(donor, fx.fundId,
                received, amount, "BANK-" + System.nanoTime(), applications)).getId());
    }

    private void certify(long id) {
        db.run(em -> new ContributionService(em, CERTIFIER).certify(id, em.find(Contribution.class, id).getVersion()));
    }
}
