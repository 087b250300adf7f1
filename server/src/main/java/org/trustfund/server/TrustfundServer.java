package org.trustfund.server;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The command line: {@code run} starts everything and blocks until Ctrl-C or {@code stop}, watching Payara
 * and the database meanwhile (a database that stops is started again; if Payara stops, or the database cannot
 * be started again, it says so, stops the rest and exits with status 1); {@code stop} ends a running
 * {@code run} through the pid file in the state folder.
 *
 * <pre>
 * java -jar server/target/trustfund-server.jar run  [--state DIR] [--port-base N] [--bind ADDRESS] [--https]
 *                                                  [--trusted-proxy ADDR[,ADDR...]] [--ear FILE] [--demo true|false]
 * java -jar server/target/trustfund-server.jar stop [--state DIR]
 * </pre>
 *
 * Defaults come from where the jar lies ({@code REPO/server/target/}): state {@code REPO/.trustfund}, EAR
 * {@code REPO/ear/target/trustfund.ear}, runtime {@code REPO/server/target/runtime/}, port base 8000. HTTP
 * listens on {@code --bind} (127.0.0.1 by default; 0.0.0.0 for all interfaces), HTTPS only with
 * {@code --https}; {@code --trusted-proxy} names the reverse proxies whose X-Forwarded-For and
 * X-Forwarded-Proto the application believes.
 * The environment's {@code TRUSTFUND_DB_*} variables switch to an external database and
 * {@code TRUSTFUND_ADMIN_PASSWORD} is handed to the application.
 */
public final class TrustfundServer {

    static final String PID_FILE = "trustfund.pid";
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);

    private TrustfundServer() {
    }

    public static void main(String[] args) {
        Deque<String> arguments = new ArrayDeque<>(List.of(args));
        String command = arguments.isEmpty() || arguments.peek().startsWith("--") ? "run" : arguments.pop();
        try {
            Path repo = repositoryRoot();
            Path state = repo.resolve(".trustfund");
            int portBase = 8000;
            Path ear = repo.resolve("ear/target/trustfund.ear");
            boolean demo = true;
            String bind = "127.0.0.1";
            boolean https = false;
            String trustedProxies = "";
            while (!arguments.isEmpty()) {
                String option = arguments.pop();
                if (option.equals("--https")) {
                    https = true;
                    continue;
                }
                if (arguments.isEmpty()) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = arguments.pop();
                switch (option) {
                    case "--state" -> state = Path.of(value).toAbsolutePath();
                    case "--port-base" -> portBase = Integer.parseInt(value);
                    case "--ear" -> ear = Path.of(value).toAbsolutePath();
                    case "--demo" -> demo = Boolean.parseBoolean(value);
                    case "--bind" -> bind = value;
                    case "--trusted-proxy" -> trustedProxies = value;
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            switch (command) {
                case "run" -> run(TrustfundSystem.Options.builder(state).portBase(portBase).bindAddress(bind)
                        .https(https).trustedProxies(trustedProxies).ear(ear)
                        .runtime(repo.resolve("server/target/runtime")).demo(demo)
                        .adminPassword(System.getenv(TrustfundSystem.ADMIN_PASSWORD_VARIABLE))
                        .env(System.getenv()).build());
                case "stop" -> System.exit(stop(state) ? 0 : 1);
                default -> throw new IllegalArgumentException("unknown command " + command);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("trustfund: " + e.getMessage());
            System.err.println("Usage: trustfund run [--state DIR] [--port-base N] [--bind ADDRESS] [--https]");
            System.err.println("                     [--trusted-proxy ADDR[,ADDR...]] [--ear FILE] [--demo true|false]");
            System.err.println("  --bind ADDRESS   the IP address HTTP (and HTTPS) listen on; default 127.0.0.1,"
                    + " 0.0.0.0 for all interfaces");
            System.err.println("  --https          also listen for HTTPS on port base + 81 (self-signed certificate)");
            System.err.println("  --trusted-proxy  reverse proxies whose X-Forwarded-For/-Proto are believed");
            System.err.println("       trustfund stop [--state DIR]");
            System.exit(2);
        } catch (StartupException e) {
            System.err.println("trustfund: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(TrustfundSystem.Options options) {
        Path pidFile = options.stateDir().resolve(PID_FILE);
        Optional<ProcessHandle> running = runningInstance(pidFile);
        if (running.isPresent()) {
            throw new StartupException("Trustfund is already running from " + options.stateDir() + " (pid "
                    + running.get().pid() + "). Stop it with ./trustfund stop.");
        }
        StateFiles.write(pidFile, ProcessHandle.current().pid() + "\n");
        CountDownLatch stopped = new CountDownLatch(1);
        TrustfundSystem[] system = new TrustfundSystem[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (system[0] != null) {
                System.out.println("Stopping Trustfund...");
                system[0].close();
                System.out.println("Trustfund stopped.");
            }
            StateFiles.deleteQuietly(pidFile);
            stopped.countDown();
        }, "trustfund-stop"));

        System.out.println("Starting Trustfund (state in " + options.stateDir() + ", port base " + options.portBase()
                + ")...");
        system[0] = TrustfundSystem.start(options);
        System.out.println();
        system[0].timings().forEach((step, duration) ->
                System.out.printf("  %-16s %5.1f s%n", step, duration.toMillis() / 1000.0));
        System.out.println();
        System.out.println("Trustfund is running at " + system[0].baseUrl() + "/");
        system[0].readAndDeleteFirstStartCredentials().ifPresent(text -> {
            System.out.println();
            System.out.println("First start: the application created these credentials. They are shown once;");
            System.out.println("the file they were in has been deleted.");
            System.out.println(text.strip());
        });
        System.out.println();
        System.out.println("Stop with Ctrl-C, or ./trustfund stop from another terminal.");
        watch(system[0], stopped);
    }

    /**
     * Until Ctrl-C or {@code stop}, checks every {@link #WATCH_INTERVAL} that Payara and the database still run
     * ({@link TrustfundSystem#keepRunning}); if the system cannot go on, ends this JVM with status 1, whose
     * shutdown hook stops what is left.
     */
    private static void watch(TrustfundSystem system, CountDownLatch stopped) {
        try {
            while (!stopped.await(WATCH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
                if (!system.keepRunning(TrustfundServer::say)) {
                    System.exit(1);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A line about the running system, with the time, so that it can be found in a long console. */
    private static void say(String line) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " trustfund: " + line);
    }

    /** Ends the {@code run} whose pid is in the state folder and waits until it has stopped. */
    static boolean stop(Path state) {
        Path pidFile = state.resolve(PID_FILE);
        Optional<ProcessHandle> running = runningInstance(pidFile);
        if (running.isEmpty()) {
            if (Files.exists(pidFile)) {
                StateFiles.deleteQuietly(pidFile);
                System.out.println("Trustfund is not running (removed a stale " + pidFile + ").");
            } else {
                System.out.println("Trustfund is not running (no " + pidFile + ").");
            }
            return true;
        }
        ProcessHandle process = running.get();
        System.out.println("Stopping Trustfund (pid " + process.pid() + ")...");
        long begin = System.nanoTime();
        process.destroy(); // SIGTERM: the shutdown hook stops Payara and the database
        try {
            process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            System.err.println("Trustfund (pid " + process.pid() + ") did not stop within " + STOP_TIMEOUT.toMinutes()
                    + " minutes.");
            return false;
        } catch (Exception e) {
            System.err.println("Waiting for pid " + process.pid() + " failed: " + e.getMessage());
            return false;
        }
        System.out.printf("Trustfund stopped (%.1f s).%n", (System.nanoTime() - begin) / 1e9);
        return true;
    }

    /** The process named in the pid file, if it is alive and is this launcher. */
    private static Optional<ProcessHandle> runningInstance(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().commandLine()
                            .map(cmd -> cmd.contains(TrustfundServer.class.getName()) || cmd.contains("trustfund-server"))
                            .orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code REPO} when running from {@code REPO/server/target/trustfund-server.jar}, else the working folder. */
    private static Path repositoryRoot() {
        try {
            Path location = Path.of(TrustfundServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // .../server/target/trustfund-server.jar or .../server/target/classes
            Path target = location.getParent();
            if (target != null && target.getFileName() != null && target.getFileName().toString().equals("target")
                    && target.getParent() != null && target.getParent().getParent() != null) {
                return target.getParent().getParent();
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall through
        }
        return Path.of("").toAbsolutePath();
    }
}
