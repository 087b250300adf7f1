package org.trustfund.contribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.pledge.Pledge;
import org.trustfund.pledge.PledgeInput;
import org.trustfund.pledge.PledgeService;
import org.trustfund.pledge.PledgeStatus;
import org.trustfund.pledge.ReceivableRevaluation;
import org.trustfund.pledge.ScheduleLine;
import org.trustfund.reference.StaleRateException;
import org.trustfund.security.Roles;
import org.trustfund.testing.FixedCaller;
import org.trustfund.testing.FundFixture;
import org.trustfund.testing.TestDatabase;

/**
 * A rate from before the month of the date it converts on, on the real database: refused without a reason;
 * with one, used, kept with the record and audited. Dates after today are refused by the services too.
 */
class StaleRateIT {

    private static final FixedCaller FINANCE = FixedCaller.of("fiona", Roles.FINANCE_OFFICER);
    /** Swiss francs have only a rate of March 2023 here. */
    private static final LocalDate LAST_MONTH = LocalDate.now().withDayOfMonth(1).minusMonths(1).plusDays(9);

    private TestDatabase db;
    private FundFixture fx;

    @BeforeEach
    void database() {
        db = TestDatabase.migrated();
        fx = FundFixture.create(db);
        db.run(em -> FundFixture.rate(em, "CHF", "2023-03-01", "0.920000"));
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void aContributionAtAStaleRateIsRefusedNamingTheMissingRateAndNothingIsSaved() throws SQLException {
        BusinessException e = assertThrows(StaleRateException.class, () -> record(null));
        assertEquals("rate.stale", e.messageKey());
        assertEquals(Optional.of("receivedDate"), e.field());
        assertEquals(List.of("CHF", LAST_MONTH.toString().substring(0, 7), "2023-03-01"), List.of(e.arguments()));
        assertEquals(0L, count("SELECT COUNT(*) FROM contribution"));
        assertEquals("rate.stale", assertThrows(BusinessException.class, () -> record("   ")).messageKey(),
                "a blank reason is no reason");
    }

    @Test
    void withAReasonTheStaleRateIsUsedAndTheReasonKeptAndAudited() throws SQLException {
        Contribution c = record(" The SNB rate was not published this month ");

        Contribution saved = db.inTransaction(em -> em.find(Contribution.class, c.getId()));
        assertEquals("The SNB rate was not published this month", saved.getStaleRateReason());
        assertEquals(LocalDate.parse("2023-03-01"), saved.getRate().getEffectiveDate());
        assertEquals(0, Money.of("1086.96", "USD").amount().compareTo(saved.usdValue().amount()), "1000 / 0.92");
        String audit = single("SELECT details FROM audit_entry WHERE entity_type = 'Contribution' AND entity_id = '"
                + c.getId() + "'");
        assertTrue(audit.contains("of 2023-03-01, stale rate used because: The SNB rate was not published this month"), audit);
    }

    @Test
    void aReasonGivenForTheMonthsOwnRateIsNotKept() {
        db.run(em -> FundFixture.rate(em, "CHF", LAST_MONTH.withDayOfMonth(1).toString(), "0.900000"));
        Contribution c = record("no need");
        assertNull(db.inTransaction(em -> em.find(Contribution.class, c.getId())).getStaleRateReason());
    }

    @Test
    void correctingAContributionChecksTheRateAgain() {
        Contribution c = db.inTransaction(em -> new ContributionService(em, FINANCE).record(new ContributionInput(fx.donorId,
                fx.fundId, LAST_MONTH, Money.of("1000.00", "USD"), "BNK-CHF-1", Map.of())));
        BusinessException e = assertThrows(BusinessException.class, () -> db.run(em ->
                new ContributionService(em, FINANCE).correct(c.getId(), c.getVersion(), input(null))));
        assertEquals("rate.stale", e.messageKey());
        assertEquals("USD", db.inTransaction(em -> em.find(Contribution.class, c.getId())).getAmount().currencyCode(),
                "nothing changed");
        db.run(em -> new ContributionService(em, FINANCE).correct(c.getId(), c.getVersion(), input("Rate withdrawn")));
        Contribution corrected = db.inTransaction(em -> em.find(Contribution.class, c.getId()));
        assertEquals("Rate withdrawn", corrected.getStaleRateReason());
        assertEquals("CHF", corrected.getAmount().currencyCode());
    }

    @Test
    void anAgreementAtAStaleRateNeedsAReasonWhichIsKeptAndAudited() throws SQLException {
        Pledge pledge = chfPledge();
        BusinessException e = assertThrows(BusinessException.class, () -> db.run(em ->
                new PledgeService(em, FINANCE).signAgreement(pledge.getId(), pledge.getVersion(), LAST_MONTH, "STFA-CHF", null)));
        assertEquals("rate.stale", e.messageKey());
        assertEquals(Optional.of("agreementDate"), e.field());
        assertEquals(PledgeStatus.PLEDGED, db.inTransaction(em -> em.find(Pledge.class, pledge.getId())).getStatus());

        db.run(em -> new PledgeService(em, FINANCE).signAgreement(pledge.getId(), pledge.getVersion(), LAST_MONTH,
                "STFA-CHF", null, "Board asked to book at the last published rate"));
        Pledge signed = db.inTransaction(em -> em.find(Pledge.class, pledge.getId()));
        assertEquals("Board asked to book at the last published rate", signed.getAgreementStaleRateReason());
        assertEquals(LocalDate.parse("2023-03-01"), signed.getAgreementRate().getEffectiveDate());
        assertTrue(single("SELECT details FROM audit_entry WHERE entity_type = 'Pledge' AND entity_id = '" + pledge.getId()
                + "' AND details LIKE '%agreementDate%'").contains("stale rate used because: Board asked"));
    }

    @Test
    void aRevaluationAtAStaleRateIsRefusedNamingTheCurrencyWithoutAReasonRoute() {
        Pledge pledge = chfPledge();
        db.run(em -> new PledgeService(em, FINANCE).signAgreement(pledge.getId(), pledge.getVersion(), LAST_MONTH,
                "STFA-CHF", null, "Board asked"));
        BusinessException e = assertThrows(BusinessException.class, () -> db.run(em ->
                new ReceivableRevaluation(em, FINANCE).revalue(fx.fundId, LocalDate.now())));
        assertEquals("revaluation.rate.stale", e.messageKey());
        assertEquals("CHF", e.arguments()[0]);
    }

    @Test
    void theServicesRefuseDatesAfterToday() {
        LocalDate tomorrow = LocalDate.now().plusDays(1);
        int year = LocalDate.now().getYear();
        BusinessException pledgedOn = assertThrows(BusinessException.class, () -> db.run(em ->
                new PledgeService(em, FINANCE).create(new PledgeInput(fx.donorId, fx.fundId, Money.of("100.00", "USD"), null,
                        year, year, tomorrow, List.of(new ScheduleLine(LocalDate.of(year, 12, 31), Money.of("100.00", "USD")))))));
        assertEquals("date.future", pledgedOn.messageKey());
        assertEquals(Optional.of("pledgedOn"), pledgedOn.field());
        Pledge usd = db.inTransaction(em -> new PledgeService(em, FINANCE).create(new PledgeInput(fx.donorId, fx.fundId,
                Money.of("100.00", "USD"), null, year, year, LocalDate.now(),
                List.of(new ScheduleLine(LocalDate.of(year, 12, 31), Money.of("100.00", "USD"))))));
        BusinessException agreement = assertThrows(BusinessException.class, () -> db.run(em ->
                new PledgeService(em, FINANCE).signAgreement(usd.getId(), usd.getVersion(), tomorrow, "STFA-F")));
        assertEquals("date.future", agreement.messageKey());
        assertEquals(Optional.of("agreementDate"), agreement.field());
        BusinessException writeOff = assertThrows(BusinessException.class, () -> db.run(em ->
                new PledgeService(em, FINANCE).requestWriteOff(usd.getId(), usd.getVersion(), tomorrow, "Withdrew")));
        assertEquals(Optional.of("writtenOffOn"), writeOff.field());
        BusinessException outside = assertThrows(BusinessException.class, () -> db.run(em ->
                new PledgeService(em, FINANCE).create(new PledgeInput(fx.donorId, fx.fundId, Money.of("100.00", "USD"), null,
                        2026, 2028, LocalDate.now(), List.of(new ScheduleLine(LocalDate.of(2031, 3, 31), Money.of("100.00", "USD")))))));
        assertEquals("pledge.schedule.outsideYears", outside.messageKey());
    }

    private Pledge chfPledge() {
        int year = LAST_MONTH.getYear();
        return db.inTransaction(em -> new PledgeService(em, FINANCE).create(new PledgeInput(fx.donorId, fx.fundId,
                Money.of("5000.00", "CHF"), "Fellowships", year, year, LAST_MONTH.withDayOfMonth(1),
                List.of(new ScheduleLine(LocalDate.of(year, 12, 31), Money.of("5000.00", "CHF"))))));
    }

    private ContributionInput input(String reason) {
        return new ContributionInput(fx.donorId, fx.fundId, LAST_MONTH, Money.of("1000.00", "CHF"), "BNK-CHF-1", Map.of(),
                reason);
    }

    private Contribution record(String reason) {
        return db.inTransaction(em -> new ContributionService(em, FINANCE).record(input(reason)));
    }

    private long count(String sql) throws SQLException {
        return Long.parseLong(single(sql));
    }

    private String single(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        assertEquals(1, out.size(), sql);
        return out.get(0);
    }
}
