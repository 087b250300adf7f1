package org.trustfund.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustfund.contribution.Contribution;
import org.trustfund.contribution.ContributionInput;
import org.trustfund.contribution.ContributionService;
import org.trustfund.donor.StakeholderGroup;
import org.trustfund.money.Money;
import org.trustfund.pledge.Pledge;
import org.trustfund.pledge.PledgeInput;
import org.trustfund.pledge.PledgeService;
import org.trustfund.pledge.ScheduleLine;
import org.trustfund.security.Roles;
import org.trustfund.testing.FixedCaller;
import org.trustfund.testing.FundFixture;
import org.trustfund.testing.TestDatabase;

/** The dashboard's figures from a small fund whose amounts the test converts itself. */
class FundFiguresIT {

    private static final FixedCaller FINANCE = FixedCaller.of("fiona", Roles.FINANCE_OFFICER);
    private static final FixedCaller CERTIFIER = FixedCaller.of("carl", Roles.CERTIFYING_OFFICER);

    private TestDatabase db;
    private FundFixture fx;

    @BeforeEach
    void database() throws Exception {
        db = TestDatabase.migrated();
        fx = FundFixture.create(db);
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void pledgedAgreedReceivedAndRevenueByGroupPerYear() {
        // EUR 1,000 pledged on 10 January 2026 (0.92 EUR per USD), agreed on 1 February (0.90).
        Money eur = Money.of("1000.00", "EUR");
        long pledge = db.inTransaction(em -> new PledgeService(em, FINANCE).create(new PledgeInput(fx.donorId, fx.fundId,
                eur, "Fellowships", 2026, 2026, LocalDate.of(2026, 1, 10),
                List.of(new ScheduleLine(LocalDate.of(2026, 9, 30), eur)))).getId());
        db.run(em -> new PledgeService(em, FINANCE).signAgreement(pledge, em.find(Pledge.class, pledge).getVersion(),
                LocalDate.of(2026, 2, 1), "STFA-1"));
        // EUR 500 received on 20 February (0.88), and USD 300 from the other (private sector) donor without a pledge.
        certify(record(fx.donorId, Money.of("500.00", "EUR"), LocalDate.of(2026, 2, 20)));
        certify(record(fx.otherDonorId, Money.of("300.00", "USD"), LocalDate.of(2026, 3, 10)));

        BigDecimal pledged = usd(new BigDecimal("1000").divide(new BigDecimal("0.92"), 10, java.math.RoundingMode.HALF_EVEN));
        BigDecimal agreed = new BigDecimal("1111.11");
        BigDecimal received = new BigDecimal("568.18").add(new BigDecimal("300.00"));

        List<FundFigures.YearTotals> years = db.inTransaction(em -> new FundFigures(em).byYear(fx.fundId, 2025, 2026));
        assertEquals(List.of(new FundFigures.YearTotals(2025, usd(BigDecimal.ZERO), usd(BigDecimal.ZERO), usd(BigDecimal.ZERO)),
                new FundFigures.YearTotals(2026, pledged, agreed, received)), years);

        Map<StakeholderGroup, BigDecimal> byGroup = db.inTransaction(em -> new FundFigures(em).revenueByGroup(fx.fundId, 2026));
        assertEquals(StakeholderGroup.values().length, byGroup.size());
        assertEquals(agreed, byGroup.get(StakeholderGroup.GOVERNMENT), "the agreement's revenue; its payment is not revenue again");
        assertEquals(new BigDecimal("300.00"), byGroup.get(StakeholderGroup.PRIVATE_SECTOR));
        assertEquals(usd(BigDecimal.ZERO), byGroup.get(StakeholderGroup.ACADEMIA));
        assertEquals(usd(BigDecimal.ZERO), db.inTransaction(em -> new FundFigures(em).revenueByGroup(fx.fundId, 2025))
                .get(StakeholderGroup.GOVERNMENT));
    }

    private long record(long donorId, Money amount, LocalDate received) {
        return db.inTransaction(em -> new ContributionService(em, FINANCE).record(new ContributionInput(donorId, fx.fundId,
                received, amount, "BANK-" + System.nanoTime(), null)).getId());
    }

    private void certify(long id) {
        db.run(em -> new ContributionService(em, CERTIFIER).certify(id, em.find(Contribution.class, id).getVersion()));
    }

    private static BigDecimal usd(BigDecimal v) {
        return v.setScale(2, java.math.RoundingMode.HALF_EVEN);
    }
}
