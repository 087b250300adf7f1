package org.trustfund.testing;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.trustfund.donor.Donor;
import org.trustfund.donor.DonorDetails;
import org.trustfund.donor.StakeholderGroup;
import org.trustfund.reference.AcceptedCurrency;
import org.trustfund.reference.Country;
import org.trustfund.reference.ExchangeRate;
import org.trustfund.reference.Fund;

/** Reference data and a donor for one test's own database. */
public final class FundFixture {

    public final long fundId;
    public final long donorId;
    public final long otherDonorId;

    private FundFixture(long fundId, long donorId, long otherDonorId) {
        this.fundId = fundId;
        this.donorId = donorId;
        this.otherDonorId = otherDonorId;
    }

    /**
     * Fund IGF, currencies USD, EUR, JPY, CHF, a donor and another donor; EUR rates 0.92 from January 2026, 0.90
     * from February, 0.88 from 15 February (restated each month since); JPY 150 every month from January 2026.
     */
    public static FundFixture create(TestDatabase db) {
        return create(db, true);
    }

    /**
     * @param monthly whether every month since March 2026 gets its rate (without them a later date's rate is
     *        stale); the reference data tests count and list the rates, so they take only the first three
     */
    public static FundFixture create(TestDatabase db, boolean monthly) {
        return db.inTransaction(em -> {
            Instant now = Instant.parse("2026-01-01T00:00:00Z");
            for (String code : new String[] {"USD", "EUR", "JPY", "CHF"}) {
                em.persist(new AcceptedCurrency(code, null));
            }
            // Rates refer to currencies by code only (no mapped relation), so the currencies go in first.
            em.flush();
            // Every ISO country comes with the migrations.
            Country ch = em.find(Country.class, "CH");
            Fund fund = new Fund("IGF", "Internet Governance Forum Trust Fund", LocalDate.of(2006, 1, 1),
                    new BigDecimal("0.13"), now, "setup");
            em.persist(fund);
            Donor donor = new Donor(new DonorDetails("Fictional Ministry of Digital Affairs", StakeholderGroup.GOVERNMENT,
                    "CH", "Ms Example", "example@example.org", true, "en"), ch, now, "setup");
            em.persist(donor);
            Donor other = new Donor(new DonorDetails("Fictional Other Donor", StakeholderGroup.PRIVATE_SECTOR,
                    "CH", null, null, false, "en"), ch, now, "setup");
            em.persist(other);
            rate(em, "EUR", "2026-01-01", "0.920000");
            rate(em, "EUR", "2026-02-01", "0.900000");
            rate(em, "EUR", "2026-02-15", "0.880000");
            rate(em, "JPY", "2026-01-01", "150.000000");
            // Rates are set monthly and a rate of an earlier month is refused as stale: each later month up to
            // today gets its rate, unchanged, so the tests' conversions stay as above.
            for (LocalDate month = LocalDate.of(2026, 2, 1); monthly && !month.isAfter(LocalDate.now()); month = month.plusMonths(1)) {
                if (month.getMonthValue() > 2 || month.getYear() > 2026) {
                    rate(em, "EUR", month.toString(), "0.880000");
                }
                rate(em, "JPY", month.toString(), "150.000000");
            }
            em.flush();
            return new FundFixture(fund.getId(), donor.getId(), other.getId());
        });
    }

    public static void rate(EntityManager em, String currency, String date, String units) {
        em.persist(new ExchangeRate(currency, LocalDate.parse(date), new BigDecimal(units), Instant.now(), "setup"));
    }
}
