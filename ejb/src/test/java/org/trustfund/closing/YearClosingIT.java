package org.trustfund.closing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustfund.contribution.Contribution;
import org.trustfund.contribution.ContributionInput;
import org.trustfund.contribution.ContributionService;
import org.trustfund.ledger.Account;
import org.trustfund.ledger.Journal;
import org.trustfund.ledger.JournalEvent;
import org.trustfund.ledger.Ledger;
import org.trustfund.ledger.LedgerCheck;
import org.trustfund.ledger.LedgerCheckResult;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.pledge.Pledge;
import org.trustfund.pledge.PledgeInput;
import org.trustfund.pledge.PledgeService;
import org.trustfund.pledge.ReceivableRevaluation;
import org.trustfund.pledge.ScheduleLine;
import org.trustfund.security.Roles;
import org.trustfund.testing.FixedCaller;
import org.trustfund.testing.FundFixture;
import org.trustfund.testing.TestDatabase;

/**
 * Closing a fund's year on the real database: the year-end revaluation posted at confirmation, every path into the
 * closed year refused, corrections in the open year, and reopening by two people.
 */
class YearClosingIT {

    private static final FixedCaller FINANCE = FixedCaller.of("fiona", Roles.FINANCE_OFFICER);
    private static final FixedCaller CERTIFIER = FixedCaller.of("carl", Roles.CERTIFYING_OFFICER);
    private static final LocalDate MID_2025 = LocalDate.of(2025, 6, 1);

    private TestDatabase db;
    private FundFixture fx;

    @BeforeEach
    void database() throws Exception {
        db = TestDatabase.migrated();
        fx = FundFixture.create(db);
        // This test's fund began in 2025, so 2025 is its first year and can be closed without earlier ones.
        db.sql("UPDATE fund SET start_date = '2025-01-01' WHERE id = " + fx.fundId);
        // A rate for every month of 2025 (a rate from an earlier month is stale): 0.95 until December's 0.90.
        db.run(em -> {
            for (int month = 1; month <= 11; month++) {
                FundFixture.rate(em, "EUR", String.format("2025-%02d-01", month), "0.950000");
            }
            FundFixture.rate(em, "EUR", "2025-12-01", "0.900000");
        });
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void confirmingPostsTheYearEndRevaluationThenEveryPostingIntoTheYearIsRefused() {
        long eurPledge = pledge(Money.of("2000.00", "EUR"));
        signAgreement(eurPledge, LocalDate.of(2025, 3, 1));
        long paid2025 = record(Money.of("500.00", "USD"), MID_2025);
        certify(paid2025);

        YearSummary proposed = db.inTransaction(em -> new YearClosingService(em, FINANCE).proposeClose(fx.fundId, 2025, 0));
        assertEquals(YearStatus.CLOSE_PROPOSED, proposed.status());
        BusinessException own = assertThrows(BusinessException.class, () -> db.inTransaction(em ->
                new YearClosingService(em, FixedCaller.of("fiona", Roles.CERTIFYING_OFFICER))
                        .confirmClose(fx.fundId, 2025, proposed.version())));
        assertEquals("closing.confirm.ownProposal", own.messageKey());
        assertEquals(0, revaluations().size(), "a refused confirmation posts nothing");

        YearSummary closed = db.inTransaction(em -> new YearClosingService(em, CERTIFIER)
                .confirmClose(fx.fundId, 2025, proposed.version()));
        assertEquals(YearStatus.CLOSED, closed.status());
        assertEquals("fiona", closed.proposedBy());
        assertEquals("carl", closed.closedBy());
        // 2,000 EUR carried at 0.95 (2,105.26 USD), restated at 0.90 on 31 December (2,222.22): a gain of 116.96.
        List<Journal> revaluations = revaluations();
        assertEquals(1, revaluations.size());
        assertEquals(LocalDate.of(2025, 12, 31), revaluations.get(0).getEventDate());
        assertEquals(0, new BigDecimal("116.96").compareTo(revaluations.get(0).totalDebits()));
        assertEquals(0, new BigDecimal("-116.96").compareTo(balance(Account.UNREALIZED_EXCHANGE_GAIN_LOSS)));
        assertConsistent();
        BusinessException twice = assertThrows(BusinessException.class, () -> db.inTransaction(em ->
                new YearClosingService(em, FixedCaller.of("carla", Roles.CERTIFYING_OFFICER))
                        .confirmClose(fx.fundId, 2025, proposed.version())));
        assertEquals("record.changedByAnother", twice.messageKey(), "a second confirmation with the old version");

        BusinessException recording = assertThrows(BusinessException.class, () -> record(Money.of("10.00", "USD"), MID_2025));
        assertEquals("period.closed", recording.messageKey());
        assertEquals(Optional.of("receivedDate"), recording.field());
        assertEquals(List.of("2025", "IGF"), List.of(recording.arguments()));

        long another = pledge(Money.of("300.00", "USD"));
        BusinessException signing = assertThrows(BusinessException.class, () -> signAgreement(another, LocalDate.of(2025, 7, 1)));
        assertEquals("period.closed", signing.messageKey());
        assertEquals(Optional.of("agreementDate"), signing.field());

        BusinessException writeOff = assertThrows(BusinessException.class, () -> db.run(em -> new PledgeService(em, FINANCE)
                .requestWriteOff(eurPledge, em.find(Pledge.class, eurPledge).getVersion(), LocalDate.of(2025, 11, 30), "Donor withdrew")));
        assertEquals(Optional.of("writtenOffOn"), writeOff.field());

        BusinessException revaluation = assertThrows(BusinessException.class, () -> db.run(em ->
                new ReceivableRevaluation(em, FINANCE).revalue(fx.fundId, LocalDate.of(2025, 9, 30))));
        assertEquals(Optional.of("reportingDate"), revaluation.field());

        BusinessException direct = assertThrows(BusinessException.class, () -> db.run(em -> new Ledger(em).post(
                Journal.builder(JournalEvent.CONTRIBUTION_CERTIFIED, fx.fundId, fx.donorId, LocalDate.of(2025, 12, 31),
                                "Test", 1L, "A posting that bypasses every page")
                        .debit(Account.CASH, Money.of("1.00", "USD")).credit(Account.CONTRIBUTION_REVENUE, Money.of("1.00", "USD"))
                        .build(Instant.now(), "intruder"))));
        assertEquals("period.closed", direct.messageKey());
        assertEquals(Optional.empty(), direct.field());
        assertEquals(1, revaluations().size(), "nothing was posted into 2025 since the closing");
        assertConsistent();
    }

    @Test
    void aFundsFirstClosingOfALaterYearClosesTheYearsBeforeIt() throws Exception {
        db.sql("UPDATE fund SET start_date = '2006-01-01' WHERE id = " + fx.fundId);
        long waiting2019 = record(Money.of("40.00", "USD"), LocalDate.of(2019, 5, 5));
        BusinessException stillWaiting = assertThrows(BusinessException.class, () -> db.inTransaction(em ->
                new YearClosingService(em, FINANCE).proposeClose(fx.fundId, 2025, 0)));
        assertEquals("closing.contributionsWaiting", stillWaiting.messageKey(), "an earlier year's waiting entry counts");
        assertTrue(stillWaiting.arguments()[2].toString().contains(String.valueOf(waiting2019)));
        certify(waiting2019);
        close2025();

        BusinessException into2019 = assertThrows(BusinessException.class, () -> record(Money.of("10.00", "USD"),
                LocalDate.of(2019, 6, 1)));
        assertEquals("period.closed", into2019.messageKey());
        List<YearSummary> years = db.inTransaction(em -> new YearClosingService(em, FINANCE).years(fx.fundId));
        YearSummary y2019 = years.stream().filter(y -> y.year() == 2019).findFirst().orElseThrow();
        assertEquals(YearStatus.CLOSED, y2019.status());
        assertEquals(Integer.valueOf(2025), y2019.closedWith());
        BusinessException again = assertThrows(BusinessException.class, () -> db.inTransaction(em ->
                new YearClosingService(em, FINANCE).proposeClose(fx.fundId, 2019, 0)));
        assertEquals("closing.coveredByLater", again.messageKey());
        assertEquals(YearStatus.OPEN, years.stream().filter(y -> y.year() == 2026).findFirst().orElseThrow().status());
        assertEquals(2006, years.get(0).year(), "every year from the fund's start");
    }

    @Test
    void aContributionCertifiedInTheClosedYearIsReversedInTheOpenYearReferringToTheOriginal() {
        long paid2025 = record(Money.of("500.00", "USD"), MID_2025);
        certify(paid2025);
        close2025();
        Journal original = db.inTransaction(em -> new Ledger(em).journalsOf(Contribution.SOURCE_TYPE, paid2025).get(0));

        long request = db.inTransaction(em -> new ContributionService(em, FINANCE).requestReversal(paid2025,
                em.find(Contribution.class, paid2025).getVersion(), "Paid into the wrong fund").getId());
        db.run(em -> new ContributionService(em, CERTIFIER).approveReversal(request,
                em.find(org.trustfund.approval.ApprovalRequest.class, request).getVersion()));

        List<Journal> journals = db.inTransaction(em -> new Ledger(em).journalsOf(Contribution.SOURCE_TYPE, paid2025));
        assertEquals(2, journals.size());
        Journal reversal = journals.get(1);
        assertEquals(original.getId(), reversal.getReversesJournalId());
        assertEquals(LocalDate.now(ZoneOffset.UTC), reversal.getEventDate());
        assertTrue(reversal.getEventDate().getYear() > 2025, "dated in the open year");
        assertEquals(0, BigDecimal.ZERO.compareTo(balance(Account.CASH)));
        assertConsistent();
    }

    @Test
    void reopeningIsRequestedAndConfirmedByAnotherPersonThenPostingsAreAcceptedAgain() {
        close2025();
        YearSummary closed = db.inTransaction(em -> new YearClosingService(em, FINANCE).year(fx.fundId, 2025));
        BusinessException noReason = assertThrows(BusinessException.class, () -> db.inTransaction(em ->
                new YearClosingService(em, FINANCE).requestReopen(fx.fundId, 2025, closed.version(), " ")));
        assertEquals(Optional.of("reason"), noReason.field());
        YearSummary requested = db.inTransaction(em -> new YearClosingService(em, FINANCE)
                .requestReopen(fx.fundId, 2025, closed.version(), "Auditors asked for an adjustment"));
        assertEquals(YearStatus.REOPEN_PROPOSED, requested.status());
        assertEquals("period.closed", assertThrows(BusinessException.class,
                () -> record(Money.of("10.00", "USD"), MID_2025)).messageKey(), "closed until the reopening is confirmed");
        assertEquals("closing.reopen.ownRequest", assertThrows(BusinessException.class, () -> db.inTransaction(em ->
                new YearClosingService(em, FixedCaller.of("fiona", Roles.CERTIFYING_OFFICER))
                        .confirmReopen(fx.fundId, 2025, requested.version()))).messageKey());

        YearSummary reopened = db.inTransaction(em -> new YearClosingService(em, CERTIFIER)
                .confirmReopen(fx.fundId, 2025, requested.version()));
        assertEquals(YearStatus.OPEN, reopened.status());
        assertEquals("carl", reopened.reopenedBy());
        long again = record(Money.of("10.00", "USD"), MID_2025);
        certify(again);
        assertEquals(0, new BigDecimal("10.00").compareTo(balance(Account.CASH)));

        List<YearAction> history = db.inTransaction(em -> em.createQuery("SELECT e.action FROM FundYearEvent e"
                + " ORDER BY e.id", YearAction.class).getResultList());
        assertEquals(List.of(YearAction.PROPOSE_CLOSE, YearAction.CONFIRM_CLOSE, YearAction.REQUEST_REOPEN,
                YearAction.CONFIRM_REOPEN), history);
        long audited = db.inTransaction(em -> em.createQuery("SELECT COUNT(a) FROM AuditEntry a WHERE a.entityType = :type",
                Long.class).setParameter("type", YearClosingService.ENTITY).getSingleResult());
        assertEquals(4L, audited);
    }

    @Test
    void closingIsRefusedWhileAContributionDatedInTheYearAwaitsCertification() {
        long waiting = record(Money.of("75.00", "USD"), MID_2025);
        BusinessException e = assertThrows(BusinessException.class, () -> db.inTransaction(em ->
                new YearClosingService(em, FINANCE).proposeClose(fx.fundId, 2025, 0)));
        assertEquals("closing.contributionsWaiting", e.messageKey());
        assertEquals(String.valueOf(waiting), e.arguments()[2]);
        assertEquals(YearStatus.OPEN, db.inTransaction(em -> new YearClosingService(em, FINANCE).year(fx.fundId, 2025)).status());

        certify(waiting);
        close2025();
        List<YearSummary> years = db.inTransaction(em -> new YearClosingService(em, FINANCE).years(fx.fundId));
        assertEquals(2025, years.get(0).year());
        assertEquals(YearStatus.CLOSED, years.get(0).status());
        assertEquals(YearStatus.OPEN, years.get(years.size() - 1).status());
        assertEquals("closing.year.notEnded", assertThrows(BusinessException.class, () -> db.inTransaction(em ->
                new YearClosingService(em, FINANCE).proposeClose(fx.fundId, LocalDate.now(ZoneOffset.UTC).getYear(), 0)))
                .messageKey());
    }

    // ---------------------------------------------------------------------------------------------------

    private void close2025() {
        YearSummary proposed = db.inTransaction(em -> new YearClosingService(em, FINANCE).proposeClose(fx.fundId, 2025, 0));
        YearSummary closed = db.inTransaction(em -> new YearClosingService(em, CERTIFIER)
                .confirmClose(fx.fundId, 2025, proposed.version()));
        assertEquals(YearStatus.CLOSED, closed.status());
    }

    private long pledge(Money amount) {
        return db.inTransaction(em -> new PledgeService(em, FINANCE).create(new PledgeInput(fx.donorId, fx.fundId, amount,
                "Fellowships", 2025, 2025, LocalDate.of(2025, 1, 10), List.of(new ScheduleLine(LocalDate.of(2025, 9, 30), amount))))
                .getId());
    }

    private void signAgreement(long pledgeId, LocalDate date) {
        db.run(em -> new PledgeService(em, FINANCE).signAgreement(pledgeId, em.find(Pledge.class, pledgeId).getVersion(), date,
                "STFA-" + pledgeId));
    }

    private long record(Money amount, LocalDate received) {
        return db.inTransaction(em -> new ContributionService(em, FINANCE).record(new ContributionInput(fx.donorId, fx.fundId,
                received, amount, "BANK-" + System.nanoTime(), Map.of())).getId());
    }

    private void certify(long id) {
        db.run(em -> new ContributionService(em, CERTIFIER).certify(id, em.find(Contribution.class, id).getVersion()));
    }

    private List<Journal> revaluations() {
        return db.inTransaction(em -> em.createQuery("SELECT j FROM Journal j WHERE j.eventType = :type ORDER BY j.id",
                Journal.class).setParameter("type", JournalEvent.REVALUATION).getResultList());
    }

    private BigDecimal balance(Account account) {
        return db.inTransaction(em -> new Ledger(em).balances(fx.fundId, LocalDate.of(2100, 1, 1)))
                .getOrDefault(account, BigDecimal.ZERO);
    }

    private void assertConsistent() {
        LedgerCheckResult check = db.inTransaction(em -> new LedgerCheck(em).run());
        assertTrue(check.isConsistent(), () -> "ledger check failed: " + check);
        assertNotNull(check.checkedAt());
    }
}
