package org.trustfund.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starts a real MariaDB (about a second after the first unpack) in a temporary folder. */
class EmbeddedDatabaseTest {

    @TempDir
    Path folder;

    @Test
    void theAppUserKeepsItsDataAcrossRestartsAndAWrongPasswordIsRefused() throws Exception {
        DatabaseSettings first;
        try (EmbeddedDatabase database = EmbeddedDatabase.start(folder, 0)) {
            first = database.settings();
            assertEquals("trustfund", first.user());
            Path credentials = database.folder().resolve("credentials.properties");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)));
            assertTrue(Files.readString(credentials).contains("trustfund.password=" + first.password()));
            assertTrue(first.jdbcUrl().startsWith("jdbc:mysql://127.0.0.1:" + database.port() + "/trustfund?"));
            try (Connection connection = connect(first); Statement statement = connection.createStatement()) {
                // Flyway migrations create triggers: the app user needs that privilege.
                statement.execute("CREATE TABLE note (id INT PRIMARY KEY, text VARCHAR(50), changed TIMESTAMP NULL)");
                statement.execute("CREATE TRIGGER note_changed BEFORE UPDATE ON note FOR EACH ROW "
                        + "SET NEW.changed = CURRENT_TIMESTAMP");
                statement.execute("INSERT INTO note VALUES (1, 'Geneva – Genève €', NULL)");
                assertEquals("+00:00", single(statement, "SELECT @@session.time_zone"));
                assertEquals("utf8mb4", single(statement, "SELECT @@character_set_database"));
            }
        }
        assertFalse(Files.exists(folder.resolve("mariadbd.pid")) && isAlive(folder.resolve("mariadbd.pid")),
                "mariadbd still runs after close()");

        try (EmbeddedDatabase database = EmbeddedDatabase.start(folder, 0)) {
            DatabaseSettings second = database.settings();
            assertEquals(first.password(), second.password());
            try (Connection connection = connect(second); Statement statement = connection.createStatement()) {
                assertEquals("Geneva – Genève €", single(statement, "SELECT text FROM note WHERE id = 1"));
            }
            second.verifyConnection();

            DatabaseSettings wrong = new DatabaseSettings(second.jdbcUrl(), second.user(), "not-the-password",
                    second.source());
            SQLException refused = assertThrows(SQLException.class, () -> connect(wrong).close());
            assertEquals(1045, refused.getErrorCode(), refused.getMessage());
            StartupException explained = assertThrows(StartupException.class, wrong::verifyConnection);
            assertEquals("The database refused user 'trustfund' (access denied). Fix credentials.properties in "
                    + folder.toAbsolutePath() + ".", explained.getMessage());

            DatabaseSettings rootWithoutPassword = new DatabaseSettings(second.jdbcUrl(), "root", "");
            assertThrows(SQLException.class, () -> connect(rootWithoutPassword).close());

            // Only the admin account may make other databases (tests do, one per test).
            try (Connection app = connect(second); Statement statement = app.createStatement()) {
                SQLException denied = assertThrows(SQLException.class,
                        () -> statement.execute("CREATE DATABASE it_other"));
                assertEquals(1044, denied.getErrorCode(), denied.getMessage());
            }
            try (Connection admin = connect(database.adminSettings()); Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE it_other");
                statement.execute("DROP DATABASE it_other");
            }
        }
    }

    private static Connection connect(DatabaseSettings settings) throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            assertTrue(result.next());
            return result.getString(1);
        }
    }

    private static boolean isAlive(Path pidFile) throws IOException {
        return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).map(ProcessHandle::isAlive)
                .orElse(false);
    }
}
