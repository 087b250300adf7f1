package org.trustfund.contribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustfund.ledger.Account;
import org.trustfund.ledger.Journal;
import org.trustfund.ledger.JournalEvent;
import org.trustfund.ledger.Ledger;
import org.trustfund.ledger.LedgerCheck;
import org.trustfund.ledger.LedgerCheckResult;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.ConcurrentChangeException;
import org.trustfund.pledge.Instalment;
import org.trustfund.pledge.Pledge;
import org.trustfund.pledge.PledgeInput;
import org.trustfund.pledge.PledgeService;
import org.trustfund.pledge.PledgeStatus;
import org.trustfund.pledge.PledgeSummary;
import org.trustfund.pledge.ReceivableRevaluation;
import org.trustfund.pledge.ScheduleLine;
import org.trustfund.security.Roles;
import org.trustfund.testing.FixedCaller;
import org.trustfund.testing.FundFixture;
import org.trustfund.testing.TestDatabase;

/**
 * The pledge-to-cash lifecycle on the real database, with the ledger checked after every operation:
 * every journal balances, the fund's ledger balances, and each receivable equals agreed minus received.
 */
class ContributionLedgerIT {

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
    void aEuroPledgeSignedAndPaidInTwoPartsRealizesTheExchangeDifference() {
        Pledge pledge = eurPledgeOf3000();
        signAgreement(pledge.getId(), LocalDate.of(2026, 1, 10), "STFA-2026-001");
        // 3,000 EUR at 0.92 per USD.
        assertEquals(new BigDecimal("3260.87"), balance(Account.CONTRIBUTIONS_RECEIVABLE));
        assertEquals(new BigDecimal("-3260.87"), balance(Account.CONTRIBUTION_REVENUE));

        List<Long> inst = instalmentIds(pledge.getId());
        long first = record(eur("1500.00"), LocalDate.of(2026, 2, 20), Map.of(inst.get(0), eur("1000.00"), inst.get(1), eur("500.00")));
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.CASH), "recording alone posts nothing");
        certify(first);
        // 1,500 EUR at 0.88 = 1,704.55 USD; half the receivable's carrying amount is 1,630.44 (rounded half up).
        assertEquals(new BigDecimal("1704.55"), balance(Account.CASH));
        assertEquals(new BigDecimal("1630.43"), balance(Account.CONTRIBUTIONS_RECEIVABLE));
        assertEquals(new BigDecimal("-74.11"), balance(Account.REALIZED_EXCHANGE_GAIN_LOSS), "a realized gain");
        assertEquals(PledgeStatus.PARTLY_PAID, status(pledge.getId()));

        long second = record(eur("1500.00"), LocalDate.of(2026, 2, 20), Map.of(inst.get(1), eur("500.00"), inst.get(2), eur("1000.00")));
        certify(second);
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.CONTRIBUTIONS_RECEIVABLE), "nothing left to receive, to the cent");
        assertEquals(new BigDecimal("-148.23"), balance(Account.REALIZED_EXCHANGE_GAIN_LOSS));
        assertEquals(PledgeStatus.PAID, status(pledge.getId()));
        Ledger.ReceivableBalance left = db.inTransaction(em -> new Ledger(em).receivable(pledge.getId()));
        assertEquals(0, left.inCurrency().signum());
    }

    @Test
    void aCertifiedContributionIsCorrectedByReversalAndBothStayVisible() {
        Pledge pledge = eurPledgeOf3000();
        signAgreement(pledge.getId(), LocalDate.of(2026, 1, 10), "STFA-2026-002");
        Map<Account, BigDecimal> beforePayment = nonZero(balances());
        long wrong = record(eur("1000.00"), LocalDate.of(2026, 1, 20), Map.of(instalmentIds(pledge.getId()).get(0), eur("1000.00")));
        certify(wrong);
        assertEquals(PledgeStatus.PARTLY_PAID, status(pledge.getId()));

        long request = db.inTransaction(em -> {
            Contribution c = em.find(Contribution.class, wrong);
            return new ContributionService(em, FINANCE).requestReversal(wrong, c.getVersion(),
                    "Bank reference typed for another donor").getId();
        });
        assertEquals(PledgeStatus.PARTLY_PAID, status(pledge.getId()), "a request alone changes nothing");
        assertEquals("approval.ownRequest", refused(() -> db.run(em -> new ContributionService(em,
                FixedCaller.of("fiona", Roles.CERTIFYING_OFFICER)).approveReversal(request, version(request)))));
        db.run(em -> new ContributionService(em, CERTIFIER).approveReversal(request, version(request)));
        assertConsistent();
        assertEquals(beforePayment, nonZero(balances()), "the reversal undoes the payment's every line");
        assertEquals(PledgeStatus.AGREEMENT_SIGNED, status(pledge.getId()));
        Contribution reversed = db.inTransaction(em -> em.find(Contribution.class, wrong));
        assertEquals(ContributionStatus.REVERSED, reversed.getStatus());
        assertEquals("Bank reference typed for another donor", reversed.getReversalReason());
        long journals = db.inTransaction(em -> (Long) em.createQuery("SELECT COUNT(j) FROM Journal j WHERE j.sourceId = :id"
                + " AND j.sourceType = 'Contribution'").setParameter("id", wrong).getSingleResult());
        assertEquals(2L, journals, "the certification and its reversal are both kept");
    }

    @Test
    void theRecorderCannotCertifyTheirOwnEntryAndTheCertifierCanSendItBack() {
        long id = record(usd("250.00"), LocalDate.of(2026, 3, 1), Map.of());
        BusinessException own = assertThrows(BusinessException.class, () -> db.run(em -> {
            Contribution c = em.find(Contribution.class, id);
            new ContributionService(em, FixedCaller.of("fiona", Roles.CERTIFYING_OFFICER)).certify(id, c.getVersion());
        }));
        assertEquals("contribution.certify.ownEntry", own.messageKey());
        db.run(em -> {
            Contribution c = em.find(Contribution.class, id);
            new ContributionService(em, CERTIFIER).sendBack(id, c.getVersion(), "Amount differs from the bank statement");
        });
        Contribution returned = db.inTransaction(em -> em.find(Contribution.class, id));
        assertEquals(ContributionStatus.RETURNED, returned.getStatus());
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.CASH));
    }

    @Test
    void aContributionWithoutAPledgeOrToAnUnsignedPledgeIsRevenueWithoutAReceivable() {
        Pledge unsigned = eurPledgeOf3000();
        long loose = record(usd("100.00"), LocalDate.of(2026, 3, 1), Map.of());
        long toUnsigned = record(eur("500.00"), LocalDate.of(2026, 2, 20), Map.of(instalmentIds(unsigned.getId()).get(0), eur("500.00")));
        certify(loose);
        certify(toUnsigned);
        assertEquals(new BigDecimal("668.18"), balance(Account.CASH), "100.00 + 500 EUR at 0.88 (568.18)");
        assertEquals(new BigDecimal("-668.18"), balance(Account.CONTRIBUTION_REVENUE));
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.CONTRIBUTIONS_RECEIVABLE));
        assertEquals(PledgeStatus.PARTLY_PAID, status(unsigned.getId()));
    }

    @Test
    void oneUsdPaymentCoveringThreeInstalmentsLeavesNoRoundingCent() {
        Pledge pledge = create(usd("100.00"), List.of(
                line("2026-01-31", usd("33.33")), line("2026-02-28", usd("33.33")), line("2026-03-31", usd("33.34"))));
        signAgreement(pledge.getId(), LocalDate.of(2026, 1, 5), "STFA-USD-1");
        List<Long> inst = instalmentIds(pledge.getId());
        Map<Long, Money> all = new LinkedHashMap<>();
        all.put(inst.get(0), usd("33.33"));
        all.put(inst.get(1), usd("33.33"));
        all.put(inst.get(2), usd("33.34"));
        certify(record(usd("100.00"), LocalDate.of(2026, 1, 6), all));
        assertEquals(PledgeStatus.PAID, status(pledge.getId()));
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.CONTRIBUTIONS_RECEIVABLE));
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.REALIZED_EXCHANGE_GAIN_LOSS));
    }

    @Test
    void revisingAPledgeRewritesTheScheduleAndMovesTheReceivable() {
        Pledge pledge = eurPledgeOf3000();
        signAgreement(pledge.getId(), LocalDate.of(2026, 1, 10), "STFA-REV");
        List<Long> before = instalmentIds(pledge.getId());
        certify(record(eur("600.00"), LocalDate.of(2026, 2, 20), Map.of(before.get(0), eur("600.00"))));

        BusinessException belowPaid = assertThrows(BusinessException.class, () -> revise(pledge.getId(), eur("2000.00"),
                List.of(line("2026-01-31", eur("500.00")), line("2026-06-30", eur("1500.00"))), "Budget cut"));
        assertEquals("pledge.revise.belowPaid", belowPaid.messageKey());

        revise(pledge.getId(), eur("4000.00"), List.of(line("2026-01-31", eur("1000.00")), line("2026-02-28", eur("1000.00")),
                line("2026-03-31", eur("1000.00")), line("2026-12-31", eur("1000.00"))), "Donor added a fourth year");
        List<Long> after = instalmentIds(pledge.getId());
        assertEquals(4, after.size(), "rewritten to the new schedule, nothing appended twice");
        assertEquals(before, after.subList(0, 3), "existing instalments kept their identity and payments");
        Pledge revised = db.inTransaction(em -> new PledgeService(em, FINANCE).find(pledge.getId()));
        assertEquals(1, revised.getRevisions().size());
        assertEquals("Donor added a fourth year", revised.getRevisions().get(0).getReason());
        assertEquals(0, new BigDecimal("3400.0000").compareTo(
                db.inTransaction(em -> new Ledger(em).receivable(pledge.getId())).inCurrency()), "4,000 agreed − 600 received");
    }

    @Test
    void badInputIsRefusedWithTheRuleAndNothingIsSaved() {
        Pledge pledge = eurPledgeOf3000();
        long inst = instalmentIds(pledge.getId()).get(0);
        assertEquals("contribution.apply.exceedsInstalment", refused(() -> record(eur("1500.00"), LocalDate.of(2026, 2, 20),
                Map.of(inst, eur("1500.00")))));
        assertEquals("amount.notPositive", refused(() -> record(eur("0.00"), LocalDate.of(2026, 2, 20), Map.of())));
        assertEquals("amount.notPositive", refused(() -> record(eur("-5.00"), LocalDate.of(2026, 2, 20), Map.of())));
        assertEquals("contribution.receivedDate.future", refused(() -> record(eur("5.00"), LocalDate.now().plusDays(1), Map.of())));
        assertEquals("currency.notAccepted", refused(() -> record(Money.of("5.00", "GBP"), LocalDate.of(2026, 2, 20), Map.of())));
        BusinessException noRate = assertThrows(BusinessException.class,
                () -> record(Money.of("5.00", "CHF"), LocalDate.of(2026, 2, 20), Map.of()));
        assertEquals("rate.missing", noRate.messageKey());
        assertEquals(List.of("CHF", "2026-02-20"), List.of(noRate.arguments()), "names the missing rate");
        assertEquals("pledge.schedule.doesNotAddUp", refused(() -> create(eur("3000.00"),
                List.of(line("2026-01-31", eur("1000.00")), line("2026-02-28", eur("1000.00"))))));
        long contributions = db.inTransaction(em -> (Long) em.createQuery("SELECT COUNT(c) FROM Contribution c").getSingleResult());
        assertEquals(0L, contributions);
    }

    @Test
    void cashNotAppliedFromADonorWhoOwesIsHeldAsUnappliedReceiptsUntilAppliedInParts() {
        Pledge pledge = eurPledgeOf3000();
        signAgreement(pledge.getId(), LocalDate.of(2026, 1, 10), "STFA-HELD");
        List<Long> inst = instalmentIds(pledge.getId());
        long paid = record(eur("1000.00"), LocalDate.of(2026, 2, 20), Map.of());
        certify(paid);
        // 1,000 EUR at 0.88 = 1,136.36 USD, a liability: the agreement already made the 3,260.87 of revenue.
        assertEquals(new BigDecimal("1136.36"), balance(Account.CASH));
        assertEquals(new BigDecimal("-1136.36"), balance(Account.UNAPPLIED_RECEIPTS));
        assertEquals(new BigDecimal("-3260.87"), balance(Account.CONTRIBUTION_REVENUE), "not counted a second time");
        assertEquals(eur("1000.00"), held(paid));

        assertEquals("contribution.held.exceeds", refused(() -> applyHeld(paid, Map.of(inst.get(0), eur("1000.00"),
                inst.get(1), eur("0.01")))));
        long read = db.inTransaction(em -> em.find(Contribution.class, paid).getVersion());
        applyHeld(paid, Map.of(inst.get(0), eur("600.00")));
        assertEquals("record.changedByAnother", refused(() -> db.run(em -> new ContributionService(em, FINANCE)
                .applyHeld(paid, read, Map.of(inst.get(0), eur("100.00"))))), "the same form sent twice applies once");
        // 600/1,000 of 1,136.36 = 681.82 clears 600/3,000 of the 3,260.87 carried (652.17): 29.65 realized.
        assertEquals(new BigDecimal("-454.54"), balance(Account.UNAPPLIED_RECEIPTS));
        assertEquals(new BigDecimal("-29.65"), balance(Account.REALIZED_EXCHANGE_GAIN_LOSS));
        assertEquals(PledgeStatus.PARTLY_PAID, status(pledge.getId()));
        assertEquals(eur("400.00"), held(paid));

        applyHeld(paid, Map.of(inst.get(0), eur("400.00")));
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.UNAPPLIED_RECEIPTS), "the last part takes what is left");
        assertEquals(new BigDecimal("-49.41"), balance(Account.REALIZED_EXCHANGE_GAIN_LOSS), "1,136.36 less 1,086.95 carried");
        assertEquals(new BigDecimal("2173.92"), balance(Account.CONTRIBUTIONS_RECEIVABLE));
        assertEquals(eur("0.00"), held(paid));
        assertEquals("contribution.held.none", refused(() -> applyHeld(paid, Map.of(inst.get(1), eur("1.00")))));
        Contribution after = db.inTransaction(em -> {
            Contribution c = em.find(Contribution.class, paid);
            c.getApplications().size();
            return c;
        });
        assertEquals(2, after.getApplications().size(), "each later application is kept with who and when");
        assertTrue(after.getApplications().stream().allMatch(a -> "fiona".equals(a.getAppliedBy()) && a.getAppliedAt() != null));
    }

    @Test
    void heldReceiptsCannotPayAnotherDonorsOrAnotherFundsInstalment() {
        Pledge pledge = eurPledgeOf3000();
        signAgreement(pledge.getId(), LocalDate.of(2026, 1, 10), "STFA-OWN");
        Pledge others = db.inTransaction(em -> new PledgeService(em, FINANCE).create(new PledgeInput(fx.otherDonorId, fx.fundId,
                eur("100.00"), "Other", 2026, 2026, LocalDate.of(2026, 1, 5), List.of(line("2026-03-31", eur("100.00"))))));
        long paid = record(eur("500.00"), LocalDate.of(2026, 2, 20), Map.of());
        certify(paid);
        assertEquals("contribution.apply.otherDonor", refused(() -> applyHeld(paid,
                Map.of(instalmentIds(others.getId()).get(0), eur("100.00")))));
        long otherFund = db.inTransaction(em -> {
            org.trustfund.reference.Fund fund = new org.trustfund.reference.Fund("OTHER", "Another trust fund",
                    LocalDate.of(2006, 1, 1), new BigDecimal("0.13"), java.time.Instant.now(), "setup");
            em.persist(fund);
            em.flush();
            return fund.getId();
        });
        Pledge elsewhere = db.inTransaction(em -> new PledgeService(em, FINANCE).create(new PledgeInput(fx.donorId, otherFund,
                eur("100.00"), "Elsewhere", 2026, 2026, LocalDate.of(2026, 1, 5), List.of(line("2026-03-31", eur("100.00"))))));
        assertEquals("contribution.apply.otherFund", refused(() -> applyHeld(paid,
                Map.of(instalmentIds(elsewhere.getId()).get(0), eur("100.00")))));
        assertEquals(eur("500.00"), held(paid));
    }

    @Test
    void cashFromADonorWhoOwesNothingUnderAnAgreementIsRevenueAtOnce() {
        long paid = record(usd("500.00"), LocalDate.of(2026, 2, 20), Map.of());
        certify(paid);
        assertEquals(new BigDecimal("-500.00"), balance(Account.CONTRIBUTION_REVENUE));
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.UNAPPLIED_RECEIPTS));
        assertEquals(usd("0.00"), held(paid));
    }

    @Test
    void withoutApplicationsSaidTheContributionPaysTheOldestDueInstalmentsFirst() {
        Pledge pledge = eurPledgeOf3000();
        signAgreement(pledge.getId(), LocalDate.of(2026, 1, 10), "STFA-DEFAULT");
        List<Long> inst = instalmentIds(pledge.getId());
        long paid = record(eur("1500.00"), LocalDate.of(2026, 2, 20), null);
        Map<Long, Money> applied = db.inTransaction(em -> {
            Map<Long, Money> out = new LinkedHashMap<>();
            em.find(Contribution.class, paid).getApplications().forEach(a -> out.put(a.getInstalment().getId(), a.getAmount()));
            return out;
        });
        assertEquals(Map.of(inst.get(0), eur("1000.00"), inst.get(1), eur("500.00")), applied);
        certify(paid);
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.UNAPPLIED_RECEIPTS));
        assertEquals(PledgeStatus.PARTLY_PAID, status(pledge.getId()));
    }

    @Test
    void heldReceiptsBecomeASeparateGiftOnlyWhenASecondPersonApproves() {
        Pledge pledge = eurPledgeOf3000();
        signAgreement(pledge.getId(), LocalDate.of(2026, 1, 10), "STFA-GIFT");
        long paid = record(eur("1000.00"), LocalDate.of(2026, 2, 20), Map.of());
        certify(paid);
        long request = db.inTransaction(em -> new ContributionService(em, FINANCE).requestSeparateGift(paid,
                em.find(Contribution.class, paid).getVersion(), "Donor letter: a gift for the 2026 youth track").getId());
        assertEquals("approval.alreadyPending", refused(() -> db.run(em -> new ContributionService(em, FINANCE)
                .requestSeparateGift(paid, em.find(Contribution.class, paid).getVersion(), "Twice"))));
        assertEquals("approval.alreadyPending", refused(() -> db.run(em -> new ContributionService(em, FINANCE)
                .requestReversal(paid, em.find(Contribution.class, paid).getVersion(), "Meanwhile"))));
        assertEquals(new BigDecimal("-1136.36"), balance(Account.UNAPPLIED_RECEIPTS), "a request alone posts nothing");
        assertEquals("approval.ownRequest", refused(() -> db.run(em -> new ContributionService(em,
                FixedCaller.of("fiona", Roles.CERTIFYING_OFFICER)).approveSeparateGift(request, version(request)))));
        db.run(em -> new ContributionService(em, CERTIFIER).approveSeparateGift(request, version(request)));
        assertConsistent();
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.UNAPPLIED_RECEIPTS));
        assertEquals(new BigDecimal("-4397.23"), balance(Account.CONTRIBUTION_REVENUE), "3,260.87 agreed + 1,136.36 gift");
        assertEquals(new BigDecimal("3260.87"), balance(Account.CONTRIBUTIONS_RECEIVABLE), "the pledge is still owed");
        assertEquals("approval.decided", refused(() -> db.run(em -> new ContributionService(em, CERTIFIER)
                .approveSeparateGift(request, version(request)))));
    }

    @Test
    void reversingAContributionWhoseHeldReceiptsWereAppliedLaterUndoesEveryPosting() {
        Pledge pledge = eurPledgeOf3000();
        signAgreement(pledge.getId(), LocalDate.of(2026, 1, 10), "STFA-REV");
        Map<Account, BigDecimal> before = nonZero(balances());
        long paid = record(eur("1000.00"), LocalDate.of(2026, 2, 20), Map.of());
        certify(paid);
        applyHeld(paid, Map.of(instalmentIds(pledge.getId()).get(0), eur("700.00")));
        long request = db.inTransaction(em -> new ContributionService(em, FINANCE).requestReversal(paid,
                em.find(Contribution.class, paid).getVersion(), "Returned by the bank").getId());
        assertEquals(PledgeStatus.PARTLY_PAID, status(pledge.getId()));
        db.run(em -> new ContributionService(em, CERTIFIER).approveReversal(request, version(request)));
        assertConsistent();
        assertEquals(before, nonZero(balances()));
        assertEquals(PledgeStatus.AGREEMENT_SIGNED, status(pledge.getId()));
    }

    @Test
    void aRequestIsRejectedWithANoteOrWithdrawnByItsAuthorAndThenNothingHappens() {
        Pledge pledge = eurPledgeOf3000();
        signAgreement(pledge.getId(), LocalDate.of(2026, 1, 10), "STFA-REJ");
        long first = db.inTransaction(em -> new PledgeService(em, FINANCE).requestWriteOff(pledge.getId(),
                em.find(Pledge.class, pledge.getId()).getVersion(), LocalDate.of(2026, 6, 30), "Donor withdrew").getId());
        assertEquals("note", assertThrows(BusinessException.class, () -> db.run(em ->
                new org.trustfund.approval.ApprovalService(em, CERTIFIER).reject(first, version(first), " "))).field().orElse(null));
        assertEquals("approval.notYourRequest", refused(() -> db.run(em ->
                new org.trustfund.approval.ApprovalService(em, CERTIFIER).withdraw(first, version(first)))));
        db.run(em -> new org.trustfund.approval.ApprovalService(em, CERTIFIER).reject(first, version(first), "The donor confirmed on 1 July"));
        assertEquals("approval.decided", refused(() -> db.run(em -> new PledgeService(em, CERTIFIER).approveWriteOff(first, version(first)))));
        long second = db.inTransaction(em -> new PledgeService(em, FINANCE).requestWriteOff(pledge.getId(),
                em.find(Pledge.class, pledge.getId()).getVersion(), LocalDate.of(2026, 6, 30), "Asked again").getId());
        db.run(em -> new org.trustfund.approval.ApprovalService(em, FINANCE).withdraw(second, version(second)));
        assertEquals(PledgeStatus.AGREEMENT_SIGNED, status(pledge.getId()));
        assertEquals(new BigDecimal("3260.87"), balance(Account.CONTRIBUTIONS_RECEIVABLE));
        assertConsistent();
    }

    @Test
    void aSecondEditorWorkingFromAnOldVersionGetsAConflictNotAnOverwrite() {
        Pledge pledge = eurPledgeOf3000();
        long staleVersion = pledge.getVersion();
        signAgreement(pledge.getId(), LocalDate.of(2026, 1, 10), "STFA-FIRST");
        BusinessException conflict = assertThrows(ConcurrentChangeException.class, () -> db.run(em ->
                new PledgeService(em, FINANCE).requestWriteOff(pledge.getId(), staleVersion, LocalDate.of(2026, 3, 1), "Stale screen")));
        assertEquals("record.changedByAnother", conflict.messageKey());
        assertEquals(PledgeStatus.AGREEMENT_SIGNED, status(pledge.getId()));
    }

    @Test
    void writingOffTakesWhatIsStillOwedOutOfTheReceivables() {
        Pledge pledge = eurPledgeOf3000();
        signAgreement(pledge.getId(), LocalDate.of(2026, 1, 10), "STFA-WO");
        certify(record(eur("1000.00"), LocalDate.of(2026, 1, 20), Map.of(instalmentIds(pledge.getId()).get(0), eur("1000.00"))));
        writeOff(pledge.getId(), LocalDate.of(2026, 6, 30), "Donor withdrew");
        assertConsistent();
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.CONTRIBUTIONS_RECEIVABLE));
        assertEquals(new BigDecimal("2173.91"), balance(Account.PLEDGE_WRITE_OFFS), "two thirds of 3,260.87, as carried");
        assertEquals(PledgeStatus.WRITTEN_OFF, status(pledge.getId()));
    }

    @Test
    void aConditionalAgreementIsDeferredRevenueUntilItsConditionsAreMet() {
        Pledge pledge = eurPledgeOf3000();
        signConditionally(pledge.getId(), "Narrative report on the fellowships by 30 June");
        assertEquals(new BigDecimal("3260.87"), balance(Account.CONTRIBUTIONS_RECEIVABLE));
        assertEquals(new BigDecimal("-3260.87"), balance(Account.DEFERRED_REVENUE), "a liability until the conditions are met");
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.CONTRIBUTION_REVENUE));

        certify(record(eur("1000.00"), LocalDate.of(2026, 1, 20), Map.of(instalmentIds(pledge.getId()).get(0), eur("1000.00"))));
        assertEquals(new BigDecimal("-3260.87"), balance(Account.DEFERRED_REVENUE), "cash received does not meet the conditions");
        assertEquals("pledge.conditions.beforeAgreement", refused(() -> conditionsMet(pledge.getId(), LocalDate.of(2026, 1, 9))));

        conditionsMet(pledge.getId(), LocalDate.of(2026, 7, 1));
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.DEFERRED_REVENUE));
        assertEquals(new BigDecimal("-3260.87"), balance(Account.CONTRIBUTION_REVENUE), "recognized at the agreement's rate");
        assertEquals("pledge.conditions.noneOpen", refused(() -> conditionsMet(pledge.getId(), LocalDate.of(2026, 7, 2))));
        Pledge met = db.inTransaction(em -> em.find(Pledge.class, pledge.getId()));
        assertEquals(LocalDate.of(2026, 7, 1), met.getConditionsMetOn());
        assertEquals("Narrative report on the fellowships by 30 June", met.getAgreementConditions());
    }

    @Test
    void writingOffAConditionalPledgeReleasesItsDeferredRevenueInsteadOfAnExpense() {
        Pledge pledge = eurPledgeOf3000();
        signConditionally(pledge.getId(), "Matching funds from a second donor");
        writeOff(pledge.getId(), LocalDate.of(2026, 6, 30), "Matching funds never came");
        assertConsistent();
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.CONTRIBUTIONS_RECEIVABLE));
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.DEFERRED_REVENUE));
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.PLEDGE_WRITE_OFFS), "no revenue was ever recognized to write off");
    }

    @Test
    void theCheckFindsDeferredRevenueThatNoPendingConditionJustifies() {
        Pledge pledge = eurPledgeOf3000();
        signAgreement(pledge.getId(), LocalDate.of(2026, 1, 10), "STFA-NO-CONDITIONS");
        // A journal no service posts: deferred revenue on an agreement without conditions.
        db.run(em -> new Ledger(em).post(Journal.builder(JournalEvent.AGREEMENT_SIGNED, fx.fundId, fx.donorId,
                        LocalDate.of(2026, 1, 10), Pledge.SOURCE_TYPE, pledge.getId(), "stray deferral")
                .debit(Account.CONTRIBUTION_REVENUE, usd("100.00"))
                .credit(Account.DEFERRED_REVENUE, usd("100.00"), eur("92.00"), pledge.getId())
                .build(java.time.Instant.now(), "test")));
        LedgerCheckResult check = db.inTransaction(em -> new LedgerCheck(em).run());
        assertFalse(check.isConsistent(), "the journal balances, yet the books are not right");
        assertEquals(1, check.deferredRevenueMismatches().size(), check::toString);
        LedgerCheckResult.DeferredRevenueMismatch found = check.deferredRevenueMismatches().get(0);
        assertEquals(pledge.getId(), found.pledgeId());
        assertFalse(found.conditionsPending());
        assertEquals(0, new BigDecimal("92.00").compareTo(found.inLedger()), found::toString);
    }

    @Test
    void aDonorsPledgeSummariesShowWhatWasPaidAndWhatIsOverdue() {
        Pledge pledge = eurPledgeOf3000();
        signAgreement(pledge.getId(), LocalDate.of(2026, 1, 10), "STFA-SUMMARY");
        List<Long> inst = instalmentIds(pledge.getId());
        certify(record(eur("1500.00"), LocalDate.of(2026, 2, 20), Map.of(inst.get(0), eur("1000.00"), inst.get(1), eur("500.00"))));
        record(eur("700.00"), LocalDate.of(2026, 2, 21), Map.of(inst.get(1), eur("500.00"), inst.get(2), eur("200.00")));

        List<PledgeSummary> summaries = db.inTransaction(em -> new PledgeService(em, FINANCE).summariesForDonor(fx.donorId));
        assertEquals(1, summaries.size());
        PledgeSummary summary = summaries.get(0);
        assertEquals(eur("1500.00"), summary.paid(), "only the certified contribution counts");
        assertEquals(eur("1500.00"), summary.outstanding());
        // All three instalments fell due in the first quarter of 2026: what is unpaid of them is overdue.
        assertEquals(eur("1500.00"), summary.overdue());
        assertEquals(List.of(1, 2, 3), summary.pledge().getInstalments().stream().map(Instalment::getSeq).toList());
    }

    @Test
    void revaluationRestatesOpenReceivablesOnceAtTheReportingDateRate() {
        Pledge pledge = eurPledgeOf3000();
        signAgreement(pledge.getId(), LocalDate.of(2026, 1, 10), "STFA-FX");
        List<ReceivableRevaluation.Restatement> first = db.inTransaction(em ->
                new ReceivableRevaluation(em, FINANCE).revalue(fx.fundId, LocalDate.of(2026, 2, 28)));
        assertConsistent();
        // 3,000 EUR at 0.88 = 3,409.09 against 3,260.87 carried.
        assertEquals(1, first.size());
        assertEquals(new BigDecimal("3409.09"), balance(Account.CONTRIBUTIONS_RECEIVABLE));
        assertEquals(new BigDecimal("-148.22"), balance(Account.UNREALIZED_EXCHANGE_GAIN_LOSS));
        List<ReceivableRevaluation.Restatement> again = db.inTransaction(em ->
                new ReceivableRevaluation(em, FINANCE).revalue(fx.fundId, LocalDate.of(2026, 2, 28)));
        assertTrue(again.isEmpty(), "nothing to restate twice");

        // Paid in full at the same rate afterwards: no realized difference remains.
        List<Long> inst = instalmentIds(pledge.getId());
        Map<Long, Money> all = new LinkedHashMap<>();
        inst.forEach(i -> all.put(i, eur("1000.00")));
        certify(record(eur("3000.00"), LocalDate.of(2026, 2, 28), all));
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.REALIZED_EXCHANGE_GAIN_LOSS));
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.CONTRIBUTIONS_RECEIVABLE));
    }

    @Test
    void suggestsTheOldestOpenInstalmentsFirst() {
        Pledge pledge = eurPledgeOf3000();
        List<SuggestedApplication> suggested = db.inTransaction(em ->
                new ContributionService(em, FINANCE).suggestApplications(fx.donorId, fx.fundId, eur("1500.00")));
        assertEquals(List.of(eur("1000.00"), eur("500.00"), eur("0.00")),
                suggested.stream().map(SuggestedApplication::suggested).toList());
        assertEquals(List.of(1, 2, 3), suggested.stream().map(SuggestedApplication::seq).toList());
        assertTrue(db.inTransaction(em -> new ContributionService(em, FINANCE)
                .suggestApplications(fx.donorId, fx.fundId, usd("10.00"))).isEmpty(), "a USD payment cannot pay a EUR pledge");
        assertEquals(pledge.getId(), suggested.get(0).pledgeId());
    }

    // ---------------------------------------------------------------------------------------------------

    private Pledge eurPledgeOf3000() {
        return create(eur("3000.00"), List.of(line("2026-01-31", eur("1000.00")), line("2026-02-28", eur("1000.00")),
                line("2026-03-31", eur("1000.00"))));
    }

    private Pledge create(Money amount, List<ScheduleLine> schedule) {
        Pledge p = db.inTransaction(em -> new PledgeService(em, FINANCE).create(new PledgeInput(fx.donorId, fx.fundId, amount,
                "Fellowships", 2026, 2026, LocalDate.of(2026, 1, 5), schedule)));
        assertConsistent();
        return p;
    }

    private void signAgreement(long pledgeId, LocalDate date, String reference) {
        db.run(em -> {
            Pledge p = em.find(Pledge.class, pledgeId);
            new PledgeService(em, FINANCE).signAgreement(pledgeId, p.getVersion(), date, reference);
        });
        assertConsistent();
    }

    private void signConditionally(long pledgeId, String conditions) {
        db.run(em -> {
            Pledge p = em.find(Pledge.class, pledgeId);
            new PledgeService(em, FINANCE).signAgreement(pledgeId, p.getVersion(), LocalDate.of(2026, 1, 10), "STFA-COND", conditions);
        });
        assertConsistent();
    }

    private void conditionsMet(long pledgeId, LocalDate on) {
        db.run(em -> {
            Pledge p = em.find(Pledge.class, pledgeId);
            new PledgeService(em, FINANCE).recordConditionsMet(pledgeId, p.getVersion(), on);
        });
        assertConsistent();
    }

    private void revise(long pledgeId, Money amount, List<ScheduleLine> schedule, String reason) {
        db.run(em -> {
            Pledge p = em.find(Pledge.class, pledgeId);
            new PledgeService(em, FINANCE).revise(pledgeId, p.getVersion(), amount, schedule, reason);
        });
        assertConsistent();
    }

    private long record(Money amount, LocalDate received, Map<Long, Money> applications) {
        long id = db.inTransaction(em -> new ContributionService(em, FINANCE).record(new ContributionInput(fx.donorId,
                fx.fundId, received, amount, "BANK-" + System.nanoTime(), applications)).getId());
        assertConsistent();
        return id;
    }

    private void certify(long id) {
        db.run(em -> {
            Contribution c = em.find(Contribution.class, id);
            new ContributionService(em, CERTIFIER).certify(id, c.getVersion());
        });
        assertConsistent();
    }

    private List<Long> instalmentIds(long pledgeId) {
        return db.inTransaction(em -> {
            List<Long> ids = new ArrayList<>();
            for (Instalment i : em.find(Pledge.class, pledgeId).getInstalments()) {
                ids.add(i.getId());
            }
            return ids;
        });
    }

    private PledgeStatus status(long pledgeId) {
        return db.inTransaction(em -> em.find(Pledge.class, pledgeId).getStatus());
    }

    private Map<Account, BigDecimal> balances() {
        return db.inTransaction(em -> new Ledger(em).balances(fx.fundId, LocalDate.of(2100, 1, 1)));
    }

    private static Map<Account, BigDecimal> nonZero(Map<Account, BigDecimal> balances) {
        Map<Account, BigDecimal> out = new LinkedHashMap<>(balances);
        out.values().removeIf(v -> v.signum() == 0);
        return out;
    }

    private BigDecimal balance(Account account) {
        return balances().getOrDefault(account, BigDecimal.ZERO).setScale(2);
    }

    private void assertConsistent() {
        LedgerCheckResult check = db.inTransaction(em -> new LedgerCheck(em).run());
        assertTrue(check.isConsistent(), () -> "ledger check failed: " + check);
    }

    private String refused(Runnable action) {
        return assertThrows(BusinessException.class, action::run).messageKey();
    }

    private static ScheduleLine line(String due, Money amount) {
        return new ScheduleLine(LocalDate.parse(due), amount);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    /** A write-off asked for by the finance officer and approved by the certifier: nothing moves in between. */
    private void writeOff(long pledgeId, LocalDate on, String reason) {
        long request = db.inTransaction(em -> new PledgeService(em, FINANCE).requestWriteOff(pledgeId,
                em.find(Pledge.class, pledgeId).getVersion(), on, reason).getId());
        assertNotEquals(PledgeStatus.WRITTEN_OFF, status(pledgeId), "a request alone changes nothing");
        db.run(em -> new PledgeService(em, CERTIFIER).approveWriteOff(request, version(request)));
    }

    private void applyHeld(long contributionId, Map<Long, Money> amounts) {
        db.run(em -> new ContributionService(em, FINANCE).applyHeld(contributionId,
                em.find(Contribution.class, contributionId).getVersion(), amounts));
        assertConsistent();
    }

    private Money held(long contributionId) {
        return db.inTransaction(em -> em.find(Contribution.class, contributionId).heldUnapplied());
    }

    private long version(long requestId) {
        return db.inTransaction(em -> em.find(org.trustfund.approval.ApprovalRequest.class, requestId).getVersion());
    }
}
