package org.trustfund.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseSettingsTest {

    private static final String SECRET = "s3cret-Pw";

    @Test
    void noVariablesMeansTheEmbeddedDatabase() {
        assertEquals(Optional.empty(), DatabaseSettings.fromEnvironment(Map.of("PATH", "/usr/bin")));
    }

    @Test
    void readsTheThreeVariables() {
        DatabaseSettings settings = DatabaseSettings.fromEnvironment(Map.of(
                "TRUSTFUND_DB_URL", "jdbc:mysql://db.example:3306/trustfund",
                "TRUSTFUND_DB_USER", "app",
                "TRUSTFUND_DB_PASSWORD", SECRET)).orElseThrow();
        assertEquals(new DatabaseSettings("jdbc:mysql://db.example:3306/trustfund", "app", SECRET), settings);
    }

    @Test
    void aMissingVariableIsNamed() {
        StartupException noUser = assertThrows(StartupException.class, () -> DatabaseSettings.fromEnvironment(Map.of(
                "TRUSTFUND_DB_URL", "jdbc:mysql://db.example:3306/trustfund", "TRUSTFUND_DB_PASSWORD", SECRET)));
        assertTrue(noUser.getMessage().contains("Set TRUSTFUND_DB_USER"), noUser.getMessage());

        StartupException noPassword = assertThrows(StartupException.class, () -> DatabaseSettings.fromEnvironment(Map.of(
                "TRUSTFUND_DB_URL", "jdbc:mysql://db.example:3306/trustfund", "TRUSTFUND_DB_USER", "app")));
        assertTrue(noPassword.getMessage().contains("Set TRUSTFUND_DB_PASSWORD"), noPassword.getMessage());

        StartupException noUrl = assertThrows(StartupException.class, () -> DatabaseSettings.fromEnvironment(Map.of(
                "TRUSTFUND_DB_USER", "app", "TRUSTFUND_DB_PASSWORD", SECRET)));
        assertTrue(noUrl.getMessage().contains("Set TRUSTFUND_DB_URL"), noUrl.getMessage());
    }

    @Test
    void anEmptyPasswordIsAllowed() {
        DatabaseSettings settings = DatabaseSettings.fromEnvironment(Map.of(
                "TRUSTFUND_DB_URL", "jdbc:mysql://db.example/trustfund",
                "TRUSTFUND_DB_USER", "app", "TRUSTFUND_DB_PASSWORD", "")).orElseThrow();
        assertEquals("", settings.password());
    }

    @Test
    void readsTheConfigFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("db.properties"),
                "db.url=jdbc:mysql://db.example:3306/trustfund\ndb.user=app\ndb.password=" + SECRET + "\n");
        DatabaseSettings settings = DatabaseSettings.fromEnvironment(Map.of("TRUSTFUND_DB_CONFIG", file.toString()))
                .orElseThrow();
        assertAll(
                () -> assertEquals("jdbc:mysql://db.example:3306/trustfund", settings.jdbcUrl()),
                () -> assertEquals("app", settings.user()),
                () -> assertEquals(SECRET, settings.password()),
                () -> assertEquals("db.url", settings.source().url()));
    }

    @Test
    void aConfigFileWithoutAKeyOrThatIsMissingIsNamed(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("db.properties"), "db.url=jdbc:mysql://db.example/trustfund\ndb.user=app\n");
        StartupException noPassword = assertThrows(StartupException.class,
                () -> DatabaseSettings.fromEnvironment(Map.of("TRUSTFUND_DB_CONFIG", file.toString())));
        assertTrue(noPassword.getMessage().contains("no db.password"), noPassword.getMessage());

        Path missing = dir.resolve("nothing-here.properties");
        StartupException noFile = assertThrows(StartupException.class,
                () -> DatabaseSettings.fromEnvironment(Map.of("TRUSTFUND_DB_CONFIG", missing.toString())));
        assertEquals("TRUSTFUND_DB_CONFIG=" + missing + " does not exist. Fix TRUSTFUND_DB_CONFIG.", noFile.getMessage());
    }

    @Test
    void fileAndVariablesTogetherAreRefused() {
        StartupException both = assertThrows(StartupException.class, () -> DatabaseSettings.fromEnvironment(Map.of(
                "TRUSTFUND_DB_CONFIG", "/etc/tf.properties", "TRUSTFUND_DB_URL", "jdbc:mysql://db.example/trustfund")));
        assertTrue(both.getMessage().contains("Unset one of them"), both.getMessage());
    }

    @Test
    void anUnusedPortGivesOneLineNamingTheUrlVariable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String url = "jdbc:mysql://127.0.0.1:" + port + "/trustfund";
        DatabaseSettings settings = new DatabaseSettings(url, "app", SECRET);

        StartupException failure = assertThrows(StartupException.class, settings::verifyConnection);

        assertEquals("Cannot reach the database at TRUSTFUND_DB_URL=" + url
                + " (connection refused). Fix TRUSTFUND_DB_URL.", failure.getMessage());
    }

    @Test
    void anUnknownHostIsNamed() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:mysql://nohost.invalid:3306/x", "app", SECRET);

        StartupException failure = assertThrows(StartupException.class, settings::verifyConnection);

        assertTrue(failure.getMessage().startsWith(
                "Cannot reach the database at TRUSTFUND_DB_URL=jdbc:mysql://nohost.invalid:3306/x (unknown host"),
                failure.getMessage());
        assertTrue(failure.getMessage().endsWith("Fix TRUSTFUND_DB_URL."), failure.getMessage());
        assertFalse(failure.getMessage().contains("\n"));
    }

    @Test
    void aUrlOfAnotherKindIsNamed() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://db.example/trustfund", "app", SECRET);

        StartupException failure = assertThrows(StartupException.class, settings::verifyConnection);

        assertTrue(failure.getMessage().contains("is not a MySQL JDBC URL"), failure.getMessage());
        assertTrue(failure.getMessage().endsWith("Fix TRUSTFUND_DB_URL."), failure.getMessage());
    }

    @Test
    void aConfigFileIsNamedInTheMessage(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("db.properties"),
                "db.url=jdbc:mysql://127.0.0.1:1/trustfund\ndb.user=app\ndb.password=" + SECRET + "\n");
        DatabaseSettings settings = DatabaseSettings.fromEnvironment(Map.of("TRUSTFUND_DB_CONFIG", file.toString()))
                .orElseThrow();

        StartupException failure = assertThrows(StartupException.class, settings::verifyConnection);

        assertTrue(failure.getMessage().endsWith("Fix db.url in " + file + " (TRUSTFUND_DB_CONFIG)."),
                failure.getMessage());
    }

    @Test
    void thePasswordIsNeverShown() {
        DatabaseSettings settings = new DatabaseSettings(
                "jdbc:mysql://127.0.0.1:1/trustfund?user=app&password=" + SECRET, "app", SECRET);

        StartupException failure = assertThrows(StartupException.class, settings::verifyConnection);

        assertFalse(failure.getMessage().contains(SECRET), failure.getMessage());
        assertFalse(settings.toString().contains(SECRET), settings.toString());
    }

    @Test
    void utcSessionParametersAreAddedUnlessAZoneIsChosen() {
        assertEquals("jdbc:mysql://h/db?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true",
                new DatabaseSettings("jdbc:mysql://h/db", "u", "p").jdbcUrlWithUtcSession());
        assertEquals("jdbc:mysql://h/db?useSSL=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true",
                new DatabaseSettings("jdbc:mysql://h/db?useSSL=true", "u", "p").jdbcUrlWithUtcSession());
        assertEquals("jdbc:mysql://h/db?connectionTimeZone=SERVER",
                new DatabaseSettings("jdbc:mysql://h/db?connectionTimeZone=SERVER", "u", "p").jdbcUrlWithUtcSession());
    }

    @Test
    void thePoolConnectsWithAConnectTimeoutUnlessTheUrlSetsOne() {
        assertEquals("jdbc:mysql://h/db?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                        + "&connectTimeout=2000",
                new DatabaseSettings("jdbc:mysql://h/db", "u", "p").poolJdbcUrl());
        assertEquals("jdbc:mysql://h/db?connectTimeout=9000&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true",
                new DatabaseSettings("jdbc:mysql://h/db?connectTimeout=9000", "u", "p").poolJdbcUrl());
    }
}
