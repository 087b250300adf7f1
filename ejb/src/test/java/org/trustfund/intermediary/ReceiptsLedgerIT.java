package org.trustfund.intermediary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustfund.donor.DonorDetails;
import org.trustfund.donor.StakeholderGroup;
import org.trustfund.inkind.InKindCategory;
import org.trustfund.inkind.InKindContribution;
import org.trustfund.inkind.InKindInput;
import org.trustfund.inkind.InKindNature;
import org.trustfund.inkind.InKindService;
import org.trustfund.inkind.ValuationBasis;
import org.trustfund.ledger.Account;
import org.trustfund.ledger.Ledger;
import org.trustfund.ledger.LedgerCheck;
import org.trustfund.ledger.LedgerCheckResult;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.InvalidFieldsException;
import org.trustfund.receipt.ReceiptStatus;
import org.trustfund.security.Roles;
import org.trustfund.testing.FixedCaller;
import org.trustfund.testing.FundFixture;
import org.trustfund.testing.TestDatabase;

/**
 * In-kind contributions and intermediary transfers on the real database, the ledger checked after each step: goods
 * post revenue and the matching expense, services post nothing, a transfer posts its net only, and the gifts it
 * passes on are never counted as income.
 */
class ReceiptsLedgerIT {

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
    void goodsInKindPostRevenueAndTheMatchingExpenseAtTheRateOfTheFirstDay() {
        // 9,200 EUR at 0.92 per USD (January 2026) = 10,000.00 USD.
        long id = recordInKind(InKindNature.GOODS, Money.of("9200.00", "EUR"), LocalDate.of(2026, 1, 20));
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.IN_KIND_REVENUE), "recording alone posts nothing");
        db.run(em -> new InKindService(em, CERTIFIER).certify(id, version(InKindContribution.class, id)));
        assertEquals(new BigDecimal("-10000.00"), balance(Account.IN_KIND_REVENUE));
        assertEquals(new BigDecimal("10000.00"), balance(Account.IN_KIND_EXPENSE));
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.CASH), "an in-kind gift never touches cash");
        assertConsistent();
    }

    @Test
    void servicesInKindAreCertifiedButNeverPosted() {
        long id = recordInKind(InKindNature.SERVICES, Money.of("5000.00", "USD"), LocalDate.of(2026, 3, 2));
        InKindContribution certified = db.inTransaction(em -> new InKindService(em, CERTIFIER)
                .certify(id, version(InKindContribution.class, id)));
        assertEquals(ReceiptStatus.CERTIFIED, certified.getStatus());
        assertTrue(balances().values().stream().allMatch(b -> b.signum() == 0), "nothing posted: " + balances());
    }

    @Test
    void servicesMarkedAsRecognizedAndAMissingValuationBasisAreRefusedTogether() {
        InKindInput bad = new InKindInput(fx.donorId, fx.fundId, LocalDate.of(2026, 3, 2), null, null, "Interpretation",
                InKindCategory.INTERPRETATION_AND_TRANSLATION, InKindNature.SERVICES, true, Money.of("10.00", "USD"), null,
                null, null);
        InvalidFieldsException e = assertThrows(InvalidFieldsException.class,
                () -> db.run(em -> new InKindService(em, FINANCE).record(bad)));
        assertEquals(List.of("inKind.services.recognized", "inKind.basis.required"),
                e.errors().stream().map(BusinessException::messageKey).toList());
        assertEquals(0L, count("SELECT COUNT(*) FROM in_kind_contribution"), "nothing saved");
    }

    @Test
    void theRecorderCannotCertifyAndAReversalNeedsASecondPerson() {
        long id = recordInKind(InKindNature.GOODS, Money.of("1000.00", "USD"), LocalDate.of(2026, 3, 2));
        assertEquals("receipt.certify.ownEntry", refused(() -> db.run(em -> new InKindService(em,
                FixedCaller.of("fiona", Roles.CERTIFYING_OFFICER)).certify(id, version(InKindContribution.class, id)))));
        db.run(em -> new InKindService(em, CERTIFIER).certify(id, version(InKindContribution.class, id)));
        long request = db.inTransaction(em -> new InKindService(em, FINANCE).requestReversal(id,
                version(InKindContribution.class, id), "Valued twice").getId());
        db.run(em -> new InKindService(em, CERTIFIER).approveReversal(request,
                version(org.trustfund.approval.ApprovalRequest.class, request)));
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.IN_KIND_REVENUE));
        assertEquals(2L, count("SELECT COUNT(*) FROM journal WHERE source_type = 'InKind'"), "both journals kept");
        assertConsistent();
    }

    @Test
    void aTransferIsIncomeAtItsNetAndItsGiftsAreNeverCountedAgain() {
        long intermediary = tides();
        // Gross 10,000 EUR from five gifts, 300 EUR fees, 9,700 EUR received at 0.88 per USD.
        long id = db.inTransaction(em -> new IntermediaryService(em, FINANCE).recordTransfer(transfer(intermediary,
                "10000.00", "300.00", "9700.00", fiveGifts())).getId());
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.CASH), "pending gifts are not income");
        db.run(em -> new IntermediaryService(em, CERTIFIER).certify(id, version(IntermediaryTransfer.class, id)));
        assertEquals(new BigDecimal("11022.73"), balance(Account.CASH), "9,700 EUR / 0.88");
        assertEquals(new BigDecimal("-11022.73"), balance(Account.CONTRIBUTION_REVENUE), "the net, not the gross");
        assertConsistent();
        IntermediaryTransfer t = db.inTransaction(em -> new IntermediaryService(em, CERTIFIER).findTransfer(id));
        assertEquals(new BigDecimal("11363.64"), t.getUsdGross());
        assertEquals(new BigDecimal("340.91"), t.getUsdFees(), "gross − net in dollars, so the note adds up");
        BigDecimal giftsUsd = t.getGifts().stream().map(TransferGift::getUsdAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(t.getUsdGross(), giftsUsd, "the gifts' dollar shares add up to the gross to the cent");
        TransferGift anonymous = t.getGifts().stream().filter(TransferGift::isAnonymous).findFirst().orElseThrow();
        assertNull(anonymous.getGiverName());
        assertNull(anonymous.publicName());
        assertEquals(1L, count("SELECT COUNT(*) FROM journal WHERE source_type = 'Transfer'"), "one posting, the net");
    }

    @Test
    void aTransferThatDoesNotReconcileCannotBeCertifiedAndSaysByHowMuch() {
        long intermediary = tides();
        List<GiftInput> gifts = fiveGifts();
        gifts.remove(4);
        long id = db.inTransaction(em -> new IntermediaryService(em, FINANCE).recordTransfer(transfer(intermediary,
                "10000.00", "300.00", "9600.00", gifts)).getId());
        BusinessException e = assertThrows(BusinessException.class, () -> db.run(em -> new IntermediaryService(em,
                CERTIFIER).certify(id, version(IntermediaryTransfer.class, id))));
        assertEquals("transfer.certify.notReconciled", e.messageKey());
        assertEquals(Money.of("100.00", "EUR").toString(), e.arguments()[0], "gross − fees − net");
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.CASH));
    }

    @Test
    void feesAboveTheGrossAndNegativeGiftsAreRefusedAtTheirFields() {
        long intermediary = tides();
        List<GiftInput> gifts = new ArrayList<>(fiveGifts());
        gifts.set(1, new GiftInput("Example Company", GiverKind.COMPANY, false, true, new BigDecimal("-5"), null, null));
        InvalidFieldsException e = assertThrows(InvalidFieldsException.class, () -> db.run(em ->
                new IntermediaryService(em, FINANCE).recordTransfer(transfer(intermediary, "100.00", "150.00", null, gifts))));
        assertEquals(List.of("fees", "gifts"), e.errors().stream().map(x -> x.field().orElse("")).toList());
        assertEquals(List.of("transfer.fees.aboveGross", "transfer.gift.amountNotPositive"),
                e.errors().stream().map(BusinessException::messageKey).toList());
        assertEquals(2, e.errors().get(1).arguments()[0], "the gift's row");
        assertEquals(0L, count("SELECT COUNT(*) FROM intermediary_transfer"));
    }

    @Test
    void nothingIsCertifiedIntoAClosedYearAndNothingIsRecordedInIt() throws Exception {
        long goods = recordInKind(InKindNature.GOODS, Money.of("1000.00", "USD"), LocalDate.of(2026, 3, 2));
        long services = recordInKind(InKindNature.SERVICES, Money.of("1000.00", "USD"), LocalDate.of(2026, 3, 3));
        long transfer = db.inTransaction(em -> new IntermediaryService(em, FINANCE).recordTransfer(transfer(tides(),
                "10000.00", "300.00", "9700.00", fiveGifts())).getId());
        db.sql("INSERT INTO fund_year (fund_id, year, status, closed_by, closed_at) VALUES (" + fx.fundId
                + ", 2026, 'CLOSED', 'carl', UTC_TIMESTAMP(6))");
        assertEquals("period.closed", refused(() -> db.run(em -> new InKindService(em, CERTIFIER)
                .certify(goods, version(InKindContribution.class, goods)))));
        assertEquals("period.closed", refused(() -> db.run(em -> new InKindService(em, CERTIFIER)
                .certify(services, version(InKindContribution.class, services)))), "not even a disclosure changes");
        assertEquals("period.closed", refused(() -> db.run(em -> new IntermediaryService(em, CERTIFIER)
                .certify(transfer, version(IntermediaryTransfer.class, transfer)))));
        assertEquals("period.closed", refused(() -> recordInKind(InKindNature.GOODS, Money.of("1.00", "USD"),
                LocalDate.of(2026, 5, 1))));
        assertEquals(0L, count("SELECT COUNT(*) FROM journal"));
        assertEquals(0L, count("SELECT COUNT(*) FROM in_kind_contribution WHERE status <> 'RECORDED'"));
    }

    @Test
    void aSecondCertificationWithTheSameVersionIsAConcurrentChangeNotASecondPosting() {
        long id = recordInKind(InKindNature.GOODS, Money.of("1000.00", "USD"), LocalDate.of(2026, 3, 2));
        long read = version(InKindContribution.class, id);
        db.run(em -> new InKindService(em, CERTIFIER).certify(id, read));
        assertThrows(org.trustfund.platform.ConcurrentChangeException.class,
                () -> db.run(em -> new InKindService(em, FixedCaller.of("cleo", Roles.CERTIFYING_OFFICER)).certify(id, read)));
        assertEquals(1L, count("SELECT COUNT(*) FROM journal WHERE source_type = 'InKind'"));
    }

    @Test
    void aRateFromAnEarlierMonthNeedsAReasonAndKeepsIt() throws Exception {
        db.sql("DELETE FROM exchange_rate WHERE currency = 'EUR' AND effective_date >= '2026-03-01'");
        InKindInput stale = new InKindInput(fx.donorId, fx.fundId, LocalDate.of(2026, 3, 5), null, null, "Laptops",
                InKindCategory.EQUIPMENT_AND_CONNECTIVITY, InKindNature.GOODS, null, Money.of("880.00", "EUR"),
                ValuationBasis.INVOICE, null, null);
        assertEquals("rate.stale", refused(() -> db.run(em -> new InKindService(em, FINANCE).record(stale))));
        InKindContribution kept = db.inTransaction(em -> new InKindService(em, FINANCE).record(new InKindInput(
                stale.donorId(), stale.fundId(), stale.startDate(), null, null, stale.description(), stale.category(),
                stale.nature(), null, stale.fairValue(), stale.valuationBasis(), null, "March table not published yet")));
        assertEquals("March table not published yet", kept.getStaleRateReason());
        assertEquals(new BigDecimal("1000.00"), kept.getUsdAmount(), "880 EUR at February's 0.88");
    }

    @Test
    void aCertifiedTransferIsReversedOnlyWithASecondPersonAndItsGiftsStay() {
        long id = db.inTransaction(em -> new IntermediaryService(em, FINANCE).recordTransfer(transfer(tides(),
                "10000.00", "300.00", "9700.00", fiveGifts())).getId());
        db.run(em -> new IntermediaryService(em, CERTIFIER).certify(id, version(IntermediaryTransfer.class, id)));
        long request = db.inTransaction(em -> new IntermediaryService(em, CERTIFIER).requestReversal(id,
                version(IntermediaryTransfer.class, id), "Credited to the wrong fund").getId());
        assertEquals("approval.ownRequest", refused(() -> db.run(em -> new IntermediaryService(em, CERTIFIER)
                .approveReversal(request, version(org.trustfund.approval.ApprovalRequest.class, request)))));
        db.run(em -> new IntermediaryService(em, FixedCaller.of("cleo", Roles.CERTIFYING_OFFICER))
                .approveReversal(request, version(org.trustfund.approval.ApprovalRequest.class, request)));
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.CASH));
        assertEquals(BigDecimal.ZERO.setScale(2), balance(Account.CONTRIBUTION_REVENUE));
        assertEquals(5L, count("SELECT COUNT(*) FROM transfer_gift WHERE transfer_id = " + id), "kept with the reversed transfer");
        assertConsistent();
    }

    @Test
    void aTransferNotYetReceivedHoldsItsGiftsAsPendingAndCannotBeCertified() {
        long id = db.inTransaction(em -> new IntermediaryService(em, FINANCE).recordTransfer(transfer(tides(),
                "10000.00", "300.00", null, fiveGifts())).getId());
        IntermediaryTransfer pending = db.inTransaction(em -> new IntermediaryService(em, CERTIFIER).findTransfer(id));
        assertTrue(pending.isPending());
        assertNull(pending.usdValue(), "no dollars before the money arrived");
        assertEquals("transfer.certify.notReceived", refused(() -> db.run(em -> new IntermediaryService(em, CERTIFIER)
                .certify(id, version(IntermediaryTransfer.class, id)))));
        assertEquals(1L, (long) db.<Long>inTransaction(em -> new org.trustfund.worklist.WorkList(em, CERTIFIER).otherReceiptsAwaitingCount()),
                "the certifier sees it waiting");
        assertEquals(0L, (long) db.<Long>inTransaction(em -> new org.trustfund.worklist.WorkList(em, FixedCaller.of("fiona",
                Roles.CERTIFYING_OFFICER)).otherReceiptsAwaitingCount()), "never one's own entry");
    }

    @Test
    void aMergedDonorsInKindSupportAndGiftCreditsMoveToTheDonorKept() {
        long gift = recordInKind(InKindNature.SERVICES, Money.of("700.00", "USD"), LocalDate.of(2026, 3, 2));
        List<GiftInput> gifts = fiveGifts();
        gifts.set(0, new GiftInput("Ada Example", GiverKind.PERSON, false, true, new BigDecimal("2500.00"), null, fx.donorId));
        long transfer = db.inTransaction(em -> new IntermediaryService(em, FINANCE).recordTransfer(transfer(tides(),
                "10000.00", "300.00", "9700.00", gifts)).getId());
        db.run(em -> new org.trustfund.donor.DonorService(em, FixedCaller.of("ada", Roles.ADMIN))
                .merge(fx.otherDonorId, fx.donorId, "Recorded twice"));
        assertEquals(fx.otherDonorId, count("SELECT donor_id FROM in_kind_contribution WHERE id = " + gift));
        assertEquals(fx.otherDonorId, count("SELECT giver_donor_id FROM transfer_gift WHERE transfer_id = " + transfer
                + " AND seq = 1"));
    }

    private long tides() {
        return db.inTransaction(em -> new IntermediaryService(em, FINANCE).register(new IntermediaryInput(null,
                new DonorDetails("Fictional Tides Foundation", StakeholderGroup.CIVIL_SOCIETY, "US", "Grants desk",
                        "grants@example.org", true, "en"), "3 % overhead plus card fees"), false).getId());
    }

    private TransferInput transfer(long intermediary, String gross, String fees, String net, List<GiftInput> gifts) {
        return new TransferInput(intermediary, fx.fundId, "EUR", new BigDecimal(gross), new BigDecimal(fees),
                net == null ? null : new BigDecimal(net), net == null ? null : LocalDate.of(2026, 3, 10),
                net == null ? null : "TIDES-2026-03", "Statement 2026-Q1", gifts, null);
    }

    private static List<GiftInput> fiveGifts() {
        return new ArrayList<>(List.of(
                new GiftInput("Ada Example", GiverKind.PERSON, false, true, new BigDecimal("2500.00"), LocalDate.of(2026, 1, 5), null),
                new GiftInput("Example Networks Inc.", GiverKind.COMPANY, false, true, new BigDecimal("4000.00"), LocalDate.of(2026, 1, 9), null),
                new GiftInput(null, GiverKind.PERSON, true, false, new BigDecimal("1000.00"), LocalDate.of(2026, 2, 1), null),
                new GiftInput("Private Person", GiverKind.PERSON, false, false, new BigDecimal("1500.00"), LocalDate.of(2026, 2, 2), null),
                new GiftInput("Example Family Foundation", GiverKind.FOUNDATION, false, true, new BigDecimal("1000.00"), LocalDate.of(2026, 2, 3), null)));
    }

    private long recordInKind(InKindNature nature, Money value, LocalDate on) {
        return db.inTransaction(em -> new InKindService(em, FINANCE).record(new InKindInput(fx.donorId, fx.fundId, on,
                on.plusDays(3), "IGF 2026", "Conference centre for four days", InKindCategory.VENUE_AND_PREMISES, nature,
                null, value, ValuationBasis.MARKET_RATE, "Host country agreement annex B", null)).getId());
    }

    private <T> long version(Class<T> type, long id) {
        return db.inTransaction(em -> {
            Object e = em.find(type, id);
            if (e instanceof InKindContribution g) {
                return g.getVersion();
            }
            if (e instanceof IntermediaryTransfer t) {
                return t.getVersion();
            }
            return ((org.trustfund.approval.ApprovalRequest) e).getVersion();
        });
    }

    private long count(String sql) {
        return db.inTransaction(em -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private Map<Account, BigDecimal> balances() {
        return db.inTransaction(em -> new Ledger(em).balances(fx.fundId, LocalDate.of(2100, 1, 1)));
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
}
