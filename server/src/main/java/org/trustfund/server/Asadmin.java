package org.trustfund.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Payara's {@code asadmin} ({@code bash payara6/bin/asadmin}: the unzipped script may lack its run bit)
 * on the JDK this JVM runs on. Output is kept and shown only when a command fails.
 */
final class Asadmin {

    /** How multimode reports each command; it goes on after a failure and exits 0, so we read this. */
    private static final Pattern FAILED_COMMAND = Pattern.compile("(?m)^Command (\\S+) failed\\.");

    private final Path payaraHome;
    private final Path workDir;
    private final Path passwordFile;
    private final int adminPort;

    /**
     * @param payaraHome the {@code payara6} folder
     * @param workDir where command output and command files are written while a command runs
     * @param passwordFile {@code AS_ADMIN_PASSWORD=…} for the admin user
     * @param adminPort the domain's admin port, for remote commands
     */
    Asadmin(Path payaraHome, Path workDir, Path passwordFile, int adminPort) {
        this.payaraHome = payaraHome;
        this.workDir = workDir;
        this.passwordFile = passwordFile;
        this.adminPort = adminPort;
    }

    /** Same domain, other password file (e.g. one that also holds an alias password). */
    Asadmin withPasswordFile(Path otherPasswordFile) {
        return new Asadmin(payaraHome, workDir, otherPasswordFile, adminPort);
    }

    /** Runs one command; returns its output, or throws with the output if it fails. */
    String run(Duration timeout, Map<String, String> environment, String... command) {
        List<String> line = new ArrayList<>(List.of("bash", payaraHome.resolve("bin/asadmin").toString()));
        line.addAll(List.of("--interactive=false", "--user", "admin", "--passwordfile", passwordFile.toString(),
                "--host", "127.0.0.1", "--port", String.valueOf(adminPort)));
        line.addAll(List.of(command));
        Path output = null;
        try {
            Files.createDirectories(workDir);
            output = Files.createTempFile(workDir, "asadmin-", ".out");
            ProcessBuilder builder = new ProcessBuilder(Processes.detached(line)).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            Map<String, String> env = builder.environment();
            // The server inherits this environment: keep the database settings of the caller out of it.
            env.keySet().removeIf(name -> name.startsWith("TRUSTFUND_"));
            env.put("AS_JAVA", System.getProperty("java.home"));
            env.put("TERM", "dumb");
            // The client JVM runs for a second or two: C1 and the serial collector start it faster.
            env.put("AS_EXTRA_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto");
            env.putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new StartupException("asadmin " + command[0] + " did not finish within " + timeout.toSeconds()
                        + " s:\n" + read(output));
            }
            String text = read(output);
            if (process.exitValue() != 0) {
                throw new StartupException("asadmin " + command[0] + " failed (exit " + process.exitValue() + "):\n"
                        + text.strip());
            }
            return text;
        } catch (IOException e) {
            throw new StartupException("Cannot run asadmin " + command[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while running asadmin " + command[0], e);
        } finally {
            if (output != null) {
                StateFiles.deleteQuietly(output);
            }
        }
    }

    /**
     * Runs several commands in one asadmin JVM ({@code multimode --file}). A line's arguments are split at
     * blanks outside double quotes, and a backslash in quotes must be doubled. Stops at nothing: any failed
     * command makes this throw with the whole output, after all have run.
     */
    String multimode(Duration timeout, List<String> commands) {
        Path file;
        try {
            Files.createDirectories(workDir);
            file = StateFiles.write(Files.createTempFile(workDir, "asadmin-", ".commands"),
                    String.join("\n", commands) + "\n");
        } catch (IOException e) {
            throw new StartupException("Cannot write an asadmin command file in " + workDir + ": " + e.getMessage(), e);
        }
        try {
            String output = run(timeout, Map.of(), "multimode", "--file", file.toString());
            Matcher failed = FAILED_COMMAND.matcher(output);
            if (failed.find()) {
                throw new StartupException("asadmin " + failed.group(1) + " failed:\n" + output.strip());
            }
            return output;
        } finally {
            StateFiles.deleteQuietly(file);
        }
    }

    /**
     * A value for {@code --property name=value:name=value} inside double quotes in a multimode file: asadmin
     * wants {@code \:} and {@code \=} inside values, and the file parser eats one level of backslashes.
     */
    static String propertyValue(String value) {
        if (value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("A connection pool property cannot contain quotes or line breaks");
        }
        return value.replace("\\", "\\\\\\\\").replace(":", "\\\\:").replace("=", "\\\\=");
    }

    /** The output, without the console library's complaint that there is no terminal. */
    private static String read(Path output) throws IOException {
        String text = Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        return text.replaceAll("(?m)^Unable to retrieve infocmp.*\\R", "");
    }
}
