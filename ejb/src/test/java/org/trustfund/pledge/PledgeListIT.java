package org.trustfund.pledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustfund.contribution.Contribution;
import org.trustfund.contribution.ContributionInput;
import org.trustfund.contribution.ContributionService;
import org.trustfund.money.Money;
import org.trustfund.security.Roles;
import org.trustfund.testing.FixedCaller;
import org.trustfund.testing.FundFixture;
import org.trustfund.testing.TestDatabase;

/** The pledge list and its export: filters, order, and what each pledge still owes after a certified payment. */
class PledgeListIT {

    private static final FixedCaller FINANCE = FixedCaller.of("fiona", Roles.FINANCE_OFFICER);
    private static final FixedCaller CERTIFIER = FixedCaller.of("carl", Roles.CERTIFYING_OFFICER);

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
    void listsAndExportsPledgesWithWhatTheyStillOwe() throws IOException {
        Pledge euros = pledge(fx.donorId, Money.of("3000.00", "EUR"), "2026-01-05", 3);
        Pledge other = pledge(fx.otherDonorId, Money.of("500.00", "USD"), "2026-01-06", 1);
        Pledge dollars = pledge(fx.donorId, Money.of("200.00", "USD"), "2026-01-07", 1);
        db.run(em -> new PledgeService(em, FINANCE).signAgreement(euros.getId(), em.find(Pledge.class, euros.getId()).getVersion(),
                LocalDate.of(2026, 1, 10), "STFA-1"));
        long instalment = db.inTransaction(em -> em.find(Pledge.class, euros.getId()).getInstalments().get(0).getId());
        Contribution paid = db.inTransaction(em -> new ContributionService(em, FINANCE).record(new ContributionInput(fx.donorId,
                fx.fundId, LocalDate.of(2026, 2, 20), Money.of("1000.00", "EUR"), "PAY-1", Map.of(instalment, Money.of("1000.00", "EUR")))));
        db.run(em -> new ContributionService(em, CERTIFIER).certify(paid.getId(), em.find(Contribution.class, paid.getId()).getVersion()));

        List<PledgeRow> all = db.inTransaction(em -> new PledgeService(em, FINANCE).search(PledgeQuery.all(), 0, 10));
        assertEquals(List.of(dollars.getId(), other.getId(), euros.getId()), all.stream().map(PledgeRow::id).toList(),
                "newest pledge first");
        PledgeRow eur = all.get(2);
        assertEquals(PledgeStatus.PARTLY_PAID, eur.status());
        assertEquals(0, eur.outstanding().amount().compareTo(new BigDecimal("2000.00")), "3,000 pledged, 1,000 paid");
        assertEquals("EUR", eur.outstanding().currency().getCurrencyCode());
        assertEquals(LocalDate.of(2026, 1, 10), eur.agreementDate());
        assertEquals(3L, (long) db.inTransaction(em -> new PledgeService(em, FINANCE).count(PledgeQuery.all())));

        PledgeQuery ministryOldestFirst = new PledgeQuery("ministry", fx.fundId, null, null, PledgeQuery.Sort.PLEDGED_ON, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        db.run(em -> {
            try {
                new PledgeList(em).chunkSize(1).export(ministryOldestFirst, Locale.ENGLISH, "fiona",
                        Instant.parse("2026-12-02T10:00:00Z"), out);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = book.getSheetAt(0);
            List<String> top = new ArrayList<>();
            int header = 0;
            while (header < 20 && !"Id".equals(text(sheet.getRow(header)))) {
                top.add(text(sheet.getRow(header++)));
            }
            assertTrue(top.contains("Donor name contains: ministry"), top.toString());
            assertTrue(top.contains("Fund: IGF"), top.toString());
            assertTrue(top.contains("Sorted by: date pledged, oldest first"), top.toString());
            Row first = sheet.getRow(header + 1);
            Row second = sheet.getRow(header + 2);
            assertEquals(euros.getId(), (long) first.getCell(0).getNumericCellValue());
            assertEquals(2000.00, first.getCell(10).getNumericCellValue(), 0.001);
            assertEquals("Partly paid", first.getCell(7).getStringCellValue());
            assertEquals(dollars.getId(), (long) second.getCell(0).getNumericCellValue());
            assertEquals(200.00, second.getCell(10).getNumericCellValue(), 0.001);
            Row none = sheet.getRow(header + 3);
            assertTrue(none == null || none.getCell(0) == null, "the other donor's pledge is left out");
        }
    }

    private static String text(Row row) {
        return row == null || row.getCell(0) == null || row.getCell(0).getCellType() != CellType.STRING
                ? "" : row.getCell(0).getStringCellValue();
    }

    private Pledge pledge(long donorId, Money amount, String pledgedOn, int instalments) {
        List<ScheduleLine> schedule = new ArrayList<>();
        BigDecimal part = amount.amount().divide(BigDecimal.valueOf(instalments));
        for (int i = 0; i < instalments; i++) {
            schedule.add(new ScheduleLine(LocalDate.of(2026, 6 + i, 30), Money.of(part, amount.currency().getCurrencyCode())));
        }
        return db.inTransaction(em -> new PledgeService(em, FINANCE).create(new PledgeInput(donorId, fx.fundId, amount,
                "Core support", 2026, 2026, LocalDate.parse(pledgedOn), schedule)));
    }
}
