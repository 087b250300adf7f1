package org.trustfund.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustfund.testing.TestDatabase;

class ApiTokenPersistenceIT {

    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

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
    void aTokenIsFoundByTheHashOfItsSecretAndTheSecretIsNotStored() throws Exception {
        long userId = db.inTransaction(em -> {
            UserAccount user = new UserAccount("script", "Reconciliation script", "hash",
                    EnumSet.of(Role.FINANCE_OFFICER), false, T0, "admin");
            new UserAccountRepository(em).add(user);
            return user.getId();
        });
        String secret = ApiTokenSecrets.newSecret();
        db.run(em -> em.persist(new ApiToken(userId, "nightly", ApiTokenSecrets.hash(secret),
                ApiTokenSecrets.displayPrefix(secret), T0, "admin", T0.plusSeconds(86_400))));
        ApiToken found = db.inTransaction(em -> em.createNamedQuery("ApiToken.findByHash", ApiToken.class)
                .setParameter("hash", ApiTokenSecrets.hash(secret)).getSingleResult());
        assertEquals("nightly", found.getName());
        assertTrue(found.isUsableAt(T0.plusSeconds(86_399)));
        assertFalse(found.isUsableAt(T0.plusSeconds(86_400)), "ends at its expiry");
        try (var connection = db.dataSource().getConnection();
                var rows = connection.createStatement().executeQuery("SELECT * FROM api_token")) {
            assertTrue(rows.next());
            for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                assertFalse(String.valueOf(rows.getString(column)).contains(secret.substring(8)),
                        "column " + rows.getMetaData().getColumnName(column) + " holds the secret");
            }
        }
    }

    @Test
    void twoTokensCannotShareAHash() {
        long userId = db.inTransaction(em -> {
            UserAccount user = new UserAccount("twice", "Twice", "hash", EnumSet.of(Role.AUDITOR), false, T0, "admin");
            new UserAccountRepository(em).add(user);
            return user.getId();
        });
        db.run(em -> em.persist(new ApiToken(userId, "a", "f".repeat(64), "tfp_abcd", T0, "admin", T0.plusSeconds(60))));
        assertThrows(RuntimeException.class, () -> db.run(em -> em.persist(
                new ApiToken(userId, "b", "f".repeat(64), "tfp_abcd", T0, "admin", T0.plusSeconds(60)))));
    }

    @Test
    void revokingIsForGoodAndKeepsWhoAndWhen() {
        ApiToken token = new ApiToken(1, "x", "0".repeat(64), "tfp_0000", T0, "admin", T0.plusSeconds(3_600));
        token.revoke(T0.plusSeconds(10), "jdoe");
        token.revoke(T0.plusSeconds(20), "someone-else");
        assertEquals("jdoe", token.getRevokedBy());
        assertEquals(T0.plusSeconds(10), token.getRevokedAt());
        assertFalse(token.isUsableAt(T0.plusSeconds(11)));
        assertThrows(IllegalArgumentException.class,
                () -> new ApiToken(1, "x", "1".repeat(64), "tfp_1111", T0, "admin", T0));
    }
}
