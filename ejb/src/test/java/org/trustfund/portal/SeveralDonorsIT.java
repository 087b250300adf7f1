package org.trustfund.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustfund.acknowledgement.Acknowledgement;
import org.trustfund.acknowledgement.AcknowledgementService;
import org.trustfund.contribution.Contribution;
import org.trustfund.contribution.ContributionInput;
import org.trustfund.contribution.ContributionQuery;
import org.trustfund.contribution.ContributionService;
import org.trustfund.donor.Donor;
import org.trustfund.donor.DonorDetails;
import org.trustfund.donor.DonorService;
import org.trustfund.donor.StakeholderGroup;
import org.trustfund.money.Money;
import org.trustfund.platform.AccessDeniedException;
import org.trustfund.reference.Country;
import org.trustfund.security.Role;
import org.trustfund.security.Roles;
import org.trustfund.security.UserAccount;
import org.trustfund.testing.FixedCaller;
import org.trustfund.testing.FundFixture;
import org.trustfund.testing.TestDatabase;

/**
 * A donor user who acts for two donors (a ministry and its agency) on the real database: they see both donors' letters
 * and contributions and either donor's own pages, nothing of a third donor's whichever id they name, and a merge of
 * one of their donors moves the link to the donor kept.
 */
class SeveralDonorsIT {

    private static final FixedCaller FINANCE = FixedCaller.of("fiona", Roles.FINANCE_OFFICER);
    private static final FixedCaller CERTIFIER = FixedCaller.of("carl", Roles.CERTIFYING_OFFICER);
    private static final FixedCaller ADMIN = FixedCaller.of("ada", Roles.ADMIN);
    private static final FixedCaller MINISTRY_USER = FixedCaller.of("minnie", Roles.DONOR);

    private TestDatabase db;
    private FundFixture fx;
    private long agency;

    @BeforeEach
    void database() {
        db = TestDatabase.migrated();
        fx = FundFixture.create(db);
        agency = db.inTransaction(em -> {
            Donor d = new Donor(new DonorDetails("Fictional Digital Agency", StakeholderGroup.GOVERNMENT, "CH", null,
                    null, true, "en"), em.find(Country.class, "CH"), Instant.now(), "setup");
            em.persist(d);
            em.flush();
            UserAccount u = new UserAccount("minnie", "Minnie", "x", Set.of(Role.DONOR), false, Instant.now(), "setup");
            u.linkToDonors(List.of(fx.donorId, d.getId()));
            em.persist(u);
            return d.getId();
        });
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void theUserSeesBothDonorsAndNothingOfAThird() {
        long ministryCash = certified(fx.donorId, "100.00", "BNK-MIN");
        long agencyCash = certified(agency, "200.00", "BNK-AGY");
        certified(fx.otherDonorId, "300.00", "BNK-OTHER");

        List<Acknowledgement> letters = db.inTransaction(em -> new AcknowledgementService(em, MINISTRY_USER).list(null));
        assertEquals(Set.of(fx.donorId, agency), Set.copyOf(letters.stream().map(a -> a.getDonor().getId()).toList()));
        assertEquals(1, db.inTransaction(em -> new AcknowledgementService(em, MINISTRY_USER).list(agency)).size());
        assertThrows(AccessDeniedException.class, () -> db.inTransaction(em ->
                new AcknowledgementService(em, MINISTRY_USER).list(fx.otherDonorId)));

        List<Long> listed = db.inTransaction(em -> new ContributionService(em, MINISTRY_USER)
                .search(ContributionQuery.all(), 0, 50)).stream().map(Contribution::getId).sorted().toList();
        assertEquals(List.of(ministryCash, agencyCash), listed, "both donors' contributions, not the third's");
        List<Long> named = db.inTransaction(em -> new ContributionService(em, MINISTRY_USER).search(new ContributionQuery(
                fx.otherDonorId, null, null, null, null, null, ContributionQuery.Sort.RECEIVED, true), 0, 50))
                .stream().map(Contribution::getId).sorted().toList();
        assertEquals(List.of(ministryCash, agencyCash), named, "naming a third donor names nothing of theirs");
        assertEquals(List.of(agencyCash), db.inTransaction(em -> new ContributionService(em, MINISTRY_USER).search(
                new ContributionQuery(agency, null, null, null, null, null, ContributionQuery.Sort.RECEIVED, true), 0, 50))
                .stream().map(Contribution::getId).toList(), "one of their own donors by its id");

        assertEquals("Fictional Digital Agency", db.inTransaction(em -> new DonorService(em, MINISTRY_USER).own(agency))
                .getName());
        assertEquals(2, db.inTransaction(em -> new DonorService(em, MINISTRY_USER).ownDonors()).size());
        assertThrows(AccessDeniedException.class, () -> db.inTransaction(em ->
                new DonorService(em, MINISTRY_USER).own(fx.otherDonorId)));
        assertEquals(agency, db.inTransaction(em -> new DonorAccount(em, MINISTRY_USER).of(agency)).donorId());
        assertThrows(AccessDeniedException.class, () -> db.inTransaction(em ->
                new DonorAccount(em, MINISTRY_USER).of(fx.otherDonorId)));
        assertThrows(AccessDeniedException.class, () -> db.inTransaction(em ->
                new DonorAccount(em, MINISTRY_USER).ownDonorId(fx.otherDonorId)));
        db.run(em -> new DonorService(em, MINISTRY_USER).changeOwnContact(agency,
                em.find(Donor.class, agency).getVersion(), "Agency contact", "agency@example.org", true, "en"));
        assertEquals("agency@example.org", db.inTransaction(em -> em.find(Donor.class, agency).getContactEmail()));
    }

    @Test
    void mergingOneOfTheirDonorsMovesTheLinkToTheDonorKept() {
        db.run(em -> new DonorService(em, ADMIN).merge(fx.otherDonorId, agency, "the agency is the same body"));
        List<Long> links = db.inTransaction(em -> em.createQuery("SELECT u FROM UserAccount u WHERE u.username = 'minnie'",
                UserAccount.class).getSingleResult().getDonorIds());
        assertEquals(List.of(fx.donorId, fx.otherDonorId), links);
    }

    private long certified(long donor, String eur, String reference) {
        long id = db.inTransaction(em -> new ContributionService(em, FINANCE).record(new ContributionInput(donor,
                fx.fundId, LocalDate.of(2026, 3, 2), Money.of(eur, "EUR"), reference, Map.of())).getId());
        db.run(em -> new ContributionService(em, CERTIFIER).certify(id, em.find(Contribution.class, id).getVersion()));
        return id;
    }
}
