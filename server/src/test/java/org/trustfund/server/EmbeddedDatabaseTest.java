package org.trustfund.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starts a real MariaDB (about a second after the first unpack) in a temporary folder. */
class EmbeddedDatabaseTest {

    @TempDir
    Path folder;

    @Test
    void theAppUserKeepsItsDataAcrossRestartsAWrongPasswordIsRefusedAndAKilledServerIsStartedAgain() throws Exception {
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

        aKilledDatabaseIsStartedAgainOnTheSameDataAndPortAndIfItCannotBeTheSystemEndsSayingSo();
    }

    /**
     * What {@code ./trustfund run} does when its embedded database is killed (kill -9): started again on the same
     * data and port with a line saying so, or, if that fails, a line saying so and the end of the system. A real
     * MariaDB, killed for real; no Payara (whose end is seen the same way, through its process). Part of the one
     * test, since each fresh folder costs an unpack and an install of MariaDB.
     */
    private void aKilledDatabaseIsStartedAgainOnTheSameDataAndPortAndIfItCannotBeTheSystemEndsSayingSo()
            throws Exception {
        TrustfundSystem.Options options = TrustfundSystem.Options.builder(folder).ear(folder.resolve("none.ear"))
                .runtime(folder).build();
        try (TrustfundSystem system = TrustfundSystem.ofDatabaseOnly(options, EmbeddedDatabase.start(folder, 0))) {
            EmbeddedDatabase first = system.embeddedDatabase();
            try (Connection connection = connect(first.settings()); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (id INT PRIMARY KEY)");
                statement.execute("INSERT INTO kept VALUES (42)");
            }
            List<String> said = new ArrayList<>();
            assertTrue(system.keepRunning(said::add));
            assertEquals(List.of(), said, "nothing to say while all runs");

            kill(first);
            assertTrue(system.keepRunning(said::add), String.join("\n", said));

            EmbeddedDatabase second = system.embeddedDatabase();
            assertNotEquals(first.pid(), second.pid());
            assertEquals(first.port(), second.port(), "the pool's URL must still lead to it");
            assertEquals(2, said.size(), String.join("\n", said));
            assertEquals("The database (pid " + first.pid() + ") has stopped unexpectedly (killed by signal 9)."
                    + " Starting it again on port " + first.port() + " with the same data...", said.get(0));
            assertTrue(said.get(1).startsWith("The database is running again (pid " + second.pid() + ", "), said.get(1));
            try (Connection connection = connect(second.settings()); Statement statement = connection.createStatement()) {
                assertEquals("42", single(statement, "SELECT id FROM kept"));
            }

            said.clear();
            kill(second);
            // Something else took its port meanwhile.
            try (ServerSocket squatter = new ServerSocket(second.port(), 1, InetAddress.getLoopbackAddress())) {
                assertFalse(system.keepRunning(said::add), String.join("\n", said));
            }
            assertEquals(2, said.size(), String.join("\n", said));
            assertTrue(said.get(1).startsWith("The database could not be started again: Port " + second.port()),
                    said.get(1));
            assertTrue(said.get(1).contains("Stopping Trustfund."), said.get(1));
        }
    }

    private static void kill(EmbeddedDatabase database) throws Exception {
        ProcessHandle process = ProcessHandle.of(database.pid()).orElseThrow();
        process.destroyForcibly(); // SIGKILL, as kill -9
        process.onExit().get(30, TimeUnit.SECONDS);
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
