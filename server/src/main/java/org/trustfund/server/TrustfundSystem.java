package org.trustfund.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The whole system on this machine: the database (embedded, or external when the environment says so),
 * a Payara domain with the data source {@code jdbc/trustfund}, and the EAR deployed as {@value #APP_NAME}.
 * The command line and the system tests both start it through {@link #start(Options)}. HTTP listens on
 * {@link Options#bindAddress()} (127.0.0.1 unless asked otherwise), HTTPS only when asked for; every other
 * port of Payara and the embedded database on 127.0.0.1.
 *
 * <p>State folder layout: {@code db/} (the embedded database), {@code payara/} (Payara and the domain),
 * {@code first-start-credentials.txt} (written by the application on its first start).
 */
public final class TrustfundSystem implements AutoCloseable {

    public static final String APP_NAME = "trustfund";
    public static final String CONTEXT_ROOT = "/trustfund";
    /** The page polled after deploy; it answers 200 once the application is up. */
    public static final String READINESS_PAGE = "/login.xhtml";
    public static final String CREDENTIALS_FILE = "first-start-credentials.txt";
    public static final String ADMIN_PASSWORD_VARIABLE = "TRUSTFUND_ADMIN_PASSWORD";
    /** The embedded database listens on port base + this (8006 for the default port base 8000). */
    public static final int DATABASE_PORT_OFFSET = 6;
    /** Read by the web module's {@code ClientAddress}: the proxies whose forwarded headers it believes. */
    public static final String TRUSTED_PROXIES_PROPERTY = "trustfund.trustedProxies";

    private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(180);
    /** How often {@link #keepRunning} starts a database that stopped, within {@link #DATABASE_RESTART_WINDOW}. */
    static final int DATABASE_RESTARTS = 3;
    static final Duration DATABASE_RESTART_WINDOW = Duration.ofMinutes(10);

    /**
     * How to start.
     *
     * @param stateDir where the database, the domain and the credentials file live, e.g. {@code .trustfund}
     * @param portBase Payara's port base: HTTP is base + 80, HTTPS base + 81, admin base + 48; the embedded
     *     database base + 6
     * @param bindAddress the IP address HTTP (and HTTPS) listen on; 127.0.0.1 by default, 0.0.0.0 for all
     *     interfaces (behind a reverse proxy)
     * @param https whether HTTPS (base + 81, Payara's self-signed certificate) is on; off by default
     * @param trustedProxies comma-separated IP addresses of reverse proxies whose X-Forwarded-For and
     *     X-Forwarded-Proto the application believes (the server's {@code -Dtrustfund.trustedProxies}); empty
     *     for none
     * @param ear the application to deploy
     * @param payaraZip the Payara Server zip
     * @param connectorJar the MySQL Connector/J jar
     * @param demo passed to the application as {@code -Dtrustfund.demo}
     * @param adminPassword if not null, given to the server as {@code TRUSTFUND_ADMIN_PASSWORD} (the application
     *     reads it on its first start)
     * @param env the environment that may switch to an external database ({@link DatabaseSettings#fromEnvironment})
     */
    public record Options(Path stateDir, int portBase, String bindAddress, boolean https, String trustedProxies,
                          Path ear, Path payaraZip, Path connectorJar, boolean demo, String adminPassword,
                          Map<String, String> env) {

        public Options {
            Objects.requireNonNull(stateDir, "stateDir");
            bindAddress = PayaraDomain.requireIpAddress(bindAddress, "bind address");
            trustedProxies = normalizeTrustedProxies(trustedProxies);
            Objects.requireNonNull(ear, "ear");
            Objects.requireNonNull(payaraZip, "payaraZip");
            Objects.requireNonNull(connectorJar, "connectorJar");
            env = env == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(env));
        }

        /**
         * Options with port base 8000, HTTP on 127.0.0.1, no HTTPS, no trusted proxy, demo data on, no admin
         * password and an empty environment.
         */
        public static Builder builder(Path stateDir) {
            return new Builder(stateDir);
        }

        @Override
        public String toString() {
            return "Options[stateDir=" + stateDir + ", portBase=" + portBase + ", bindAddress=" + bindAddress
                    + ", https=" + https + ", trustedProxies=" + trustedProxies + ", ear=" + ear + ", demo=" + demo
                    + ", adminPassword=" + (adminPassword == null ? "none" : "***") + "]";
        }
    }

    /** Builds {@link Options}; {@link #runtime(Path)} sets the zip and the jar from {@code server/target/runtime}. */
    public static final class Builder {
        private final Path stateDir;
        private int portBase = 8000;
        private String bindAddress = "127.0.0.1";
        private boolean https;
        private String trustedProxies = "";
        private Path ear;
        private Path payaraZip;
        private Path connectorJar;
        private boolean demo = true;
        private String adminPassword;
        private Map<String, String> env = Map.of();

        private Builder(Path stateDir) {
            this.stateDir = stateDir;
        }

        public Builder portBase(int value) {
            portBase = value;
            return this;
        }

        /** The IP address HTTP (and HTTPS) listen on, e.g. {@code 0.0.0.0} for all interfaces. */
        public Builder bindAddress(String value) {
            bindAddress = value;
            return this;
        }

        public Builder https(boolean value) {
            https = value;
            return this;
        }

        /** Comma-separated IP addresses whose X-Forwarded-For / X-Forwarded-Proto the application believes. */
        public Builder trustedProxies(String value) {
            trustedProxies = value;
            return this;
        }

        public Builder ear(Path value) {
            ear = value;
            return this;
        }

        public Builder payaraZip(Path value) {
            payaraZip = value;
            return this;
        }

        public Builder connectorJar(Path value) {
            connectorJar = value;
            return this;
        }

        /** The folder this module's build fills: {@code payara.zip} and {@code mysql-connector-j.jar}. */
        public Builder runtime(Path runtimeDir) {
            payaraZip = runtimeDir.resolve("payara.zip");
            connectorJar = runtimeDir.resolve("mysql-connector-j.jar");
            return this;
        }

        public Builder demo(boolean value) {
            demo = value;
            return this;
        }

        public Builder adminPassword(String value) {
            adminPassword = value;
            return this;
        }

        public Builder env(Map<String, String> value) {
            env = value;
            return this;
        }

        public Options build() {
            return new Options(stateDir, portBase, bindAddress, https, trustedProxies, ear, payaraZip, connectorJar,
                    demo, adminPassword, env);
        }
    }

    private final Options options;
    private final Map<String, Duration> timings = new LinkedHashMap<>();
    private EmbeddedDatabase embeddedDatabase;
    private DatabaseSettings databaseSettings;
    private PayaraDomain payara;
    private ProcessHandle payaraProcess;
    private final List<Instant> databaseRestarts = new ArrayList<>();
    private Thread shutdownHook;
    private boolean closed;

    private TrustfundSystem(Options options) {
        this.options = options;
    }

    /**
     * Starts the database (embedded unless {@code env} names an external one, which is checked first: it
     * fails fast with a one-line message and Payara is not started), then Payara, then deploys the EAR and
     * waits until {@value #READINESS_PAGE} answers 200. If anything fails, what was started is stopped.
     *
     * @throws StartupException saying what failed
     */
    public static TrustfundSystem start(Options options) {
        Optional<DatabaseSettings> external = DatabaseSettings.fromEnvironment(options.env());
        // Checked before anything starts, as the database settings are: a wrong setting is said in one line.
        MailSettings.fromEnvironment(options.env());
        for (Path file : new Path[] {options.ear(), options.payaraZip(), options.connectorJar()}) {
            if (!Files.isRegularFile(file)) {
                throw new StartupException("There is no " + file + (file == options.ear()
                        ? ": build the application first (mvn -DskipTests install)." : "."));
            }
        }
        TrustfundSystem system = new TrustfundSystem(options);
        system.shutdownHook = new Thread(system::close, "trustfund-shutdown");
        Runtime.getRuntime().addShutdownHook(system.shutdownHook);
        // Holding the lock while starting makes a close() from the shutdown hook (Ctrl-C during the start)
        // wait for the start to end and then stop everything, instead of leaving a server running.
        synchronized (system) {
            try {
                system.startAll(external);
                return system;
            } catch (RuntimeException | Error e) {
                system.close();
                throw e;
            }
        }
    }

    /** A system of one embedded database and no Payara, for tests of {@link #keepRunning}. */
    static TrustfundSystem ofDatabaseOnly(Options options, EmbeddedDatabase database) {
        TrustfundSystem system = new TrustfundSystem(options);
        system.embeddedDatabase = database;
        system.databaseSettings = database.settings();
        return system;
    }

    /** The embedded database now running (another object after a restart); null with an external one. */
    EmbeddedDatabase embeddedDatabase() {
        return embeddedDatabase;
    }

    private void startAll(Optional<DatabaseSettings> external) {
        Path stateDir = StateFiles.directory(options.stateDir().toAbsolutePath().normalize());
        long begin = System.nanoTime();
        long step = begin;
        if (external.isPresent()) {
            external.get().verifyConnection();
            databaseSettings = external.get();
            step = time("database check", step);
        } else {
            embeddedDatabase = EmbeddedDatabase.start(stateDir.resolve("db"), options.portBase() + DATABASE_PORT_OFFSET);
            databaseSettings = embeddedDatabase.settings();
            step = time("database start", step);
        }
        Map<String, String> systemProperties = new LinkedHashMap<>();
        systemProperties.put("trustfund.demo", String.valueOf(options.demo()));
        systemProperties.put("trustfund.credentials.file", credentialsFile().toString());
        if (!options.trustedProxies().isEmpty()) {
            systemProperties.put(TRUSTED_PROXIES_PROPERTY, options.trustedProxies());
        }
        Map<String, String> serverEnvironment = options.adminPassword() == null
                ? Map.of() : Map.of(ADMIN_PASSWORD_VARIABLE, options.adminPassword());
        payara = PayaraDomain.start(new PayaraDomain.Settings(options.payaraZip(), options.connectorJar(),
                stateDir.resolve("payara"), options.portBase(), options.bindAddress(), options.https(),
                systemProperties, serverEnvironment));
        step = time("domain start", step);
        payaraProcess = payara.serverProcess().orElse(null);
        payara.createDataSource(databaseSettings);
        step = time("data source", step);
        Optional<MailSettings> mail = MailSettings.fromEnvironment(options.env());
        if (mail.isPresent()) {
            payara.createMailResource(mail.get());
            step = time("mail resource", step);
        }
        payara.deploy(options.ear(), APP_NAME, CONTEXT_ROOT + READINESS_PAGE, READINESS_TIMEOUT);
        time("deploy", step);
        timings.put("total", Duration.ofNanos(System.nanoTime() - begin));
    }

    /** "a, b" → "a,b"; each must be an IP literal, since the application compares it with the peer's address. */
    static String normalizeTrustedProxies(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        List<String> addresses = new ArrayList<>();
        for (String address : value.split(",")) {
            if (!address.isBlank()) {
                addresses.add(PayaraDomain.requireIpAddress(address, "trusted proxy"));
            }
        }
        return String.join(",", addresses);
    }

    private long time(String what, long since) {
        long now = System.nanoTime();
        timings.put(what, Duration.ofNanos(now - since));
        return now;
    }

    /** The application's URL, e.g. {@code http://localhost:8080/trustfund} (no trailing slash). */
    public String baseUrl() {
        return payara.baseUrl() + CONTEXT_ROOT;
    }

    /** How to reach the database the application uses (tests query it). */
    public DatabaseSettings databaseSettings() {
        return databaseSettings;
    }

    /** The Payara domain (ports, server.log, asadmin password file). */
    public PayaraDomain payara() {
        return payara;
    }

    /** How long each step took: database start or check, domain start, data source, deploy, total. */
    public Map<String, Duration> timings() {
        return Collections.unmodifiableMap(timings);
    }

    /** Where the application writes the credentials it generated on its first start. */
    public Path credentialsFile() {
        return options.stateDir().toAbsolutePath().normalize().resolve(CREDENTIALS_FILE);
    }

    /** The text the application wrote to {@link #credentialsFile()}, if it did; the file is deleted. */
    public Optional<String> readAndDeleteFirstStartCredentials() {
        Path file = credentialsFile();
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Files.delete(file);
            return Optional.of(text);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks that what was started still runs; {@code ./trustfund run} asks every second. An embedded database
     * that stopped (killed, crashed) is started again on the same data and port, so Payara's pool reconnects by
     * itself; at most {@value #DATABASE_RESTARTS} times in {@link #DATABASE_RESTART_WINDOW}, since a database
     * that keeps dying needs a person. Payara is not restarted (the domain, the data source and the deploy take
     * a minute, and a server that died may well die again): its end ends the system.
     *
     * @param say prints one line for a person: what stopped, what is done about it
     * @return false if the system cannot go on (what stopped was said); true if it runs, or was closed on purpose
     */
    public synchronized boolean keepRunning(Consumer<String> say) {
        if (closed) {
            return true;
        }
        if (payaraProcess != null && !payaraProcess.isAlive()) {
            say.accept("Payara Server (pid " + payaraProcess.pid() + ") has stopped unexpectedly; the application is"
                    + " gone. Stopping Trustfund. Its log: " + payara.serverLog());
            return false;
        }
        if (embeddedDatabase != null && !embeddedDatabase.isRunning()) {
            return restartDatabase(say);
        }
        return true;
    }

    private boolean restartDatabase(Consumer<String> say) {
        String how = embeddedDatabase.exitStatus().orElse("stopped");
        Instant now = Instant.now();
        databaseRestarts.removeIf(restart -> restart.isBefore(now.minus(DATABASE_RESTART_WINDOW)));
        if (databaseRestarts.size() >= DATABASE_RESTARTS) {
            say.accept("The database (pid " + embeddedDatabase.pid() + ") has stopped again (" + how + "), "
                    + (DATABASE_RESTARTS + 1) + " times within " + DATABASE_RESTART_WINDOW.toMinutes()
                    + " minutes. Stopping Trustfund. Its log: " + embeddedDatabase.log());
            return false;
        }
        databaseRestarts.add(now);
        say.accept("The database (pid " + embeddedDatabase.pid() + ") has stopped unexpectedly (" + how
                + "). Starting it again on port " + embeddedDatabase.port() + " with the same data...");
        long begin = System.nanoTime();
        try {
            embeddedDatabase = embeddedDatabase.restart();
        } catch (RuntimeException e) {
            say.accept("The database could not be started again: " + e.getMessage().lines().findFirst().orElse("")
                    + " Stopping Trustfund. Its log: " + embeddedDatabase.log());
            return false;
        }
        say.accept(String.format("The database is running again (pid %d, %.1f s); the application reconnects by"
                + " itself.", embeddedDatabase.pid(), (System.nanoTime() - begin) / 1e9));
        return true;
    }

    /** Stops Payara, then the embedded database; safe to call twice and from a shutdown hook. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (payara != null) {
                payara.close();
            }
        } finally {
            if (embeddedDatabase != null) {
                embeddedDatabase.close();
            }
            removeShutdownHook();
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down; the hook is running or has run.
            }
        }
    }
}
