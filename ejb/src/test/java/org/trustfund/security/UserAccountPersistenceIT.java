package org.trustfund.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
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
