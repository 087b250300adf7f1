package org.trustfund.contribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustfund.money.Money;
import org.trustfund.security.Roles;
import org.trustfund.testing.FixedCaller;
import org.trustfund.testing.FundFixture;
import org.trustfund.testing.TestDatabase;

/** The contribution list's filters, sort orders and paging, all done by the database. */
class ContributionSearchIT {

    private static final FixedCaller FINANCE = FixedCaller.of("fiona", Roles.FINANCE_OFFICER);

    private TestDatabase db;
    private FundFixture fx;

    @BeforeEach
    void database() {
        db = TestDatabase.migrated();
        fx = FundFixture.create(db);
        record(fx.donorId, "100.00", "USD", "2026-01-05");
        record(fx.donorId, "200.00", "EUR", "2026-02-10");
        record(fx.otherDonorId, "300.00", "EUR", "2026-02-20");
        record(fx.otherDonorId, "15000", "JPY", "2026-03-01");
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void filtersSortsAndPagesInTheDatabase() {
        assertEquals(List.of("2026-03-01", "2026-02-20", "2026-02-10", "2026-01-05"), received(ContributionQuery.all(), 0, 10));
        assertEquals(List.of("2026-02-20", "2026-02-10"), received(ContributionQuery.all(), 1, 2), "second and third, newest first");
        ContributionQuery euros = new ContributionQuery(null, null, null, "EUR", null, null, ContributionQuery.Sort.AMOUNT_USD, true);
        assertEquals(List.of("2026-02-20", "2026-02-10"), received(euros, 0, 10));
        ContributionQuery otherDonorInFebruary = new ContributionQuery(null, "other", ContributionStatus.RECORDED, null,
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28), ContributionQuery.Sort.DONOR, false);
        assertEquals(List.of("2026-02-20"), received(otherDonorInFebruary, 0, 10));
        assertEquals(1L, (long) db.inTransaction(em -> new ContributionService(em, FINANCE).count(otherDonorInFebruary)));
        List<Contribution> page = db.inTransaction(em -> new ContributionService(em, FINANCE).search(ContributionQuery.all(), 0, 10));
        assertEquals("JPY", page.get(0).getRate().getCurrency(), "the rate comes with the row");
        assertEquals("IGF", page.get(0).getFund().getCode());
    }

    private List<String> received(ContributionQuery q, int first, int size) {
        return db.inTransaction(em -> new ContributionService(em, FINANCE).search(q, first, size)).stream()
                .map(c -> c.getReceivedDate().toString()).toList();
    }

    private void record(long donorId, String amount, String currency, String received) {
        db.run(em -> new ContributionService(em, FINANCE).record(new ContributionInput(donorId, fx.fundId,
                LocalDate.parse(received), Money.of(amount, currency), "REF-" + received, Map.of())));
    }
}
