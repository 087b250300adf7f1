package org.trustfund.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustfund.testing.TestDatabase;

class AuditRepositoryIT {

    private TestDatabase db;

    @BeforeEach
    void database() {
        db = TestDatabase.migrated();
        db.run(em -> {
            AuditRepository log = new AuditRepository(em);
            log.add(entry("2026-01-31T23:59:59.999999Z", "alice", AuditAction.SIGN_IN, null));
            log.add(entry("2026-02-01T00:00:00Z", "alice", AuditAction.CREATE, "UserAccount"));
            log.add(entry("2026-02-15T12:00:00Z", "bob_1", AuditAction.UPDATE, "UserAccount"));
            log.add(entry("2026-02-28T23:59:59Z", "bobby", AuditAction.SIGN_IN_FAILED, "UserAccount"));
            log.add(entry("2026-03-01T00:00:00Z", "carol", AuditAction.SIGN_OUT, "UserAccount"));
        });
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void filtersByWholeUtcDaysBothEndsIncluded() {
        AuditQuery february = new AuditQuery(null, null, null, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28), false);
        List<String> actors = db.inTransaction(em -> new AuditRepository(em).search(february, 0, 10))
                .stream().map(AuditEntry::getActor).toList();
        assertEquals(List.of("bobby", "bob_1", "alice"), actors, "newest first, February only");
        assertEquals(3L, (long) db.inTransaction(em -> new AuditRepository(em).count(february)));
    }

    @Test
    void filtersByUserTypeAndEventTreatingWildcardsLiterally() {
        AuditQuery underscore = new AuditQuery("B_1", null, null, null, null, false);
        assertEquals(List.of("bob_1"), actors(underscore), "'_' is a character, not a wildcard");
        AuditQuery bob = new AuditQuery("bob", "UserAccount", AuditAction.SIGN_IN_FAILED, null, null, false);
        assertEquals(List.of("bobby"), actors(bob));
    }

    @Test
    void pagesInTheDatabase() {
        AuditQuery all = new AuditQuery(null, null, null, null, null, true);
        List<AuditEntry> page2 = db.inTransaction(em -> new AuditRepository(em).search(all, 2, 2));
        assertEquals(List.of("bob_1", "bobby"), page2.stream().map(AuditEntry::getActor).toList());
        assertEquals(5L, (long) db.inTransaction(em -> new AuditRepository(em).count(all)));
    }

    private List<String> actors(AuditQuery query) {
        return db.inTransaction(em -> new AuditRepository(em).search(query, 0, 10)).stream()
                .map(AuditEntry::getActor).toList();
    }

    private static AuditEntry entry(String at, String actor, AuditAction action, String type) {
        return new AuditEntry(Instant.parse(at), actor, action, type, type == null ? null : "1", "test", "127.0.0.1");
    }
}
