package org.trustfund.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import org.trustfund.contribution.Contribution;
import org.trustfund.contribution.ContributionInput;
import org.trustfund.contribution.ContributionService;
import org.trustfund.donor.StakeholderGroup;
import org.trustfund.expenditure.Expenditure;
import org.trustfund.expenditure.ExpenditureCategory;
import org.trustfund.expenditure.ExpenditureInput;
import org.trustfund.expenditure.ExpenditureService;
import org.trustfund.money.Money;
import org.trustfund.security.Roles;
import org.trustfund.testing.FixedCaller;
import org.trustfund.testing.FundFixture;
import org.trustfund.testing.TestDatabase;
import org.trustfund.travel.EventInput;
import org.trustfund.travel.EventType;
import org.trustfund.travel.Gender;
import org.trustfund.travel.TravelAsk;
import org.trustfund.travel.TravelInput;
import org.trustfund.travel.TravelRequest;
import org.trustfund.travel.TravelService;
import org.trustfund.travel.TravellerInput;

/**
 * Travel, other expenditure and programme support costs in the annual report, on the real database: each on the
 * statement of financial performance, the Travel and fellowships sheet with its totals by programme, region, status,
 * gender and stakeholder group, the Expenditure sheet with PSC, the notes, and every reconciliation row at 0.00.
 * Expected figures are worked out here from the scenario's amounts.
 */
class TravelReportIT {

    private static final FixedCaller FINANCE = FixedCaller.of("fiona", Roles.FINANCE_OFFICER);
    private static final FixedCaller CERTIFIER = FixedCaller.of("carl", Roles.CERTIFYING_OFFICER);
    private static final FixedCaller SECOND_CERTIFIER = FixedCaller.of("cleo", Roles.CERTIFYING_OFFICER);
    private static final int YEAR = 2026;
    private static final LocalDate DEPART = LocalDate.of(YEAR, 6, 14);
    private static final LocalDate BACK = LocalDate.of(YEAR, 6, 20);

    private TestDatabase db;
    private FundFixture fx;
    private long event;

    @BeforeEach
    void database() {
        db = TestDatabase.migrated();
        fx = FundFixture.create(db);
        event = db.inTransaction(em -> new TravelService(em, FINANCE).createEvent(new EventInput("IGF " + YEAR,
                EventType.ANNUAL_MEETING, "Geneva", "CH", LocalDate.of(YEAR, 6, 15), LocalDate.of(YEAR, 6, 19))).getId());
        db.run(em -> new TravelService(em, FINANCE).recordDsaRate("CH", "Geneva", LocalDate.of(YEAR, 6, 1),
                new BigDecimal("421.00")));
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void disbursementsExpenditureAndPscReachTheStatementTheirSheetsTheNotesAndTheReconciliation() throws Exception {
        certifiedCash("50000.00");
        long abebe = traveller("Abebe Example", Gender.MALE, "ET", StakeholderGroup.CIVIL_SOCIETY, true);
        long heidi = traveller("Heidi Example", Gender.FEMALE, "CH", StakeholderGroup.ACADEMIA, false);
        long amina = traveller("Amina Example", Gender.FEMALE, "SN", StakeholderGroup.GOVERNMENT, false);
        // 1,450.00 ticket + 6 nights × 421.00 DSA + 100.00 terminal expenses = 4,076.00, paid on 1 June.
        paid(request(abebe, "MAG_TRAVEL", "1450.00", null), LocalDate.of(YEAR, 6, 1), "PAY-ABEBE");
        // 900.00 + 2,526.00 + 100.00 = 3,526.00 paid, then cancelled (today): a reversal row, when today is in 2026.
        long heidiTrip = request(heidi, "FELLOWSHIP", "900.00", "Speaker invited by the MAG chair");
        paid(heidiTrip, LocalDate.of(YEAR, 6, 2), "PAY-HEIDI");
        db.run(em -> new TravelService(em, SECOND_CERTIFIER).cancel(heidiTrip, version(heidiTrip), "Could not attend"));
        boolean reversedInYear = LocalDate.now().getYear() == YEAR;
        // 1,200.00 + 2,526.00 + 100.00 = 3,826.00 obligated, not paid: no expense, in the note on obligations.
        long aminaTrip = request(amina, "OTHER_PARTICIPANTS", "1200.00", null);
        db.run(em -> new TravelService(em, CERTIFIER).approve(aminaTrip, version(aminaTrip), null));
        db.run(em -> new TravelService(em, FINANCE).obligate(aminaTrip, version(aminaTrip), LocalDate.of(YEAR, 5, 2), null));

        // Webcasting, 9,200 EUR at 0.88 = 10,454.55 USD; a laptop of 500.00 USD certified then reversed (today).
        certifiedExpense(ExpenditureCategory.CONTRACTUAL_SERVICES, Money.of("9200.00", "EUR"), "PO-77");
        long laptop = certifiedExpense(ExpenditureCategory.EQUIPMENT, Money.of("500.00", "USD"), "PO-78");
        db.run(em -> new ExpenditureService(em, CERTIFIER).reverse(laptop, em.find(Expenditure.class, laptop).getVersion(),
                "Returned to the supplier"));
        db.run(em -> new ExpenditureService(em, FINANCE).runPsc(fx.fundId, YEAR));

        BigDecimal travel = new BigDecimal("4076.00").add(reversedInYear ? BigDecimal.ZERO : new BigDecimal("3526.00"));
        BigDecimal webcasting = new BigDecimal("9200.00").divide(new BigDecimal("0.88"), 2, RoundingMode.HALF_UP);
        BigDecimal equipment = reversedInYear ? BigDecimal.ZERO : new BigDecimal("500.00");
        BigDecimal psc = travel.add(webcasting).add(equipment).multiply(new BigDecimal("0.13"))
                .setScale(2, RoundingMode.HALF_UP);
        BigDecimal expenses = travel.add(webcasting).add(equipment).add(psc);

        byte[] xlsx = report(Locale.ENGLISH);
        try (XSSFWorkbook wb = open(xlsx)) {
            assertEveryFormulaComputesItsCachedValue(wb);
            Sheet perf = wb.getSheet("Financial performance");
            assertAmount(travel, perf, "Travel and fellowships", 1);
            assertAmount(webcasting, perf, "Contractual services", 1);
            assertAmount(equipment, perf, "Equipment", 1);
            assertAmount(psc, perf, "Programme support costs", 1);
            assertAmount(expenses, perf, "Total expenses", 1);
            assertAmount(new BigDecimal("50000.00").subtract(expenses), perf, "Closing fund balance", 1);
            assertAmount(new BigDecimal("50000.00").subtract(expenses), wb.getSheet("Financial position"), "Cash", 1);

            Sheet trips = wb.getSheet("Travel and fellowships");
            assertNotNull(trips, "the new sheet");
            assertAmount(travel, trips, "Total disbursed in the year (USD)", 15);
            assertNotNull(find(trips, "Abebe Example", 2), "each disbursement names its traveller");
            assertNotNull(find(trips, "PAY-HEIDI", 14));
            assertTrue(find(trips, "Amina Example", 2) == null, "an obligation not yet paid is no disbursement");
            assertEquals(reversedInYear, find(trips, "Reversal of the payment", 16) != null);
            // The totals by group are formulas over the detail rows: trips in column B, USD in column C.
            assertAmount(new BigDecimal("4076.00"), trips, "MAG member travel support", 2);
            assertEquals(1.0, valueRight(trips, "MAG member travel support", 1), 0.0);
            assertEquals(reversedInYear ? 0.0 : 1.0, valueRight(trips, "Fellowship programme", 1), 0.0,
                    "a payment and its reversal count no trip");
            assertAmount(new BigDecimal("4076.00"), trips, "Africa", 2);
            assertAmount(new BigDecimal("4076.00"), trips, "Least developed", 2);
            assertAmount(new BigDecimal("4076.00"), trips, "Male", 2);
            assertAmount(reversedInYear ? BigDecimal.ZERO : new BigDecimal("3526.00"), trips, "Female", 2);
            assertAmount(new BigDecimal("4076.00"), trips, "Civil society", 2);
            assertTrue(trips instanceof org.apache.poi.xssf.usermodel.XSSFSheet s
                    && !s.getDrawingPatriarch().getCharts().isEmpty(), "a chart by programme");

            Sheet spent = wb.getSheet("Expenditure");
            assertAmount(webcasting.add(equipment), spent, "Total other expenditure of the year (USD)", 8);
            assertAmount(webcasting, spent, "Contractual services", 1);
            assertAmount(psc, spent, "Total programme support costs (USD)", 6);
            assertNotNull(find(spent, "PO-77", 3));

            Sheet notes = wb.getSheet("Notes");
            assertTrue(noteText(notes, "9. Travel, fellowships, other expenditure and programme support costs")
                    .contains(format(psc)));
            assertTrue(noteText(notes, "10. Open obligations").contains("3,826.00"));
            assertReconciled(wb, 16);
        }
        try (XSSFWorkbook fr = open(report(Locale.FRENCH))) {
            assertNotNull(fr.getSheet("Voyages et bourses"));
            assertNotNull(fr.getSheet("Dépenses"));
            assertEveryFormulaComputesItsCachedValue(fr);
        }
        java.nio.file.Files.write(java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "reports"))
                .resolve("annual-report-travel-and-expenditure.xlsx"), xlsx);
        LibreOfficeCheck.assertRecalculatesTheSame(xlsx);
    }

    @Test
    void aYearWithoutTravelOrExpenditureStillHasBothSheetsAtZero() throws Exception {
        certifiedCash("1000.00");
        try (XSSFWorkbook wb = open(report(Locale.ENGLISH))) {
            assertEveryFormulaComputesItsCachedValue(wb);
            assertAmount(BigDecimal.ZERO, wb.getSheet("Travel and fellowships"), "Total disbursed in the year (USD)", 15);
            assertAmount(BigDecimal.ZERO, wb.getSheet("Expenditure"), "Total programme support costs (USD)", 6);
            assertReconciled(wb, 10);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private long traveller(String name, Gender gender, String country, StakeholderGroup group, boolean mag) {
        return db.inTransaction(em -> new TravelService(em, FINANCE).createTraveller(new TravellerInput(name, gender,
                country, country, group, mag, null)).getId());
    }

    private long request(long traveller, String programme, String ticketUsd, String eligibilityReason) {
        long programmeId = db.inTransaction(em -> new TravelService(em, FINANCE).programmes().stream()
                .filter(p -> p.getCode().equals(programme)).findFirst().orElseThrow().getId());
        return db.inTransaction(em -> new TravelService(em, FINANCE).request(new TravelInput(traveller, programmeId,
                event, fx.fundId, "Home – Geneva – home", TravelAsk.BOTH, LocalDate.of(YEAR, 4, 1), DEPART, BACK, "USD",
                new BigDecimal(ticketUsd), null, null, null, null, null, null, null, new BigDecimal("100.00"), null,
                eligibilityReason)).getId());
    }

    private void paid(long id, LocalDate on, String reference) {
        db.run(em -> new TravelService(em, CERTIFIER).approve(id, version(id), null));
        db.run(em -> new TravelService(em, FINANCE).obligate(id, version(id), LocalDate.of(YEAR, 5, 2), null));
        db.run(em -> new TravelService(em, FINANCE).pay(id, version(id), on, reference, null));
    }

    private long version(long travelId) {
        return db.inTransaction(em -> em.find(TravelRequest.class, travelId).getVersion());
    }

    private void certifiedCash(String usd) {
        long id = db.inTransaction(em -> new ContributionService(em, FINANCE).record(new ContributionInput(fx.donorId,
                fx.fundId, LocalDate.of(YEAR, 3, 2), Money.of(usd, "USD"), "BANK-" + usd, Map.of())).getId());
        db.run(em -> new ContributionService(em, CERTIFIER).certify(id, em.find(Contribution.class, id).getVersion()));
    }

    private long certifiedExpense(ExpenditureCategory category, Money amount, String reference) {
        long id = db.inTransaction(em -> new ExpenditureService(em, FINANCE).record(new ExpenditureInput(fx.fundId,
                category, LocalDate.of(YEAR, 7, 1), amount, reference, category + " for the annual meeting", null)).getId());
        db.run(em -> new ExpenditureService(em, CERTIFIER).certify(id, em.find(Expenditure.class, id).getVersion()));
        return id;
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

    private static String format(BigDecimal v) {
        return new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(v);
    }

    private static void assertAmount(BigDecimal expected, Sheet sheet, String label, int column) {
        assertEquals(expected.doubleValue(), valueRight(sheet, label, column), 0.001, sheet.getSheetName() + " / " + label);
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
