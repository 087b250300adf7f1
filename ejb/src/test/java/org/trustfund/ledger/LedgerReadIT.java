package org.trustfund.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustfund.contribution.Contribution;
import org.trustfund.contribution.ContributionInput;
import org.trustfund.contribution.ContributionService;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.UnknownRecordException;
import org.trustfund.pledge.Pledge;
import org.trustfund.pledge.PledgeInput;
import org.trustfund.pledge.PledgeService;
import org.trustfund.pledge.ScheduleLine;
import org.trustfund.security.Roles;
import org.trustfund.testing.FixedCaller;
import org.trustfund.testing.FundFixture;
import org.trustfund.testing.TestDatabase;

/**
 * Reading the ledger on the real database: a small ledger built through the services and by direct postings with
 * known figures, then the trial balance (checked against figures written here and against sums the test makes
 * itself from the journal entities), the journal filters and paging, the chunked export read, and both xlsx
 * exports read back with POI.
 */
class LedgerReadIT {

    private static final FixedCaller FINANCE = FixedCaller.of("fiona", Roles.FINANCE_OFFICER);
    private static final FixedCaller CERTIFIER = FixedCaller.of("carl", Roles.CERTIFYING_OFFICER);
    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 12, 31);
    private static final String FORMULA_NAME = "=HYPERLINK(\"http://example.org\",\"click\")";

    private TestDatabase db;
    private FundFixture fx;
    private long contributionId;
    private long before;
    private long agreement;
    private long certification;
    private long gain;
    private long after;

    /*
     * Direct postings are separate-gift journals of a made-up source.
 * 2024-12-15  direct      Dr CASH 300.00 / Cr CONTRIBUTION_REVENUE 300.00 (before the period: opening)
     * 2025-03-01  agreement   a 1,000 USD pledge signed: Dr RECEIVABLE 1,000.00 / Cr REVENUE 1,000.00
     * 2025-04-10  contribution 400 USD certified and applied: Dr CASH 400.00 / Cr RECEIVABLE 400.00
     * 2025-07-01  direct      Dr CASH 50.00 / Cr REALIZED_EXCHANGE_GAIN_LOSS 50.00, the other donor
     * 2026-01-05  direct      Dr CASH 10.00 / Cr CONTRIBUTION_REVENUE 10.00 (after the period: not in it)
     */
    @BeforeEach
    void ledger() throws Exception {
        db = TestDatabase.migrated();
        fx = FundFixture.create(db);
        db.sql("UPDATE donor SET name = '" + FORMULA_NAME.replace("'", "''") + "' WHERE id = " + fx.otherDonorId);
        before = post(LocalDate.of(2024, 12, 15), fx.donorId, Account.CASH, Account.CONTRIBUTION_REVENUE, "300.00",
                "Opening gift");
        long pledge = db.inTransaction(em -> new PledgeService(em, FINANCE).create(new PledgeInput(fx.donorId, fx.fundId,
                Money.of("1000.00", "USD"), "Fellowships", 2025, 2025, LocalDate.of(2025, 1, 10),
                List.of(new ScheduleLine(LocalDate.of(2025, 9, 30), Money.of("1000.00", "USD"))))).getId());
        db.run(em -> new PledgeService(em, FINANCE).signAgreement(pledge, em.find(Pledge.class, pledge).getVersion(),
                LocalDate.of(2025, 3, 1), "STFA-1"));
        long instalment = db.inTransaction(em -> ((Number) em.createNativeQuery(
                "SELECT id FROM instalment WHERE pledge_id = ?").setParameter(1, pledge).getSingleResult()).longValue());
        contributionId = db.inTransaction(em -> new ContributionService(em, FINANCE).record(new ContributionInput(
                fx.donorId, fx.fundId, LocalDate.of(2025, 4, 10), Money.of("400.00", "USD"), "BANK-1",
                Map.of(instalment, Money.of("400.00", "USD")))).getId());
        db.run(em -> new ContributionService(em, CERTIFIER).certify(contributionId,
                em.find(Contribution.class, contributionId).getVersion()));
        agreement = journalIdOf(JournalEvent.AGREEMENT_SIGNED);
        certification = journalIdOf(JournalEvent.CONTRIBUTION_CERTIFIED);
        gain = post(LocalDate.of(2025, 7, 1), fx.otherDonorId, Account.CASH, Account.REALIZED_EXCHANGE_GAIN_LOSS,
                "50.00", "-1 correction");
        after = post(LocalDate.of(2026, 1, 5), fx.donorId, Account.CASH, Account.CONTRIBUTION_REVENUE, "10.00", "Later");
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void theTrialBalanceListsEveryAccountWithItsOpeningMovementsAndClosing() {
        TrialBalanceReport tb = trialBalance(FROM, TO);
        assertEquals(Account.values().length, tb.rows().size(), "every account, postings or not");
        for (int i = 0; i < Account.values().length; i++) {
            assertEquals(Account.values()[i], tb.rows().get(i).account(), "in the chart's order");
        }
        assertRow(tb.row(Account.CASH), "300.00", "450.00", "0.00", "750.00");
        assertRow(tb.row(Account.CONTRIBUTIONS_RECEIVABLE), "0.00", "1000.00", "400.00", "600.00");
        assertRow(tb.row(Account.CONTRIBUTION_REVENUE), "-300.00", "0.00", "1000.00", "-1300.00");
        assertRow(tb.row(Account.REALIZED_EXCHANGE_GAIN_LOSS), "0.00", "0.00", "50.00", "-50.00");
        assertRow(tb.row(Account.DEFERRED_REVENUE), "0.00", "0.00", "0.00", "0.00");
        assertRow(tb.row(Account.PLEDGE_WRITE_OFFS), "0.00", "0.00", "0.00", "0.00");
        assertEquals("0.00", tb.row(Account.TRAVEL_AND_FELLOWSHIPS).closing().toPlainString(), "no postings: 0.00");
        assertMoney("1300.00", tb.row(Account.CONTRIBUTION_REVENUE).closingOnNormalSide(), "a credit balance, positive");
        assertMoney("750.00", tb.row(Account.CASH).closingOnNormalSide(), "a debit balance, positive");
        assertMoney("1450.00", tb.totalDebits(), "debits");
        assertMoney("1450.00", tb.totalCredits(), "credits = debits");
        assertMoney("0.00", tb.totalOpening(), "opening balances add up to nothing");
        assertMoney("0.00", tb.totalClosing(), "closing balances add up to nothing");
        assertEquals("IGF", tb.fundCode());
    }

    @Test
    void anyPeriodAgreesWithSumsOverTheJournalEntities() {
        for (LocalDate[] period : new LocalDate[][] {{FROM, TO}, {LocalDate.of(2025, 4, 10), LocalDate.of(2025, 4, 10)},
                {LocalDate.of(2025, 3, 2), LocalDate.of(2026, 6, 30)}, {LocalDate.of(2000, 1, 1), LocalDate.of(2024, 12, 14)}}) {
            TrialBalanceReport tb = trialBalance(period[0], period[1]);
            Map<Account, BigDecimal[]> expected = sumsFromEntities(period[0], period[1]);
            for (TrialBalanceRow row : tb.rows()) {
                BigDecimal[] e = expected.get(row.account());
                String at = row.account() + " " + period[0] + ".." + period[1];
                assertMoney(e[0].toPlainString(), row.opening(), at + " opening");
                assertMoney(e[1].toPlainString(), row.debits(), at + " debits");
                assertMoney(e[2].toPlainString(), row.credits(), at + " credits");
            }
        }
        // One day: only the certification moves; everything before it is opening.
        TrialBalanceReport day = trialBalance(LocalDate.of(2025, 4, 10), LocalDate.of(2025, 4, 10));
        assertRow(day.row(Account.CASH), "300.00", "400.00", "0.00", "700.00");
        assertRow(day.row(Account.CONTRIBUTIONS_RECEIVABLE), "1000.00", "0.00", "400.00", "600.00");
    }

    @Test
    void inputsAreChecked() {
        BusinessException reversed = assertThrows(BusinessException.class, () -> trialBalance(TO, FROM));
        assertEquals("ledger.period.reversed", reversed.messageKey());
        BusinessException unknown = assertThrows(UnknownRecordException.class, () -> db.inTransaction(em ->
                new TrialBalance(em).of(fx.fundId + 999, FROM, TO)));
        assertEquals("fund.unknown", unknown.messageKey());
        BusinessException reversedList = assertThrows(BusinessException.class, () -> db.inTransaction(em ->
                new JournalService(em).count(new JournalQuery(fx.fundId, null, null, null, TO, FROM, null, true))));
        assertEquals("ledger.period.reversed", reversedList.messageKey());
        assertThrows(UnknownJournalException.class, () -> db.inTransaction(em -> new JournalService(em).journal(after + 1000)));
        TrialBalanceReport defaults = db.inTransaction(em -> new TrialBalance(em).of(fx.fundId, null, null));
        assertEquals(LocalDate.now(java.time.ZoneOffset.UTC).withDayOfYear(1), defaults.from());
        assertEquals(LocalDate.now(java.time.ZoneOffset.UTC), defaults.to());
    }

    @Test
    void journalsAreFilteredSortedAndPagedInTheDatabase() {
        JournalQuery year = JournalQuery.of(fx.fundId, FROM, TO);
        assertEquals(List.of(gain, certification, agreement), ids(year, 0, 10), "newest first");
        assertEquals(3, count(year));
        assertEquals(List.of(certification), ids(year.sortedBy(JournalQuery.Sort.EVENT_DATE, false), 1, 1), "page 2 of 1");
        assertEquals(List.of(agreement, certification, gain), ids(year.sortedBy(JournalQuery.Sort.ID, false), 0, 10));
        assertEquals(List.of(gain), ids(year.withAccount(Account.REALIZED_EXCHANGE_GAIN_LOSS), 0, 10));
        assertEquals(List.of(certification, agreement), ids(year.withAccount(Account.CONTRIBUTIONS_RECEIVABLE), 0, 10));
        assertEquals(List.of(gain), ids(year.withDonor(fx.otherDonorId), 0, 10));
        assertEquals(List.of(certification), ids(year.withEvent(JournalEvent.CONTRIBUTION_CERTIFIED), 0, 10));
        assertEquals(List.of(gain), ids(year.withEvent(JournalEvent.SEPARATE_GIFT_RECOGNISED), 0, 10));
        assertEquals(0, count(year.withEvent(JournalEvent.REVALUATION)));
        JournalQuery everything = new JournalQuery(null, null, null, null, null, null, JournalQuery.Sort.ID, false);
        assertEquals(List.of(before, agreement, certification, gain, after), ids(everything, 0, 10));
        assertEquals(5, count(everything));

        JournalSummary row = db.inTransaction(em -> new JournalService(em).search(year, 1, 1)).get(0);
        assertEquals(certification, row.id());
        assertEquals(Contribution.SOURCE_TYPE, row.sourceType());
        assertEquals(contributionId, row.sourceId());
        assertMoney("400.00", row.debitTotal(), "debit total");
        assertEquals("carl", row.postedBy());
        assertEquals("Fictional Ministry of Digital Affairs", row.donorName());

        JournalDetail detail = db.inTransaction(em -> new JournalService(em).journal(certification));
        assertEquals("Internet Governance Forum Trust Fund", detail.fundName());
        assertEquals(2, detail.lines().size());
        assertEquals(Account.CASH, detail.lines().get(0).account());
        assertMoney("400.00", detail.lines().get(0).debit(), "cash debit");
        assertEquals(Account.CONTRIBUTIONS_RECEIVABLE, detail.lines().get(1).account());
        assertMoney("400.00", detail.lines().get(1).credit(), "receivable credit");
        assertTrue(detail.lines().get(1).pledgeId() != null, "the receivable line names its pledge");
    }

    @Test
    void theExportReadsEveryLineOfTheSelectedJournalsInOrderAcrossChunks() {
        JournalQuery everything = new JournalQuery(fx.fundId, null, null, null, null, null, JournalQuery.Sort.EVENT_DATE, false);
        for (int chunk : new int[] {1, 2, 3, 1500}) {
            List<Long> seen = new ArrayList<>();
            db.run(em -> new JournalService(em, chunk).forEachLine(everything, r -> seen.add(r.journal().id())));
            assertEquals(List.of(before, before, agreement, agreement, certification, certification, gain, gain, after,
                    after), seen, "chunks of " + chunk);
            List<Long> newest = new ArrayList<>();
            db.run(em -> new JournalService(em, chunk).forEachLine(everything.sortedBy(JournalQuery.Sort.EVENT_DATE, true)
                    .withAccount(Account.CASH), r -> newest.add(r.journal().id())));
            assertEquals(List.of(after, after, gain, gain, certification, certification, before, before), newest);
        }
    }

    @Test
    void theTrialBalanceWorkbookHasTheFiguresAndFormulasThatRecomputeToThem() throws Exception {
        TrialBalanceReport tb = trialBalance(FROM, TO);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LedgerWorkbooks.trialBalance(tb, key -> key, "fiona", Instant.parse("2026-12-02T10:00:00Z"), out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals("led.xlsx.fund: IGF – Internet Governance Forum Trust Fund", text(sheet, 1, 0));
            assertEquals("led.xlsx.period: 2025-01-01 – 2025-12-31", text(sheet, 2, 0));
            int header = find(sheet, "led.tb.account");
            FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
            for (int i = 0; i < Account.values().length; i++) {
                Row row = sheet.getRow(header + 1 + i);
                TrialBalanceRow expected = tb.rows().get(i);
                assertEquals("led.account." + expected.account().name(), row.getCell(0).getStringCellValue());
                assertCell(expected.opening(), row.getCell(3), evaluator);
                assertCell(expected.debits(), row.getCell(4), evaluator);
                assertCell(expected.credits(), row.getCell(5), evaluator);
                assertEquals(CellType.FORMULA, row.getCell(6).getCellType());
                assertCell(expected.closing(), row.getCell(6), evaluator);
                assertCell(expected.closingOnNormalSide(), row.getCell(7), evaluator);
            }
            Row total = sheet.getRow(header + 1 + Account.values().length);
            assertEquals("led.tb.total", total.getCell(0).getStringCellValue());
            assertEquals(CellType.FORMULA, total.getCell(4).getCellType());
            assertCell(new BigDecimal("1450.00"), total.getCell(4), evaluator);
            assertCell(new BigDecimal("1450.00"), total.getCell(5), evaluator);
            assertCell(BigDecimal.ZERO, total.getCell(3), evaluator);
            assertCell(BigDecimal.ZERO, total.getCell(6), evaluator);
        }
    }

    @Test
    void theJournalWorkbookHasTheFilterOnTopAndFormulaLikeTextAsText() throws Exception {
        JournalQuery query = JournalQuery.of(fx.fundId, FROM, TO).withAccount(Account.CASH);
        List<String> filter = LedgerWorkbooks.filterLines(query, "IGF", null, key -> key);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        db.run(em -> {
            try {
                LedgerWorkbooks.journals(new JournalService(em), query, filter, key -> key, "fiona",
                        Instant.parse("2026-12-02T10:00:00Z"), out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals("led.xlsx.fund: IGF", text(sheet, 1, 0));
            assertEquals("led.xlsx.account: led.account.CASH", text(sheet, 2, 0));
            assertEquals("led.xlsx.from: 2025-01-01", text(sheet, 5, 0));
            int header = find(sheet, "led.j.date");
            // Newest first: the gain (2 lines), then the certification (2 lines): all lines of the journals with cash.
            List<Long> ids = new ArrayList<>();
            for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
                ids.add((long) sheet.getRow(r).getCell(1).getNumericCellValue());
            }
            assertEquals(List.of(gain, gain, certification, certification), ids);
            Row first = sheet.getRow(header + 1);
            Cell donor = first.getCell(4);
            assertEquals(CellType.STRING, donor.getCellType(), "a donor named like a formula stays text");
            assertEquals(FORMULA_NAME, donor.getStringCellValue());
            assertTrue(donor.getCellStyle().getQuotePrefixed(), "quote-prefixed, so no program takes it as a formula");
            assertEquals(CellType.STRING, first.getCell(5).getCellType(), "'-1 correction' is text too");
            assertEquals(LocalDate.of(2025, 7, 1), first.getCell(0).getLocalDateTimeCellValue().toLocalDate());
            assertEquals("led.account.CASH", first.getCell(6).getStringCellValue());
            assertEquals(50.00, first.getCell(7).getNumericCellValue(), 0.0);
            assertEquals("led.account.REALIZED_EXCHANGE_GAIN_LOSS", sheet.getRow(header + 2).getCell(6).getStringCellValue());
            assertEquals(50.00, sheet.getRow(header + 2).getCell(8).getNumericCellValue(), 0.0);
        }
    }

    // ---- helpers ----

    private long post(LocalDate date, long donorId, Account debit, Account credit, String usd, String description) {
        return db.inTransaction(em -> {
            Journal j = new Ledger(em).post(Journal.builder(JournalEvent.SEPARATE_GIFT_RECOGNISED, fx.fundId, donorId, date,
                            "Test", 1L, description)
                    .debit(debit, Money.of(usd, "USD")).credit(credit, Money.of(usd, "USD"))
                    .build(Instant.now(), "tester"));
            em.flush();
            return j.getId();
        });
    }

    private long journalIdOf(JournalEvent event) {
        return db.inTransaction(em -> em.createQuery("SELECT j.id FROM Journal j WHERE j.eventType = :e", Long.class)
                .setParameter("e", event).getSingleResult());
    }

    private TrialBalanceReport trialBalance(LocalDate from, LocalDate to) {
        return db.inTransaction(em -> new TrialBalance(em).of(fx.fundId, from, to));
    }

    /** Opening, debits and credits per account, summed here from the journal entities. */
    private Map<Account, BigDecimal[]> sumsFromEntities(LocalDate from, LocalDate to) {
        Map<Account, BigDecimal[]> sums = new EnumMap<>(Account.class);
        for (Account a : Account.values()) {
            sums.put(a, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        }
        db.run(em -> {
            for (Journal j : em.createQuery("SELECT j FROM Journal j WHERE j.fundId = :f", Journal.class)
                    .setParameter("f", fx.fundId).getResultList()) {
                if (j.getEventDate().isAfter(to)) {
                    continue;
                }
                for (JournalLine l : j.getLines()) {
                    BigDecimal[] s = sums.get(l.getAccount());
                    if (j.getEventDate().isBefore(from)) {
                        s[0] = s[0].add(l.net());
                    } else {
                        s[1] = s[1].add(l.getDebit());
                        s[2] = s[2].add(l.getCredit());
                    }
                }
            }
        });
        return sums;
    }

    private List<Long> ids(JournalQuery q, int first, int max) {
        return db.inTransaction(em -> new JournalService(em).search(q, first, max)).stream().map(JournalSummary::id).toList();
    }

    private long count(JournalQuery q) {
        return db.inTransaction(em -> new JournalService(em).count(q));
    }

    private static void assertRow(TrialBalanceRow row, String opening, String debits, String credits, String closing) {
        assertMoney(opening, row.opening(), row.account() + " opening");
        assertMoney(debits, row.debits(), row.account() + " debits");
        assertMoney(credits, row.credits(), row.account() + " credits");
        assertMoney(closing, row.closing(), row.account() + " closing");
    }

    private static void assertMoney(String expected, BigDecimal actual, String what) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), what + ": expected " + expected + ", was " + actual);
    }

    private static void assertCell(BigDecimal expected, Cell cell, FormulaEvaluator evaluator) {
        double written = cell.getNumericCellValue();
        assertEquals(0, expected.compareTo(BigDecimal.valueOf(written).setScale(2, java.math.RoundingMode.HALF_EVEN)),
                cell.getAddress() + " written " + written + ", expected " + expected);
        if (cell.getCellType() == CellType.FORMULA) {
            double computed = evaluator.evaluate(cell).getNumberValue();
            assertEquals(written, computed, 0.0, cell.getAddress() + " recomputes to the value written");
        }
    }

    private static String text(Sheet sheet, int row, int column) {
        return sheet.getRow(row).getCell(column).getStringCellValue();
    }

    private static int find(Sheet sheet, String firstCell) {
        for (Row row : sheet) {
            Cell c = row.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && firstCell.equals(c.getStringCellValue())) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no row starts with " + firstCell);
    }
}
