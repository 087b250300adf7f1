package org.trustfund.contribution.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.trustfund.contribution.imports.Workbooks.row;
import static org.trustfund.contribution.imports.Workbooks.rows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustfund.contribution.Contribution;
import org.trustfund.contribution.imports.ImportResult.Outcome;
import org.trustfund.reference.AcceptedCurrency;
import org.trustfund.security.Roles;
import org.trustfund.testing.FixedCaller;
import org.trustfund.testing.FundFixture;
import org.trustfund.testing.TestDatabase;

/** The import applies the stale-rate rule and the currency table's minor units as the page does. */
class StaleRateImportIT {

    private static final FixedCaller OFFICER = FixedCaller.of("officer.one", Roles.FINANCE_OFFICER);
    private static final LocalDate LAST_MONTH = LocalDate.now().withDayOfMonth(1).minusMonths(1).plusDays(9);
    private static final List<String> HEADERS = new ArrayList<>(Workbooks.HEADERS);

    static {
        HEADERS.add("stale_rate_reason");
    }

    private TestDatabase db;
    private FundFixture fixture;

    @BeforeEach
    void database() {
        db = TestDatabase.migrated();
        fixture = FundFixture.create(db);
        db.run(em -> {
            em.persist(new AcceptedCurrency("XDR", "SDR"));
            em.flush();
            FundFixture.rate(em, "CHF", "2023-03-01", "0.920000");
            FundFixture.rate(em, "XDR", LAST_MONTH.withDayOfMonth(1).toString(), "0.750000");
        });
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void aRowAtAStaleRateWithoutAReasonRejectsTheFileAtItsDate() {
        ImportResult result = importFile(rows(
                row(LAST_MONTH, fixture.donorId, null, "IGF", "EUR", 10, "OK-1", null),
                row(LAST_MONTH, fixture.donorId, null, "IGF", "CHF", 10, "OLD-1", null)));

        assertEquals(Outcome.REJECTED, result.outcome());
        assertEquals(List.of(RowError.of(3, "A", "Received date", "import.row.rate.stale", "CHF",
                LAST_MONTH.toString().substring(0, 7), "2023-03-01")), result.errors());
        assertEquals(0L, (long) db.inTransaction(em -> em.createQuery("SELECT COUNT(c) FROM Contribution c", Long.class)
                .getSingleResult()), "all or nothing");
    }

    @Test
    void withAReasonTheRowIsImportedAndTheReasonKept() {
        ImportResult result = importFile(rows(
                row(LAST_MONTH, fixture.donorId, null, "IGF", "CHF", 10, "OLD-1", "Rate not yet published")));

        assertEquals(Outcome.IMPORTED, result.outcome(), () -> result.errors().toString());
        Contribution c = db.inTransaction(em -> em.createQuery("SELECT c FROM Contribution c", Contribution.class)
                .getSingleResult());
        assertEquals("Rate not yet published", c.getStaleRateReason());
        assertEquals(LocalDate.parse("2023-03-01"), c.getRate().getEffectiveDate());
    }

    @Test
    void xdrAmountsHaveTheCurrencyTablesMinorUnits() {
        ImportResult result = importFile(rows(
                row(LAST_MONTH, fixture.donorId, null, "IGF", "XDR", new BigDecimal("100.50"), "XDR-1", null)));

        assertEquals(List.of(RowError.of(2, "F", "Amount", "import.row.amount.decimals", "100.5", "XDR", 0)),
                result.errors());
    }

    private ImportResult importFile(List<Object[]> rows) {
        byte[] file = Workbooks.xlsx(HEADERS, rows);
        return db.inTransaction(em -> new ContributionImport(em, OFFICER).importFile("rates.xlsx", file));
    }
}
