package org.trustfund.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustfund.testing.TestDatabase;

class UserAccountPersistenceIT {

    private TestDatabase db;

    @BeforeEach
    void database() {
        db = TestDatabase.migrated();
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void storesAndReadsBackAUserWithRolesAndExactInstants() {
        Instant created = Instant.parse("2026-11-22T08:15:30.123456Z");
        long id = db.inTransaction(em -> {
            UserAccount user = new UserAccount("jdoe", "Jane Doe", "hash", EnumSet.of(Role.FINANCE_OFFICER, Role.AUDITOR),
                    true, created, "admin");
            new UserAccountRepository(em).add(user);
            return user.getId();
        });
        UserAccount read = db.inTransaction(em -> new UserAccountRepository(em).findByUsername("jdoe").orElseThrow());
        assertEquals(id, read.getId());
        assertEquals(EnumSet.of(Role.FINANCE_OFFICER, Role.AUDITOR), read.getRoles());
        assertEquals(created, read.getCreatedAt(), "UTC instant survives the round trip to the microsecond");
        assertTrue(read.isMustChangePassword());
    }

    @Test
    void theUserNameIsUnique() {
        db.run(em -> new UserAccountRepository(em).add(officer("dup")));
        assertThrows(RuntimeException.class,
                () -> db.run(em -> new UserAccountRepository(em).add(officer("dup"))));
    }

    @Test
    void aConcurrentEditIsRefusedNotOverwritten() {
        UserAccount created = db.inTransaction(em -> {
            UserAccount user = officer("racer");
            new UserAccountRepository(em).add(user);
            return user;
        });
        long id = created.getId();
        EntityManager first = db.entityManagerFactory().createEntityManager();
        EntityManager second = db.entityManagerFactory().createEntityManager();
        try {
            first.getTransaction().begin();
            second.getTransaction().begin();
            first.find(UserAccount.class, id).rename("First Editor");
            second.find(UserAccount.class, id).rename("Second Editor");
            first.getTransaction().commit();
            RollbackException conflict = assertThrows(RollbackException.class, () -> second.getTransaction().commit());
            assertTrue(conflict.getCause() instanceof OptimisticLockException, String.valueOf(conflict.getCause()));
        } finally {
            first.close();
            second.close();
        }
        UserAccount kept = db.inTransaction(em -> em.find(UserAccount.class, id));
        assertEquals("First Editor", kept.getDisplayName());
        assertEquals(created.getVersion() + 1, kept.getVersion(), "exactly one change committed");
    }

    @Test
    void parallelFailedSignInsAreEachCountedAndNeverConflict() throws Exception {
        UserAccount created = db.inTransaction(em -> {
            UserAccount user = officer("guessed");
            new UserAccountRepository(em).add(user);
            return user;
        });
        long id = created.getId();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attempts.add(pool.submit(() -> db.run(em -> new UserAccountRepository(em).countFailedSignIn(id))));
            }
            for (Future<?> attempt : attempts) {
                attempt.get();
            }
        } finally {
            pool.shutdownNow();
        }
        int counted = db.inTransaction(em -> new UserAccountRepository(em).failedSignInsInARow(id));
        assertEquals(8, counted);
        Instant at = Instant.parse("2026-12-02T08:00:00.123456Z");
        db.run(em -> new UserAccountRepository(em).recordSuccessfulSignIn(id, at));
        UserAccount read = db.inTransaction(em -> em.find(UserAccount.class, id));
        assertEquals(0, read.getFailedAttempts());
        assertEquals(at, read.getLastSignInAt());
        assertEquals(created.getVersion(), read.getVersion(), "sign-in bookkeeping leaves the version alone");
    }

    @Test
    void anAdministratorsEditDuringASignInNeitherConflictsNorLosesTheCount() {
        long id = db.inTransaction(em -> {
            UserAccount user = officer("busy");
            new UserAccountRepository(em).add(user);
            return user.getId();
        });
        EntityManager admin = db.entityManagerFactory().createEntityManager();
        try {
            admin.getTransaction().begin();
            UserAccount edited = admin.find(UserAccount.class, id);
            db.run(em -> new UserAccountRepository(em).countFailedSignIn(id));
            edited.assignRoles(EnumSet.of(Role.AUDITOR));
            admin.getTransaction().commit();
        } finally {
            admin.close();
        }
        UserAccount read = db.inTransaction(em -> em.find(UserAccount.class, id));
        assertEquals(EnumSet.of(Role.AUDITOR), read.getRoles());
        assertEquals(1, read.getFailedAttempts(), "the edit did not write back a stale count");
        assertEquals(1, read.getSecurityStamp(), "new roles end the sessions");
    }

    @Test
    void theDatabaseRefusesAnUnknownRole() {
        long id = db.inTransaction(em -> {
            UserAccount user = officer("roles");
            new UserAccountRepository(em).add(user);
            return user.getId();
        });
        assertThrows(SQLException.class, () -> db.sql("INSERT INTO user_role (user_id, role) VALUES (" + id + ", 'ROOT')"));
    }

    private static UserAccount officer(String username) {
        return new UserAccount(username, "Officer " + username, "hash", EnumSet.of(Role.FINANCE_OFFICER), false,
                Instant.now(), "admin");
    }
}
