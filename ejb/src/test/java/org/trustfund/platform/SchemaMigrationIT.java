package org.trustfund.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.trustfund.testing.TestDatabase;

class SchemaMigrationIT {

    @Test
    void migratesAnEmptyDatabaseAndLeavesACurrentOneAlone() throws SQLException {
        try (TestDatabase db = TestDatabase.empty()) {
            MigrateResult first = SchemaMigration.migrate(db.dataSource(), getClass().getClassLoader());
            assertTrue(first.migrationsExecuted >= 1, "migrations applied on an empty database");
            assertTrue(tables(db).containsAll(List.of("user_account", "user_role", "audit_entry")), tables(db).toString());

            MigrateResult second = SchemaMigration.migrate(db.dataSource(), getClass().getClassLoader());
            assertEquals(0, second.migrationsExecuted, "a current database is left alone");
            assertEquals(first.targetSchemaVersion, second.initialSchemaVersion);
        }
    }

    @Test
    void theDatabaseRefusesToRewriteTheAuditLog() throws SQLException {
        try (TestDatabase db = TestDatabase.migrated()) {
            db.sql("INSERT INTO audit_entry (occurred_at, actor, action) VALUES (UTC_TIMESTAMP(6), 'someone', 'SIGN_IN')");
            SQLException update = assertThrows(SQLException.class, () -> db.sql("UPDATE audit_entry SET actor = 'nobody'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class, () -> db.sql("DELETE FROM audit_entry"));
            assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
        }
    }

    @Test
    void aDonorsLanguageOfCorrespondenceIsEnglishByDefaultAndOneOfTheSixExactly() throws SQLException {
        try (TestDatabase db = TestDatabase.migrated()) {
            String insert = "INSERT INTO donor (name, stakeholder_group, country_code, created_at, created_by%s)"
                    + " VALUES ('%s', 'GOVERNMENT', 'CH', UTC_TIMESTAMP(6), 'test'%s)";
            db.sql(String.format(insert, "", "Unsaid", ""));
            db.sql(String.format(insert, ", correspondence_language", "Russian", ", 'ru'"));
            for (String refused : List.of("de", "FR", "e")) {
                SQLException e = assertThrows(SQLException.class, () -> db.sql(String.format(insert,
                        ", correspondence_language", "Refused", ", '" + refused + "'")), refused);
                assertTrue(e.getMessage().contains("ck_donor_correspondence_language"), e.getMessage());
            }
            assertEquals(List.of("en", "ru"), db.inTransaction(em -> em.createNativeQuery(
                    "SELECT correspondence_language FROM donor ORDER BY name DESC").getResultList()));
        }
    }

    private static List<String> tables(TestDatabase db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                ResultSet rs = c.getMetaData().getTables(db.name(), null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase());
            }
        }
        return names;
    }
}
