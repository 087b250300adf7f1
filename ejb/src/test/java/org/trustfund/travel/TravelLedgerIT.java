package org.trustfund.travel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
import org.trustfund.expenditure.AvailableBalance;
import org.trustfund.expenditure.Expenditure;
import org.trustfund.expenditure.ExpenditureCategory;
import org.trustfund.expenditure.ExpenditureInput;
import org.trustfund.expenditure.ExpenditureService;
import org.trustfund.expenditure.ProgrammeSupportCosts;
import org.trustfund.expenditure.PscCharge;
import org.trustfund.ledger.Account;
import org.trustfund.ledger.Ledger;
import org.trustfund.ledger.LedgerCheck;
import org.trustfund.ledger.LedgerCheckResult;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.InvalidFieldsException;
import org.trustfund.reference.DevelopmentStatus;
import org.trustfund.security.Roles;
import org.trustfund.testing.FixedCaller;
import org.trustfund.testing.FundFixture;
import org.trustfund.testing.TestDatabase;

/**
 * Travel and fellowship disbursements, other expenditure and programme support costs on the real database: each step's
 * rule, and the ledger after each posting (obligations on the memo pair, the expense against cash at payment, a
 * cancellation after payment as a reversal, PSC posted once however often it is run).
 */
class TravelLedgerIT {

    private static final FixedCaller FINANCE = FixedCaller.of("fiona", Roles.FINANCE_OFFICER);
    private static final FixedCaller CERTIFIER = FixedCaller.of("carl", Roles.CERTIFYING_OFFICER);
    private static final FixedCaller SECOND_CERTIFIER = FixedCaller.of("cleo", Roles.CERTIFYING_OFFICER);
    private static final LocalDate ASKED = LocalDate.of(2026, 4, 1);
    private static final LocalDate DEPART = LocalDate.of(2026, 6, 14);
    private static final LocalDate BACK = LocalDate.of(2026, 6, 20);

    private TestDatabase db;
    private FundFixture fx;
    private long event;
    private long magFromEthiopia;
    private long fromSwitzerland;
    private long magProgramme;

    @BeforeEach
    void database() {
        db = TestDatabase.migrated();
        fx = FundFixture.create(db);
        event = db.inTransaction(em -> new TravelService(em, FINANCE).createEvent(new EventInput("IGF 2026",
                EventType.ANNUAL_MEETING, "Geneva", "CH", LocalDate.of(2026, 6, 15), LocalDate.of(2026, 6, 19))).getId());
        db.run(em -> new TravelService(em, FINANCE).recordDsaRate("CH", "Geneva", LocalDate.of(2026, 6, 1),
                new BigDecimal("421.00")));
        magFromEthiopia = db.inTransaction(em -> new TravelService(em, FINANCE).createTraveller(new TravellerInput(
                "Abebe Example", Gender.MALE, "ET", "ET", StakeholderGroup.CIVIL_SOCIETY, true, "abebe@example.org")).getId());
        fromSwitzerland = db.inTransaction(em -> new TravelService(em, FINANCE).createTraveller(new TravellerInput(
                "Heidi Example", Gender.FEMALE, "CH", "CH", StakeholderGroup.ACADEMIA, false, null)).getId());
        magProgramme = db.inTransaction(em -> new TravelService(em, FINANCE).programmes().stream()
                .filter(p -> p.getCode().equals("MAG_TRAVEL")).findFirst().orElseThrow().getId());
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void aMagMemberFromALeastDevelopedCountryIsCostedApprovedObligatedAndPaidAndTheLedgerFollows() {
        cash("20000.00");
        TravelInput in = trip(magFromEthiopia, "1450.00", null, null, null);
        Costing costing = db.inTransaction(em -> new TravelService(em, FINANCE).preview(in));
        assertEquals(new BigDecimal("421.00"), costing.dsaRateFound(), "the DSA of Geneva in June 2026 is looked up");
        assertEquals(6, costing.nights());
        assertEquals(DevelopmentStatus.LEAST_DEVELOPED, costing.residenceStatus());
        assertTrue(costing.eligible() && costing.magMember());
        // 1,450.00 ticket + 6 × 421.00 DSA + 100.00 terminal expenses.
        assertEquals(new BigDecimal("4076.00"), costing.totalUsd());
        long id = request(in);
        assertEquals(new BigDecimal("20000.00"), available(), "a request commits nothing");

        assertEquals("travel.approve.ownRequest", refused(() -> db.run(em -> new TravelService(em,
                FixedCaller.of("fiona", Roles.CERTIFYING_OFFICER)).approve(id, version(id), null))));
        assertEquals("travel.pay.notApproved", refused(() -> db.run(em -> new TravelService(em, FINANCE)
                .pay(id, version(id), LocalDate.of(2026, 6, 1), "PAY-1", null))));
        db.run(em -> new TravelService(em, CERTIFIER).approve(id, version(id), null));
        assertEquals(new BigDecimal("15924.00"), available(), "approved: reserved against new commitments");
        assertEquals("travel.pay.notObligated", refused(() -> db.run(em -> new TravelService(em, FINANCE)
                .pay(id, version(id), LocalDate.of(2026, 6, 1), "PAY-1", null))));

        db.run(em -> new TravelService(em, FINANCE).obligate(id, version(id), LocalDate.of(2026, 5, 2), null));
        assertEquals(new BigDecimal("4076.00"), balance(Account.OPEN_OBLIGATIONS));
        assertEquals(new BigDecimal("15924.00"), available(), "the obligation replaces the approval's reservation");
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.TRAVEL_AND_FELLOWSHIPS), "an obligation is no expense");

        assertEquals("travel.pay.approver", refused(() -> db.run(em -> new TravelService(em,
                FixedCaller.of("carl", Roles.FINANCE_OFFICER)).pay(id, version(id), LocalDate.of(2026, 6, 1), "PAY-1", null))));
        db.run(em -> new TravelService(em, FINANCE).pay(id, version(id), LocalDate.of(2026, 6, 1), "PAY-1", null));
        assertEquals(new BigDecimal("4076.00"), balance(Account.TRAVEL_AND_FELLOWSHIPS));
        assertEquals(new BigDecimal("15924.00"), balance(Account.CASH));
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.OPEN_OBLIGATIONS), "released at payment");
        assertEquals(new BigDecimal("15924.00"), available(), "the balance dropped by the USD total, once");
        assertConsistent();

        assertEquals("travel.report.beforeReturn", refused(() -> db.run(em -> new TravelService(em, FINANCE)
                .reportReceived(id, version(id), LocalDate.of(2026, 6, 19)))));
        db.run(em -> new TravelService(em, FINANCE).reportReceived(id, version(id), LocalDate.of(2026, 6, 30)));
        assertEquals(TravelStatus.REPORTED, db.inTransaction(em -> new TravelService(em, FINANCE).find(id)).getStatus());
    }

    @Test
    void badInputIsRefusedAtItsFieldAndNothingIsSaved() {
        TravelInput backwards = new TravelInput(magFromEthiopia, magProgramme, event, fx.fundId, "Addis Ababa – Geneva",
                TravelAsk.BOTH, ASKED, BACK, DEPART, "USD", new BigDecimal("-5"), null, null, null, null, null, null, null,
                new BigDecimal("100.00"), null, null);
        InvalidFieldsException e = assertThrows(InvalidFieldsException.class, () -> request(backwards));
        assertEquals(List.of("returnDate", "ticketAmount"), e.errors().stream().map(x -> x.field().orElseThrow()).toList());

        BusinessException days = assertThrows(BusinessException.class, () -> request(trip(magFromEthiopia, "1450.00", 8,
                null, null)));
        assertEquals("travel.dsa.days.mismatch", days.messageKey());
        assertEquals("dsaDays", days.field().orElseThrow());
        long allowed = request(new TravelInput(magFromEthiopia, magProgramme, event, fx.fundId, "Addis Ababa – Geneva",
                TravelAsk.BOTH, ASKED, DEPART, BACK, "USD", new BigDecimal("1450.00"), null, null, null, null, null, 8,
                "Two days of MAG working group after the meeting", new BigDecimal("100.00"), null, null));
        assertEquals(8, db.inTransaction(em -> new TravelService(em, FINANCE).find(allowed)).getDsaDays());

        TravelInput nowhere = new TravelInput(magFromEthiopia, magProgramme, event, fx.fundId, "Addis Ababa – Lausanne",
                TravelAsk.BOTH, ASKED, DEPART, BACK, "USD", new BigDecimal("1450.00"), null, null, "Lausanne", null, null,
                null, null, null, null, null);
        BusinessException noRate = assertThrows(BusinessException.class, () -> request(nowhere));
        assertEquals("travel.dsa.rate.missing", noRate.messageKey());
        assertEquals("dsaRate", noRate.field().orElseThrow());

        BusinessException ineligible = assertThrows(BusinessException.class, () -> request(trip(fromSwitzerland,
                "300.00", null, null, null)));
        assertEquals("travel.eligibility.reasonRequired", ineligible.messageKey());
        long withReason = request(trip(fromSwitzerland, "300.00", null, null, "Speaker invited by the MAG chair"));
        TravelRequest saved = db.inTransaction(em -> new TravelService(em, FINANCE).find(withReason));
        assertEquals(DevelopmentStatus.DEVELOPED, saved.getResidenceStatus());
        assertEquals("Speaker invited by the MAG chair", saved.getEligibilityReason());
        assertEquals(2L, count("SELECT COUNT(*) FROM travel_request"), "only the two with their reasons");
        assertEquals(0L, count("SELECT COUNT(*) FROM journal"));
    }

    @Test
    void anApprovalBeyondTheAvailableBalanceOrTheBudgetNeedsAnOverrideReason() {
        cash("3000.00");
        long id = request(trip(magFromEthiopia, "1450.00", null, null, null));
        BusinessException over = assertThrows(BusinessException.class, () -> db.run(em -> new TravelService(em, CERTIFIER)
                .approve(id, version(id), null)));
        assertEquals("travel.approve.overBalance", over.messageKey());
        assertEquals("overrideReason", over.field().orElseThrow());
        db.run(em -> new TravelService(em, FINANCE).setBudget(magProgramme, fx.fundId, 2026, new BigDecimal("50000.00"),
                null, 0));
        db.run(em -> new TravelService(em, CERTIFIER).approve(id, version(id), "Pledged contribution arrives in May"));
        TravelRequest approved = db.inTransaction(em -> new TravelService(em, FINANCE).find(id));
        assertEquals(TravelStatus.APPROVED, approved.getStatus());
        assertEquals("Pledged contribution arrives in May", approved.getOverrideReason());
        assertEquals(new BigDecimal("45924.00"), db.inTransaction(em -> new TravelService(em, FINANCE)
                .programmeRemaining(magProgramme, fx.fundId, 2026)).orElseThrow());

        long second = request(trip(magFromEthiopia, "1450.00", null, null, null));
        db.run(em -> new TravelService(em, FINANCE).setBudget(magProgramme, fx.fundId, 2026, new BigDecimal("5000.00"),
                "Budget revised by the donor meeting", db.inTransaction(em2 -> new TravelService(em2, FINANCE)
                        .budget(magProgramme, fx.fundId, 2026).orElseThrow().getVersion())));
        cash("20000.00");
        assertEquals("travel.approve.overBudget", refused(() -> db.run(em -> new TravelService(em, CERTIFIER)
                .approve(second, version(second), null))));
    }

    @Test
    void aCancellationAfterPaymentIsAReversalAndBothJournalsAreKept() {
        cash("20000.00");
        long id = paidTrip();
        assertEquals("travel.cancel.paidNeedsCertifier", refused(() -> db.run(em -> new TravelService(em, FINANCE)
                .cancel(id, version(id), "Traveller could not attend"))));
        db.run(em -> new TravelService(em, SECOND_CERTIFIER).cancel(id, version(id), "Traveller could not attend"));
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.TRAVEL_AND_FELLOWSHIPS));
        assertEquals(new BigDecimal("20000.00"), balance(Account.CASH));
        assertEquals(4L, count("SELECT COUNT(*) FROM journal WHERE source_type = 'Travel'"),
                "obligation, release, payment and its reversal");
        assertConsistent();

        long obligated = request(trip(magFromEthiopia, "1450.00", null, null, null));
        db.run(em -> new TravelService(em, CERTIFIER).approve(obligated, version(obligated), null));
        db.run(em -> new TravelService(em, FINANCE).obligate(obligated, version(obligated), LocalDate.of(2026, 5, 2), null));
        db.run(em -> new TravelService(em, FINANCE).cancel(obligated, version(obligated), "Visa refused"));
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.OPEN_OBLIGATIONS), "the obligation is released");
        assertEquals(new BigDecimal("20000.00"), available());
    }

    @Test
    void programmeSupportCostIsPostedOnceHoweverOftenItIsRunAndCanBeReversed() {
        cash("50000.00");
        paidTrip();
        long expense = db.inTransaction(em -> new ExpenditureService(em, FINANCE).record(new ExpenditureInput(fx.fundId,
                ExpenditureCategory.CONTRACTUAL_SERVICES, LocalDate.of(2026, 7, 1), Money.of("9200.00", "EUR"), "PO-77",
                "Webcasting of the annual meeting", null)).getId());
        assertEquals("receipt.certify.ownEntry", refused(() -> db.run(em -> new ExpenditureService(em,
                FixedCaller.of("fiona", Roles.CERTIFYING_OFFICER)).certify(expense, expenditureVersion(expense)))));
        db.run(em -> new ExpenditureService(em, CERTIFIER).certify(expense, expenditureVersion(expense)));
        // 9,200 EUR at 0.88 per USD.
        assertEquals(new BigDecimal("10454.55"), balance(Account.CONTRACTUAL_SERVICES));

        ProgrammeSupportCosts.Computation due = db.inTransaction(em -> new ExpenditureService(em, FINANCE).pscFor(fx.fundId, 2026));
        assertEquals(new BigDecimal("14530.55"), due.base(), "travel 4,076.00 + contractual 10,454.55");
        assertEquals(new BigDecimal("1888.97"), due.due(), "13 % rounded half up");
        assertTrue(db.inTransaction(em -> new ExpenditureService(em, FINANCE).runPsc(fx.fundId, 2026)).isPresent());
        assertFalse(db.inTransaction(em -> new ExpenditureService(em, FINANCE).runPsc(fx.fundId, 2026)).isPresent(),
                "the second run posts nothing");
        assertEquals(new BigDecimal("1888.97"), balance(Account.PROGRAMME_SUPPORT_COSTS));
        assertEquals(1L, count("SELECT COUNT(*) FROM journal WHERE source_type = 'PSC'"));

        db.run(em -> new ExpenditureService(em, CERTIFIER).reverse(expense, expenditureVersion(expense), "Invoice cancelled"));
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.CONTRACTUAL_SERVICES));
        assertTrue(db.inTransaction(em -> new ExpenditureService(em, FINANCE).runPsc(fx.fundId, 2026)).isPresent(),
                "the base fell: the difference is posted back");
        assertEquals(new BigDecimal("529.88"), balance(Account.PROGRAMME_SUPPORT_COSTS), "13 % of 4,076.00");

        PscCharge charge = db.inTransaction(em -> new ExpenditureService(em, FINANCE).pscCharges(fx.fundId, 2026).get(0));
        db.run(em -> new ExpenditureService(em, CERTIFIER).reversePsc(charge.getId(), charge.getVersion(),
                "Rate to be confirmed by DESA"));
        assertEquals("psc.reverse.already", refused(() -> db.run(em -> new ExpenditureService(em, CERTIFIER)
                .reversePsc(charge.getId(), charge.getVersion(), "again"))));
        assertEquals(new BigDecimal("-1359.09"), balance(Account.PROGRAMME_SUPPORT_COSTS));
        assertConsistent();
    }

    @Test
    void nothingIsPaidOrChargedIntoAClosedYear() throws Exception {
        cash("20000.00");
        long id = request(trip(magFromEthiopia, "1450.00", null, null, null));
        db.run(em -> new TravelService(em, CERTIFIER).approve(id, version(id), null));
        db.run(em -> new TravelService(em, FINANCE).obligate(id, version(id), LocalDate.of(2026, 5, 2), null));
        db.sql("INSERT INTO fund_year (fund_id, year, status, closed_by, closed_at) VALUES (" + fx.fundId
                + ", 2026, 'CLOSED', 'carl', UTC_TIMESTAMP(6))");
        BusinessException closed = assertThrows(BusinessException.class, () -> db.run(em -> new TravelService(em, FINANCE)
                .pay(id, version(id), LocalDate.of(2026, 6, 1), "PAY-1", null)));
        assertEquals("period.closed", closed.messageKey());
        assertEquals("paymentDate", closed.field().orElseThrow());
        assertEquals("period.closed", refused(() -> db.run(em -> new ExpenditureService(em, FINANCE).runPsc(fx.fundId, 2026))));
        assertEquals("period.closed", refused(() -> db.run(em -> new ExpenditureService(em, FINANCE).record(
                new ExpenditureInput(fx.fundId, ExpenditureCategory.EQUIPMENT, LocalDate.of(2026, 7, 1),
                        Money.of("10.00", "USD"), "X", "Laptop", null)))));
    }

    @Test
    void dsaRatesImportAllOrNothingAndTheSameFileTwiceAddsNothing() {
        byte[] good = "country,city,month,rate\nET,Addis Ababa,2026-06,250\nCH,Geneva,2026-06,421.00\n"
                .getBytes(StandardCharsets.UTF_8);
        DsaImport.Result first = db.inTransaction(em -> new DsaImport(em, FINANCE).importRates("dsa.csv", good));
        assertEquals(1, first.added());
        assertEquals(1, first.unchanged(), "Geneva June 2026 was already there at the same rate");
        DsaImport.Result again = db.inTransaction(em -> new DsaImport(em, FINANCE).importRates("dsa.csv", good));
        assertEquals(0, again.added());
        byte[] bad = "country,city,month,rate\nXX,Nowhere,2026-13,-1\nCH,Geneva,2026-06,430\nKE,Nairobi,2026-07,300\n"
                .getBytes(StandardCharsets.UTF_8);
        DsaImport.Result rejected = db.inTransaction(em -> new DsaImport(em, FINANCE).importRates("bad.csv", bad));
        assertEquals(List.of("dsaImport.country.unknown", "dsaImport.month.invalid", "dsaImport.rate.notPositive",
                "dsaImport.differs"), rejected.errors().stream().map(org.trustfund.contribution.imports.RowError::messageKey)
                .toList());
        assertEquals(0L, count("SELECT COUNT(*) FROM dsa_rate WHERE city = 'Nairobi'"), "nothing of a rejected file");
    }

    private long paidTrip() {
        long id = request(trip(magFromEthiopia, "1450.00", null, null, null));
        db.run(em -> new TravelService(em, CERTIFIER).approve(id, version(id), null));
        db.run(em -> new TravelService(em, FINANCE).obligate(id, version(id), LocalDate.of(2026, 5, 2), null));
        db.run(em -> new TravelService(em, FINANCE).pay(id, version(id), LocalDate.of(2026, 6, 1), "PAY-1", null));
        return id;
    }

    private TravelInput trip(long traveller, String ticketUsd, Integer days, String daysReason, String eligibility) {
        return new TravelInput(traveller, magProgramme, event, fx.fundId, "Home – Geneva – home", TravelAsk.BOTH, ASKED,
                DEPART, BACK, "USD", new BigDecimal(ticketUsd), null, null, null, null, null, days, daysReason,
                new BigDecimal("100.00"), null, eligibility);
    }

    private long request(TravelInput in) {
        return db.inTransaction(em -> new TravelService(em, FINANCE).request(in).getId());
    }

    private void cash(String usd) {
        long id = db.inTransaction(em -> new ContributionService(em, FINANCE).record(new ContributionInput(fx.donorId,
                fx.fundId, LocalDate.of(2026, 3, 2), Money.of(usd, "USD"), "BANK-" + usd, Map.of())).getId());
        db.run(em -> new ContributionService(em, CERTIFIER).certify(id, em.find(Contribution.class, id).getVersion()));
    }

    private BigDecimal available() {
        return db.inTransaction(em -> new AvailableBalance(em).of(fx.fundId)).available();
    }

    private long version(long travelId) {
        return db.inTransaction(em -> em.find(TravelRequest.class, travelId).getVersion());
    }

    private long expenditureVersion(long id) {
        return db.inTransaction(em -> em.find(Expenditure.class, id).getVersion());
    }

    private long count(String sql) {
        return db.inTransaction(em -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private BigDecimal balance(Account account) {
        return db.inTransaction(em -> new Ledger(em).balances(fx.fundId, LocalDate.of(2100, 1, 1)))
                .getOrDefault(account, BigDecimal.ZERO).setScale(2);
    }

    private void assertConsistent() {
        LedgerCheckResult check = db.inTransaction(em -> new LedgerCheck(em).run());
        assertTrue(check.isConsistent(), () -> "ledger check failed: " + check);
    }

    private String refused(Runnable action) {
        return assertThrows(BusinessException.class, action::run).messageKey();
    }
}
