package org.trustfund.server;

import java.io.IOException;
import java.io.Reader;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where the application's database is and how to log in to it.
 *
 * <p>{@link #fromEnvironment(Map)} is the switch to an external database: {@code TRUSTFUND_DB_URL},
 * {@code TRUSTFUND_DB_USER} and {@code TRUSTFUND_DB_PASSWORD}, or {@code TRUSTFUND_DB_CONFIG} naming a
 * properties file with {@code db.url}, {@code db.user} and {@code db.password}. Nothing set means the
 * embedded database.
 *
 * @param jdbcUrl a MySQL Connector/J URL, e.g. {@code jdbc:mysql://db.example:3306/trustfund}
 * @param user the database user
 * @param password the user's password; never printed
 * @param source which settings these values came from, so that error messages can name them
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, Source source) {

    public static final String URL_VARIABLE = "TRUSTFUND_DB_URL";
    public static final String USER_VARIABLE = "TRUSTFUND_DB_USER";
    public static final String PASSWORD_VARIABLE = "TRUSTFUND_DB_PASSWORD";
    public static final String CONFIG_VARIABLE = "TRUSTFUND_DB_CONFIG";

    /** Seconds {@link #verifyConnection()} waits for the server to answer. */
    static final int CONNECT_TIMEOUT_SECONDS = 5;

    /** See {@link #poolJdbcUrl()}. */
    static final int POOL_CONNECT_TIMEOUT_MILLIS = 2000;

    private static final Pattern PASSWORD_IN_URL =
            Pattern.compile("(?i)(password\\d?|pwd)=[^&;]*");

    /**
     * Names the settings the values came from, as they are written in error messages.
     *
     * @param url the setting that holds the URL, e.g. {@code TRUSTFUND_DB_URL}
     * @param credentials the settings that hold user and password
     * @param where {@code ""} for environment variables, or where a file is, e.g. {@code " in /etc/tf.properties"}
     */
    public record Source(String url, String credentials, String where) {

        public static final Source ENVIRONMENT =
                new Source(URL_VARIABLE, USER_VARIABLE + " / " + PASSWORD_VARIABLE, "");

        static Source configFile(Path file) {
            return new Source("db.url", "db.user / db.password", " in " + file + " (" + CONFIG_VARIABLE + ")");
        }
    }

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(source, "source");
    }

    /** Settings as if they had come from the {@code TRUSTFUND_DB_*} environment variables. */
    public DatabaseSettings(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, Source.ENVIRONMENT);
    }

    /**
     * The external database the environment asks for, or empty for the embedded one.
     *
     * @throws StartupException (one line) if the settings are incomplete or the file cannot be read
     */
    public static Optional<DatabaseSettings> fromEnvironment(Map<String, String> env) {
        String url = blankToNull(env.get(URL_VARIABLE));
        String user = blankToNull(env.get(USER_VARIABLE));
        String password = env.get(PASSWORD_VARIABLE);
        String config = blankToNull(env.get(CONFIG_VARIABLE));
        boolean anyVariable = url != null || user != null || password != null;
        if (config != null && anyVariable) {
            throw new StartupException("Both " + CONFIG_VARIABLE + " and " + URL_VARIABLE + "/" + USER_VARIABLE + "/"
                    + PASSWORD_VARIABLE + " are set. Unset one of them.");
        }
        if (config != null) {
            return Optional.of(fromFile(Path.of(config)));
        }
        if (!anyVariable) {
            return Optional.empty();
        }
        requireSet(url, URL_VARIABLE, "the JDBC URL, e.g. jdbc:mysql://db.example:3306/trustfund");
        requireSet(user, USER_VARIABLE, "the database user");
        if (password == null) {
            throw new StartupException(PASSWORD_VARIABLE + " is not set (the password of " + USER_VARIABLE + "='"
                    + user + "'). Set " + PASSWORD_VARIABLE + ".");
        }
        return Optional.of(new DatabaseSettings(url, user, password, Source.ENVIRONMENT));
    }

    private static DatabaseSettings fromFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new StartupException(CONFIG_VARIABLE + "=" + file + " does not exist. Fix " + CONFIG_VARIABLE + ".");
        } catch (IOException | IllegalArgumentException e) {
            throw new StartupException("Cannot read " + CONFIG_VARIABLE + "=" + file + " (" + e.getMessage()
                    + "). Fix " + CONFIG_VARIABLE + ".");
        }
        Source source = Source.configFile(file);
        String url = blankToNull(properties.getProperty("db.url"));
        String user = blankToNull(properties.getProperty("db.user"));
        String password = properties.getProperty("db.password");
        for (String[] key : new String[][] {{"db.url", url}, {"db.user", user}, {"db.password", password}}) {
            if (key[1] == null) {
                throw new StartupException(file + " has no " + key[0] + ". Add " + key[0] + source.where() + ".");
            }
        }
        return new DatabaseSettings(url, user, password, source);
    }

    private static void requireSet(String value, String variable, String what) {
        if (value == null) {
            throw new StartupException(variable + " is not set (" + what + "). Set " + variable + ".");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * Opens and closes one connection, waiting at most about {@value #CONNECT_TIMEOUT_SECONDS} seconds.
     *
     * @throws StartupException with one line that says what failed and which setting to fix
     */
    public void verifyConnection() {
        if (!jdbcUrl.startsWith("jdbc:mysql:")) {
            throw new StartupException(source.url() + "=" + printableUrl() + " is not a MySQL JDBC URL (expected"
                    + " jdbc:mysql://host:3306/trustfund). Fix " + source.url() + source.where() + ".");
        }
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS * 1000));
        properties.setProperty("socketTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS * 1000));
        try (Connection connection = DriverManager.getConnection(jdbcUrl, properties)) {
            connection.isValid(CONNECT_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            throw new StartupException(explain(e), e);
        }
    }

    private String explain(SQLException e) {
        String fixUrl = "Fix " + source.url() + source.where() + ".";
        String fixCredentials = "Fix " + source.credentials() + source.where() + ".";
        switch (e.getErrorCode()) {
            case 1045: // ER_ACCESS_DENIED_ERROR
                return "The database refused user '" + user + "' (access denied). " + fixCredentials;
            case 1044: // ER_DBACCESS_DENIED_ERROR
                return "User '" + user + "' may not use the database named in " + source.url() + "=" + printableUrl()
                        + " (access denied to the database). " + fixCredentials;
            case 1049: // ER_BAD_DB_ERROR
                return "The database server at " + source.url() + "=" + printableUrl()
                        + " has no such database (unknown database). " + fixUrl;
            default:
                break;
        }
        String reason = networkReason(e);
        if (reason != null) {
            return "Cannot reach the database at " + source.url() + "=" + printableUrl() + " (" + reason + "). "
                    + fixUrl;
        }
        String message = firstLine(e.getMessage());
        if (message.contains("No suitable driver")) {
            return source.url() + "=" + printableUrl() + " is not a MySQL JDBC URL (no driver accepts it). " + fixUrl;
        }
        return "Cannot connect to the database at " + source.url() + "=" + printableUrl() + " (" + message
                + "). Check " + source.url() + " and " + source.credentials() + source.where() + ".";
    }

    private static String networkReason(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                String host = cause.getMessage() == null ? "" : cause.getMessage().split(":", 2)[0];
                return ("unknown host " + host).strip();
            }
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
            if (cause instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (cause instanceof SocketTimeoutException) {
                return "no answer within " + CONNECT_TIMEOUT_SECONDS + " s";
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        String line = message.strip().lines().findFirst().orElse("no message");
        return PASSWORD_IN_URL.matcher(line).replaceAll("$1=***");
    }

    /** The URL as it may be shown: a password given as a URL parameter is masked. */
    public String printableUrl() {
        return PASSWORD_IN_URL.matcher(jdbcUrl).replaceAll("$1=***");
    }

    /**
     * The URL with {@code connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true} added unless it
     * already chooses a time zone, so that instants are stored as UTC whatever the server's zone.
     */
    public String jdbcUrlWithUtcSession() {
        String lower = jdbcUrl.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("connectiontimezone=") || lower.contains("servertimezone=")) {
            return jdbcUrl;
        }
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?")
                + "connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";
    }

    /**
     * The URL Payara's pool connects with: {@link #jdbcUrlWithUtcSession()}, and a connect timeout of
     * {@value #POOL_CONNECT_TIMEOUT_MILLIS} ms unless the URL sets one, so that while the database is away a
     * request fails in seconds (the application then says so) instead of waiting for the operating system's
     * TCP timeout. No socket timeout: reports run long queries.
     */
    public String poolJdbcUrl() {
        String url = jdbcUrlWithUtcSession();
        if (url.toLowerCase(java.util.Locale.ROOT).contains("connecttimeout=")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "connectTimeout=" + POOL_CONNECT_TIMEOUT_MILLIS;
    }

    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + printableUrl() + ", user=" + user + ", password=***]";
    }
}
