package org.trustfund.contribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustfund.donor.Donor;
import org.trustfund.donor.DonorDetails;
import org.trustfund.donor.StakeholderGroup;
import org.trustfund.money.Money;
import org.trustfund.reference.Country;
import org.trustfund.security.Roles;
import org.trustfund.testing.FixedCaller;
import org.trustfund.testing.FundFixture;
import org.trustfund.testing.TestDatabase;

/**
 * The contribution list's export, read back with POI: the filter and sort written on top, exactly the rows the
 * list selects in its order, hostile donor names kept as text, the USD total a formula worth its cached value,
 * and every row once across chunk boundaries.
 */
class ContributionExportIT {

    private static final FixedCaller FINANCE = FixedCaller.of("fiona", Roles.FINANCE_OFFICER);
    private static final String[] HOSTILE = {"=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)"};

    private TestDatabase db;
    private FundFixture fx;
    /** What the test recorded: id, donor name, EUR or USD amount, received date, USD value worked out here. */
    private final List<Recorded> recorded = new ArrayList<>();

    private record Recorded(long id, String donor, String currency, BigDecimal amount, LocalDate received, BigDecimal usd) {
    }

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
    void writesTheFilteredRowsInTheListsOrderWithTheFilterOnTopAndFormulaSafeNames() throws IOException {
        List<Long> hostile = new ArrayList<>();
        for (String name : HOSTILE) {
            hostile.add(donor(name));
        }
        // EUR at 0.88 from 15 February 2026: 88 EUR is exactly 100 USD.
        record(hostile.get(0), "88.00", "EUR", "2026-03-02");
        record(hostile.get(1), "264.00", "EUR", "2026-03-10");
        record(hostile.get(2), "44.00", "EUR", "2026-04-01");
        record(hostile.get(3), "176.00", "EUR", "2026-03-20");
        record(hostile.get(3), "1.00", "EUR", "2026-05-20"); // after the period
        record(fx.donorId, "500.00", "USD", "2026-03-15");   // another currency
        record(fx.otherDonorId, "8.80", "EUR", "2026-02-20"); // before the period

        ContributionQuery query = new ContributionQuery(null, null, null, "EUR", LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 4, 30), ContributionQuery.Sort.AMOUNT_USD, true);
        List<Recorded> expected = recorded.stream()
                .filter(r -> r.currency().equals("EUR"))
                .filter(r -> !r.received().isBefore(LocalDate.of(2026, 3, 1)) && !r.received().isAfter(LocalDate.of(2026, 4, 30)))
                .sorted(Comparator.comparing(Recorded::usd).reversed())
                .toList();
        assertEquals(4, expected.size(), "the scenario itself");

        try (XSSFWorkbook book = export(query, 2_000)) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertEquals("Contributions", sheet.getSheetName());
            List<String> top = new ArrayList<>();
            int header = -1;
            for (int i = 0; i <= sheet.getLastRowNum() && header < 0; i++) {
                Row row = sheet.getRow(i);
                String a = row == null || row.getCell(0) == null ? "" : row.getCell(0).getStringCellValue();
                if (a.equals("Id")) {
                    header = i;
                } else {
                    top.add(a);
                }
            }
            assertEquals("Contributions", top.get(0));
            assertTrue(top.contains("Currency: EUR"), top.toString());
            assertTrue(top.contains("Received from 2026-03-01 to 2026-04-30"), top.toString());
            assertTrue(top.contains("Sorted by: USD amount, high to low"), top.toString());
            assertTrue(top.stream().anyMatch(l -> l.startsWith("Generated ") && l.endsWith(" by fiona")), top.toString());
            assertEquals(List.of("Id", "Received", "Donor", "Stakeholder group", "Country", "Fund", "Amount", "Currency",
                    "Rate (units per USD)", "Rate date", "USD", "Status"), texts(sheet.getRow(header), 12));

            for (int i = 0; i < expected.size(); i++) {
                Recorded r = expected.get(i);
                Row row = sheet.getRow(header + 1 + i);
                assertEquals(r.id(), (long) row.getCell(0).getNumericCellValue(), "row " + i);
                assertEquals(r.received(), row.getCell(1).getLocalDateTimeCellValue().toLocalDate());
                Cell name = row.getCell(2);
                assertEquals(CellType.STRING, name.getCellType(), "a donor name is never a formula: " + r.donor());
                assertEquals(r.donor(), name.getStringCellValue());
                assertEquals(0, r.amount().compareTo(BigDecimal.valueOf(row.getCell(6).getNumericCellValue())));
                assertEquals("EUR", row.getCell(7).getStringCellValue());
                assertEquals(0, r.usd().compareTo(BigDecimal.valueOf(row.getCell(10).getNumericCellValue()).setScale(2, RoundingMode.HALF_UP)));
                assertEquals("Recorded, awaiting certification", row.getCell(11).getStringCellValue());
                assertEquals("fiona", row.getCell(13).getStringCellValue());
            }
            Row after = sheet.getRow(header + 1 + expected.size());
            assertTrue(after == null || after.getCell(0) == null, "no other row in the table");

            Row totalRow = sheet.getRow(header + 2 + expected.size());
            Cell total = totalRow.getCell(10);
            assertEquals(CellType.FORMULA, total.getCellType());
            assertEquals("SUM(K" + (header + 2) + ":K" + (header + 1 + expected.size()) + ")", total.getCellFormula());
            BigDecimal sum = expected.stream().map(Recorded::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, sum.compareTo(new BigDecimal("650.00")), "the test's own sum");
            assertEquals(sum.doubleValue(), total.getNumericCellValue(), 0.000001, "cached value");
            double evaluated = book.getCreationHelper().createFormulaEvaluator().evaluate(total).getNumberValue();
            assertEquals(total.getNumericCellValue(), evaluated, 0.000001, "POI recomputes the cached value");
        }
    }

    @Test
    void everyRowOnceInOrderAcrossChunksWhenTheSortKeyRepeatsAndNoneWhenNothingMatches() throws IOException {
        // Ten contributions on three days and two donors: chunks of three end inside a run of equal keys.
        String[] days = {"2026-03-02", "2026-03-02", "2026-03-02", "2026-03-05", "2026-03-05", "2026-03-05",
            "2026-03-05", "2026-03-09", "2026-03-09", "2026-03-09"};
        for (int i = 0; i < days.length; i++) {
            record(i % 2 == 0 ? fx.donorId : fx.otherDonorId, (10 + i) + ".00", "USD", days[i]);
        }
        List<Long> newestFirst = recorded.stream()
                .sorted(Comparator.comparing(Recorded::received).thenComparing(Recorded::id).reversed())
                .map(Recorded::id).toList();
        assertEquals(newestFirst, ids(ContributionQuery.all(), 3));
        assertEquals(newestFirst, ids(ContributionQuery.all(), 10), "a chunk exactly as long as the list");
        // By donor name A to Z, then donor, then id: "Fictional Ministry…" before "Fictional Other…".
        List<Long> byDonor = recorded.stream()
                .sorted(Comparator.comparing(Recorded::donor).thenComparing(Recorded::id)).map(Recorded::id).toList();
        assertEquals(byDonor, ids(new ContributionQuery(null, null, null, null, null, null, ContributionQuery.Sort.DONOR, false), 2));
        // The same through the service, whose chunk is larger than the list: the list's own search agrees.
        List<Long> listed = db.inTransaction(em -> new ContributionService(em, FINANCE).search(ContributionQuery.all(), 0, 100))
                .stream().map(Contribution::getId).toList();
        assertEquals(listed, newestFirst);

        // A donor user asking for another donor's contributions gets their own donor's only, as in the list.
        db.run(em -> em.createNativeQuery("INSERT INTO user_account (username, display_name, password_hash, created_at,"
                + " created_by, donor_id) VALUES ('dora', 'Dora', 'x', NOW(6), 'setup', " + fx.donorId + ")").executeUpdate());
        ByteArrayOutputStream mine = new ByteArrayOutputStream();
        db.run(em -> {
            try {
                new ContributionService(em, FixedCaller.of("dora", Roles.DONOR)).export(new ContributionQuery(fx.otherDonorId,
                        null, null, null, null, null, ContributionQuery.Sort.RECEIVED, true), Locale.ENGLISH, mine);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        List<Long> own = recorded.stream().filter(r -> r.donor().equals("Fictional Ministry of Digital Affairs"))
                .sorted(Comparator.comparing(Recorded::received).thenComparing(Recorded::id).reversed())
                .map(Recorded::id).toList();
        assertEquals(5, own.size());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(mine.toByteArray()))) {
            assertEquals(own, ids(book.getSheetAt(0)));
        }

        // Nothing selected: the header, no row, and a plain 0.00 for the total (a SUM over no row would point at itself).
        ContributionQuery none = new ContributionQuery(null, null, ContributionStatus.REVERSED, null, null, null,
                ContributionQuery.Sort.RECEIVED, true);
        try (XSSFWorkbook book = export(none, 5)) {
            XSSFSheet sheet = book.getSheetAt(0);
            int header = headerRow(sheet);
            assertTrue(sheet.getRow(header + 1) == null);
            Cell total = sheet.getRow(header + 2).getCell(10);
            assertEquals(CellType.NUMERIC, total.getCellType());
            assertEquals(0.0, total.getNumericCellValue());
        }
    }

    private List<Long> ids(ContributionQuery query, int chunk) throws IOException {
        try (XSSFWorkbook book = export(query, chunk)) {
            return ids(book.getSheetAt(0));
        }
    }

    private static List<Long> ids(XSSFSheet sheet) {
        List<Long> ids = new ArrayList<>();
        for (int i = headerRow(sheet) + 1; sheet.getRow(i) != null && sheet.getRow(i).getCell(0) != null; i++) {
            ids.add((long) sheet.getRow(i).getCell(0).getNumericCellValue());
        }
        return ids;
    }

    private XSSFWorkbook export(ContributionQuery query, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        db.run(em -> {
            try {
                new ContributionExport(em).chunkSize(chunk)
                        .write(query, Locale.ENGLISH, "fiona", Instant.parse("2026-12-02T10:00:00Z"), out);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    private static int headerRow(XSSFSheet sheet) {
        for (int i = 0; i <= sheet.getLastRowNum(); i++) {
            Row row = sheet.getRow(i);
            if (row != null && row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                    && row.getCell(0).getStringCellValue().equals("Id")) {
                return i;
            }
        }
        throw new AssertionError("no header row");
    }

    private static List<String> texts(Row row, int count) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            texts.add(row.getCell(i).getStringCellValue());
        }
        return texts;
    }

    private long donor(String name) {
        return db.inTransaction(em -> {
            Donor d = new Donor(new DonorDetails(name, StakeholderGroup.CIVIL_SOCIETY, "CH", null, null, false, "en"),
                    em.find(Country.class, "CH"), Instant.parse("2026-01-01T00:00:00Z"), "setup");
            em.persist(d);
            em.flush();
            return d.getId();
        });
    }

    private void record(long donorId, String amount, String currency, String received) {
        Contribution c = db.inTransaction(em -> new ContributionService(em, FINANCE).record(new ContributionInput(donorId,
                fx.fundId, LocalDate.parse(received), Money.of(amount, currency), "REF-" + received, Map.of())));
        String donor = db.inTransaction(em -> em.find(Donor.class, donorId).getName());
        BigDecimal units = currency.equals("USD") ? BigDecimal.ONE : new BigDecimal("0.88");
        BigDecimal usd = new BigDecimal(amount).divide(units, 2, RoundingMode.HALF_UP);
        recorded.add(new Recorded(c.getId(), donor, currency, new BigDecimal(amount), LocalDate.parse(received), usd));
    }
}
