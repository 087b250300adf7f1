package org.trustfund.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code ./trustfund run} does when its embedded database is killed (kill -9): started again on the same
 * data and port with a line saying so, or, if that fails, a line saying so and the end of the system. A real
 * MariaDB, killed for real; no Payara (its end is seen the same way, through its process).
 */
class TrustfundSystemWatchTest {

    @TempDir
    Path state;

    /** One test, since each fresh folder costs an unpack and an install of MariaDB (seconds). */
    @Test
    void aKilledDatabaseIsStartedAgainOnTheSameDataAndPortAndIfItCannotBeTheSystemEndsSayingSo() throws Exception {
        try (TrustfundSystem system = TrustfundSystem.ofDatabaseOnly(options(), EmbeddedDatabase.start(state.resolve("db"), 0))) {
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
            try (Connection connection = connect(second.settings()); Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT id FROM kept")) {
                assertTrue(row.next());
                assertEquals(42, row.getInt(1));
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

    private TrustfundSystem.Options options() {
        return TrustfundSystem.Options.builder(state).ear(state.resolve("none.ear")).runtime(state).build();
    }

    private static void kill(EmbeddedDatabase database) throws Exception {
        ProcessHandle process = ProcessHandle.of(database.pid()).orElseThrow();
        process.destroyForcibly(); // SIGKILL, as kill -9
        process.onExit().get(30, TimeUnit.SECONDS);
    }

    private static Connection connect(DatabaseSettings settings) throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }
}
