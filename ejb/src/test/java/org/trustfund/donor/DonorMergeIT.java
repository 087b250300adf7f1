package org.trustfund.donor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustfund.audit.AuditEntry;
import org.trustfund.contribution.Contribution;
import org.trustfund.contribution.ContributionInput;
import org.trustfund.contribution.ContributionService;
import org.trustfund.ledger.FundFigures;
import org.trustfund.ledger.LedgerCheck;
import org.trustfund.ledger.LedgerCheckResult;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.pledge.Pledge;
import org.trustfund.pledge.PledgeInput;
import org.trustfund.pledge.PledgeService;
import org.trustfund.pledge.ScheduleLine;
import org.trustfund.security.Role;
import org.trustfund.security.Roles;
import org.trustfund.security.UserAccount;
import org.trustfund.testing.FixedCaller;
import org.trustfund.testing.FundFixture;
import org.trustfund.testing.TestDatabase;

/** A donor recorded twice: found before a second is recorded, and merged by an administrator without loss. */
class DonorMergeIT {

    private static final FixedCaller FINANCE = FixedCaller.of("fiona", Roles.FINANCE_OFFICER);
    private static final FixedCaller CERTIFIER = FixedCaller.of("carl", Roles.CERTIFYING_OFFICER);
    private static final FixedCaller ADMIN = FixedCaller.of("ada", Roles.ADMIN);

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
    void aDonorOfTheSameNormalisedNameAndCountryIsRefusedUntilConfirmed() {
        // The fixture holds "Fictional Ministry of Digital Affairs" in CH.
        DonorDetails same = details("  FICTIONAL ministry of digital affairs. ", "CH");
        DuplicateDonorException duplicate = assertThrows(DuplicateDonorException.class,
                () -> db.inTransaction(em -> new DonorService(em, FINANCE).create(same)));
        assertEquals(fx.donorId, duplicate.existingId());
        assertEquals("name", duplicate.field().orElseThrow());
        assertEquals(2L, donorCount(), "nothing recorded");

        long elsewhere = db.inTransaction(em -> new DonorService(em, FINANCE).create(details("Fictional Ministry of Digital Affairs", "FR"))).getId();
        assertNotEquals(fx.donorId, elsewhere, "another country is another donor");
        long confirmed = db.inTransaction(em -> new DonorService(em, FINANCE).create(same, true)).getId();
        assertNotEquals(fx.donorId, confirmed);
        assertEquals(4L, donorCount());
    }

    @Test
    void mergingMovesEveryRecordKeepsTheLedgerAndRefusesNewRecordsForTheMergedDonor() {
        // The other donor pays a signed pledge in part; a donor user is linked to it.
        Pledge pledge = db.inTransaction(em -> new PledgeService(em, FINANCE).create(new PledgeInput(fx.otherDonorId,
                fx.fundId, usd("1000.00"), "Fellowships", 2026, 2026, LocalDate.of(2026, 1, 5),
                List.of(new ScheduleLine(LocalDate.of(2026, 3, 31), usd("1000.00"))))));
        db.run(em -> new PledgeService(em, FINANCE).signAgreement(pledge.getId(),
                em.find(Pledge.class, pledge.getId()).getVersion(), LocalDate.of(2026, 1, 10), "STFA-MERGE"));
        long instalment = db.inTransaction(em -> em.find(Pledge.class, pledge.getId()).getInstalments().get(0).getId());
        long contribution = db.inTransaction(em -> new ContributionService(em, FINANCE).record(new ContributionInput(
                fx.otherDonorId, fx.fundId, LocalDate.of(2026, 2, 1), usd("400.00"), "BANK-MERGE",
                Map.of(instalment, usd("400.00")))).getId());
        db.run(em -> new ContributionService(em, CERTIFIER).certify(contribution,
                em.find(Contribution.class, contribution).getVersion()));
        long user = db.inTransaction(em -> {
            UserAccount u = new UserAccount("otherdonor", "Other donor", "x", Set.of(Role.DONOR), false, Instant.now(), "setup");
            u.linkToDonor(fx.otherDonorId);
            em.persist(u);
            em.flush();
            return u.getId();
        });
        long stampBefore = db.inTransaction(em -> em.find(UserAccount.class, user).getSecurityStamp());
        Map<StakeholderGroup, BigDecimal> revenueBefore = db.inTransaction(em -> new FundFigures(em).revenueByGroup(fx.fundId, 2026));
        BigDecimal totalBefore = revenueBefore.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);

        DonorMerge merge = db.inTransaction(em -> new DonorService(em, ADMIN).merge(fx.donorId, fx.otherDonorId,
                "Recorded twice under two names"));

        assertEquals(List.of(pledge.getId()), merge.pledges());
        assertEquals(List.of(contribution), merge.contributions());
        assertEquals(List.of(user), merge.donorUsers());
        db.run(em -> {
            assertEquals(fx.donorId, em.find(Pledge.class, pledge.getId()).getDonor().getId());
            assertEquals(fx.donorId, em.find(Contribution.class, contribution).getDonor().getId());
            UserAccount u = em.find(UserAccount.class, user);
            assertEquals(fx.donorId, u.getDonorId());
            assertTrue(u.getSecurityStamp() > stampBefore, "the donor user's sessions end");
            Donor merged = em.find(Donor.class, fx.otherDonorId);
            assertTrue(merged.isMerged(), "kept, marked merged");
            assertEquals(fx.donorId, merged.getMergedInto().getId());
            assertEquals("ada", merged.getMergedBy());
            long journalsOfMerged = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM journal WHERE donor_id = ?")
                    .setParameter(1, fx.otherDonorId).getSingleResult()).longValue();
            assertTrue(journalsOfMerged >= 2, "the append-only ledger keeps the donor it posted for");
        });
        LedgerCheckResult check = db.inTransaction(em -> new LedgerCheck(em).run());
        assertTrue(check.isConsistent(), () -> "ledger check after the merge: " + check);
        Map<StakeholderGroup, BigDecimal> revenueAfter = db.inTransaction(em -> new FundFigures(em).revenueByGroup(fx.fundId, 2026));
        assertEquals(0, totalBefore.compareTo(revenueAfter.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)),
                "the fund's revenue is the same");
        assertEquals(0, revenueAfter.get(StakeholderGroup.PRIVATE_SECTOR).signum(), "the merged donor's group no longer counts");
        assertEquals(0, new BigDecimal("1000.00").compareTo(revenueAfter.get(StakeholderGroup.GOVERNMENT)),
                "its revenue counts under the kept donor's group");

        List<AuditEntry> audit = db.inTransaction(em -> em.createQuery("SELECT a FROM AuditEntry a WHERE a.entityType = 'Donor'"
                + " AND a.entityId = :id", AuditEntry.class).setParameter("id", String.valueOf(fx.otherDonorId)).getResultList());
        assertTrue(audit.stream().anyMatch(a -> a.getDetails().contains("Recorded twice") && a.getDetails().contains("pledges")
                && a.getDetails().contains(String.valueOf(pledge.getId()))), () -> "audited with what moved: " + audit);

        BusinessException refused = assertThrows(BusinessException.class, () -> db.inTransaction(em ->
                new PledgeService(em, FINANCE).create(new PledgeInput(fx.otherDonorId, fx.fundId, usd("10.00"), "x", 2026,
                        2026, LocalDate.of(2026, 1, 5), List.of(new ScheduleLine(LocalDate.of(2026, 3, 31), usd("10.00")))))));
        assertEquals("donor.merged", refused.messageKey());
        assertEquals("donor.merged", assertThrows(BusinessException.class, () -> db.inTransaction(em ->
                new ContributionService(em, FINANCE).record(new ContributionInput(fx.otherDonorId, fx.fundId,
                        LocalDate.of(2026, 2, 1), usd("5.00"), "BANK-LATE", Map.of())))).messageKey());
        assertEquals("donor.merge.same", assertThrows(BusinessException.class, () -> db.inTransaction(em ->
                new DonorService(em, ADMIN).merge(fx.donorId, fx.donorId, "same"))).messageKey());
        assertEquals("donor.merged", assertThrows(BusinessException.class, () -> db.inTransaction(em ->
                new DonorService(em, ADMIN).merge(fx.donorId, fx.otherDonorId, "again"))).messageKey(),
                "a merge is done once");
    }

    @Test
    void mergingTheKeptDonorLaterRepointsTheDonorsMergedIntoIt() {
        long third = db.inTransaction(em -> new DonorService(em, FINANCE).create(details("Fictional Third Donor", "FR"))).getId();
        db.run(em -> new DonorService(em, ADMIN).merge(fx.otherDonorId, fx.donorId, "one"));
        DonorMerge second = db.inTransaction(em -> new DonorService(em, ADMIN).merge(third, fx.otherDonorId, "two"));
        assertEquals(List.of(fx.donorId), second.mergedDonors());
        assertEquals(third, (long) db.inTransaction(em -> em.find(Donor.class, fx.donorId).getMergedInto().getId()),
                "one level: reports follow a single link");
    }

    private long donorCount() {
        return db.inTransaction(em -> em.createQuery("SELECT COUNT(d) FROM Donor d", Long.class).getSingleResult());
    }

    private static DonorDetails details(String name, String country) {
        return new DonorDetails(name, StakeholderGroup.GOVERNMENT, country, null, null, true, "en");
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }
}
