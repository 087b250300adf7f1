package org.trustfund.systemtest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.trustfund.server.DatabaseSettings;
import org.trustfund.server.TrustfundSystem;

/**
 * The whole system as built: the EAR on Payara with a new embedded MariaDB, started once for a test run
 * on its own ports (base 28000 unless -Dtrustfund.portBase says otherwise, so a demo on 8080 is not disturbed) and stopped when the run
 * ends. The administrator's password is made up for this run and given to the server as on a real first
 * start, through TRUSTFUND_ADMIN_PASSWORD. HTTP listens on 127.0.0.1 only, as with ./trustfund run.
 */
public final class RunningSystem implements ExtensionContext.Store.CloseableResource, AutoCloseable {


    /** The account the system signs in to the mail server with (SMTP AUTH); its password is made up per run. */
    public static final String SMTP_USER = "trustfund-mailer";

    private final TrustfundSystem system;
    private final String adminPassword;
    private final String smtpPassword;

    private RunningSystem(TrustfundSystem system, String adminPassword, String smtpPassword) {
        this.system = system;
        this.adminPassword = adminPassword;
        this.smtpPassword = smtpPassword;
    }

    static RunningSystem start() {
        Path runtime = Path.of(System.getProperty("trustfund.runtime", "target/runtime"));
        Path state = Path.of(System.getProperty("trustfund.state", "target/system-state"));
        deleteRecursively(state);
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String adminPassword = "test-" + HexFormat.of().formatHex(random);
        new SecureRandom().nextBytes(random);
        String smtpPassword = "mail-" + HexFormat.of().formatHex(random);
        int portBase = Integer.getInteger("trustfund.portBase", 28000);
        TrustfundSystem system = TrustfundSystem.start(TrustfundSystem.Options.builder(state)
                .portBase(portBase)
                .ear(runtime.resolve("trustfund.ear"))
                .runtime(runtime)
                // The tests' own address is a trusted proxy, so a test can pose as distinct clients
                // (X-Forwarded-For, e.g. for throttling per address) and as TLS through a proxy
                // (X-Forwarded-Proto: https, for the Secure cookie flag) without a real proxy.
                .trustedProxies("127.0.0.1")
                .demo(false)
                .adminPassword(adminPassword)
                // Letters go to an SMTP server on base + 25: GreenMail, started by the tests that read the mail;
                // while none listens, letters wait in the outbox as with a mail server that is down. The system
                // signs in to it as a production relay would ask (the password through Payara's password alias).
                .env(Map.of("TRUSTFUND_SMTP_HOST", "127.0.0.1",
                        "TRUSTFUND_SMTP_PORT", String.valueOf(portBase + SMTP_PORT_OFFSET),
                        "TRUSTFUND_SMTP_FROM", "trust.fund@example.org",
                        "TRUSTFUND_SMTP_USER", SMTP_USER,
                        "TRUSTFUND_SMTP_PASSWORD", smtpPassword))
                .build());
        return new RunningSystem(system, adminPassword, smtpPassword);
    }

    /** Where the system sends its letters: a test that reads them starts GreenMail there. */
    public static final int SMTP_PORT_OFFSET = 25;

    public int smtpPort() {
        return portBase() + SMTP_PORT_OFFSET;
    }

    /** The password the system gives the mail server for {@link #SMTP_USER}. */
    public String smtpPassword() {
        return smtpPassword;
    }

    public String baseUrl() {
        return system.baseUrl();
    }

    /** Payara's port base: HTTP is base + 80, the (disabled) JMS broker's port base + 76. */
    public int portBase() {
        return system.payara().httpPort() - 80;
    }

    /** The Payara server JVM (its sockets are read by the listener test). */
    public ProcessHandle payaraProcess() {
        return system.payara().serverProcess()
                .orElseThrow(() -> new IllegalStateException("The Payara server process is not running"));
    }

    public String adminPassword() {
        return adminPassword;
    }

    public DatabaseSettings database() {
        return system.databaseSettings();
    }

    Browser newBrowser() {
        return SystemExtension.openBrowser(baseUrl());
    }

    @Override
    public void close() {
        system.close();
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
