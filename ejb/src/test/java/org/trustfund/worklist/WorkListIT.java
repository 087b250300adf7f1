package org.trustfund.worklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditEntry;
import org.trustfund.audit.AuditLog;
import org.trustfund.audit.AuditRepository;
import org.trustfund.contribution.Contribution;
import org.trustfund.contribution.ContributionInput;
import org.trustfund.contribution.ContributionService;
import org.trustfund.contribution.ContributionStatus;
import org.trustfund.ledger.LedgerCheck;
import org.trustfund.money.Money;
import org.trustfund.security.Roles;
import org.trustfund.testing.FixedCaller;
import org.trustfund.testing.FundFixture;
import org.trustfund.testing.TestDatabase;

/** The dashboard's to-do lists and bulk certification on the real database. */
class WorkListIT {

    private static final FixedCaller FIONA = FixedCaller.of("fiona", Roles.FINANCE_OFFICER);
    private static final FixedCaller FRANK = FixedCaller.of("frank", Roles.FINANCE_OFFICER);
    /** Records as a finance officer and certifies too: never their own entries. */
    private static final FixedCaller CARL = FixedCaller.of("carl", Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER);

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
    void whatWasSentBackIsOnItsRecordersListWithTheReasonAndOnNobodyElses() {
        long returned = record(FIONA, "100.00");
        record(FIONA, "200.00");
        db.run(em -> new ContributionService(em, CARL).sendBack(returned, version(returned), "Bank reference missing"));

        List<SentBack> fionas = db.inTransaction(em -> new WorkList(em, FIONA).sentBackToMe(10));
        assertEquals(1, fionas.size());
        assertEquals(returned, fionas.get(0).subjectId());
        assertEquals("Bank reference missing", fionas.get(0).reason());
        assertEquals(0, Money.of("100.00", "USD").compareTo(fionas.get(0).amount()));
        assertEquals(1L, (long) db.inTransaction(em -> new WorkList(em, FIONA).sentBackToMeCount()));
        assertEquals(List.of(), db.inTransaction(em -> new WorkList(em, FRANK).sentBackToMe(10)));
        assertEquals(0L, (long) db.inTransaction(em -> new WorkList(em, FRANK).sentBackToMeCount()));
    }

    @Test
    void aCertifierIsShownOthersEntriesOnlyOldestFirst() {
        long fionas = record(FIONA, "100.00", LocalDate.of(2026, 3, 2));
        long franks = record(FRANK, "50.00", LocalDate.of(2026, 3, 1));
        record(CARL, "75.00", LocalDate.of(2026, 2, 1));

        List<AwaitingCertification> forCarl = db.inTransaction(em -> new WorkList(em, CARL).awaitingCertification(10));
        assertEquals(List.of(franks, fionas), forCarl.stream().map(AwaitingCertification::id).toList());
        assertEquals(2L, (long) db.inTransaction(em -> new WorkList(em, CARL).awaitingCertificationCount()));
        assertEquals(1, db.inTransaction(em -> new WorkList(em, CARL).awaitingCertification(1)).size(), "max is kept");
        FixedCaller frankCertifying = FixedCaller.of("frank", Roles.CERTIFYING_OFFICER);
        assertEquals(2L, (long) db.inTransaction(em -> new WorkList(em, frankCertifying).awaitingCertificationCount()),
                "Fiona's and Carl's, not his own");
    }

    @Test
    void bulkCertificationChecksEachEntryAndARefusalNeitherUndoesNorBlocksTheOthers() {
        long first = record(FIONA, "100.00");
        long own = record(CARL, "75.00");
        long stale = record(FRANK, "60.00");
        long last = record(FRANK, "50.00");
        Map<Long, Long> seen = new LinkedHashMap<>();
        seen.put(first, version(first));
        seen.put(own, version(own));
        seen.put(stale, version(stale) + 1);
        seen.put(last, version(last));

        BulkCertification bulk = new BulkCertification((id, version) ->
                db.run(em -> new ContributionService(em, CARL).certify(id, version)));
        List<CertificationOutcome> outcomes = bulk.certifyEach(seen);

        assertEquals(List.of(first, own, stale, last), outcomes.stream().map(CertificationOutcome::contributionId).toList());
        assertTrue(outcomes.get(0).certified());
        assertEquals("contribution.certify.ownEntry", outcomes.get(1).messageKey(), "four eyes, as when certified alone");
        assertEquals("record.changedByAnother", outcomes.get(2).messageKey(), "the version the user saw is checked");
        assertTrue(outcomes.get(3).certified(), "a refusal before it does not block it");
        assertEquals(ContributionStatus.CERTIFIED, status(first));
        assertEquals(ContributionStatus.RECORDED, status(own));
        assertEquals(ContributionStatus.RECORDED, status(stale));
        assertEquals(ContributionStatus.CERTIFIED, status(last));
        long audited = db.inTransaction(em -> em.createQuery("SELECT COUNT(a) FROM AuditEntry a WHERE a.entityType ="
                        + " 'Contribution' AND a.actor = 'carl' AND a.details LIKE '%CERTIFIED%'", Long.class)
                .getSingleResult());
        assertEquals(2L, (long) audited, "each certification audited on its own");
        assertTrue(db.inTransaction(em -> new LedgerCheck(em).run()).isConsistent());
    }

    @Test
    void theAuditorSeesTheLastLedgerCheckAndRecentActivityLeavesSignInsOut() {
        FixedCaller auditor = FixedCaller.of("ada", Roles.AUDITOR);
        assertTrue(db.inTransaction(em -> new WorkList(em, auditor).lastLedgerCheck()).isEmpty());
        db.run(em -> new LedgerCheck(em, new AuditLog(new AuditRepository(em), FIONA)).runAndRecord());
        db.run(em -> new LedgerCheck(em, new AuditLog(new AuditRepository(em), auditor)).runAndRecord());
        AuditEntry last = db.inTransaction(em -> new WorkList(em, auditor).lastLedgerCheck()).orElseThrow();
        assertEquals("ada", last.getActor());
        assertTrue(last.getDetails().startsWith(LedgerCheck.CONSISTENT), last.getDetails());

        db.run(em -> {
            AuditLog log = new AuditLog(new AuditRepository(em), FIONA);
            log.recordFor("fiona", AuditAction.SIGN_IN, "UserAccount", 1, null, "127.0.0.1");
            log.record(AuditAction.UPDATE, "Donor", 7, "name: A → B");
            log.recordFor("fiona", AuditAction.SIGN_OUT, "UserAccount", 1, null, "127.0.0.1");
            log.recordFor("fiona", AuditAction.SIGN_IN, "UserAccount", 1, null, "127.0.0.1");
        });
        List<AuditEntry> recent = db.inTransaction(em -> new AuditRepository(em).latestBy("fiona", 10));
        assertEquals(List.of(AuditAction.UPDATE, AuditAction.LEDGER_CHECKED),
                recent.stream().map(AuditEntry::getAction).toList());
        List<String> types = db.inTransaction(em -> new AuditRepository(em).entityTypes());
        assertTrue(types.containsAll(List.of("Donor", "Ledger", "UserAccount")), types.toString());
        assertFalse(types.contains(null));
    }

    private long record(FixedCaller by, String usd) {
        return record(by, usd, LocalDate.of(2026, 3, 1));
    }

    private long record(FixedCaller by, String usd, LocalDate received) {
        return db.inTransaction(em -> new ContributionService(em, by).record(new ContributionInput(fx.donorId,
                fx.fundId, received, Money.of(usd, "USD"), "BANK-" + System.nanoTime(), Map.of())).getId());
    }

    private long version(long id) {
        return db.inTransaction(em -> em.find(Contribution.class, id).getVersion());
    }

    private ContributionStatus status(long id) {
        return db.inTransaction(em -> em.find(Contribution.class, id).getStatus());
    }
}
