package org.trustfund.security;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.logging.Logger;
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditLog;

/**
 * On the very first start (no user account exists) creates the first administrator, and in demo mode one
 * fictional user per role. There is no default password: the administrator's comes from the environment
 * variable {@value #ADMIN_PASSWORD_ENV}, or is generated. Generated passwords are written once to the file
 * named by the system property {@value #CREDENTIALS_FILE_PROPERTY} (owner-only), which the launcher prints
 * to the console and deletes; they are never logged.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class FirstStartSetup {

    public static final String ADMIN_PASSWORD_ENV = "TRUSTFUND_ADMIN_PASSWORD";
    public static final String CREDENTIALS_FILE_PROPERTY = "trustfund.credentials.file";
    public static final String DEMO_PROPERTY = "trustfund.demo";
    private static final String SYSTEM_ACTOR = "system";

    private static final Logger LOG = Logger.getLogger(FirstStartSetup.class.getName());

    @Inject
    private UserAccountRepository users;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private AuditLog audit;

    private final Clock clock = Clock.systemUTC();

    @PostConstruct
    void createFirstUsers() {
        if (users.count() > 0) {
            return;
        }
        List<String> generated = new ArrayList<>();
        String adminPassword = System.getenv(ADMIN_PASSWORD_ENV);
        if (adminPassword == null || adminPassword.isBlank()) {
            adminPassword = TemporaryPasswords.generate();
            generated.add(line("admin", Role.ADMIN, adminPassword));
        } else {
            PasswordPolicy.check(ADMIN_PASSWORD_ENV, "admin", adminPassword.toCharArray());
        }
        create("admin", "Administrator", Role.ADMIN, adminPassword);
        if (Boolean.getBoolean(DEMO_PROPERTY)) {
            for (Role role : List.of(Role.FINANCE_OFFICER, Role.CERTIFYING_OFFICER, Role.AUDITOR)) {
                String username = demoUsername(role);
                String password = TemporaryPasswords.generate();
                create(username, "Demo " + role.name().toLowerCase().replace('_', ' ') + " (fictional)", role, password);
                generated.add(line(username, role, password));
            }
        }
        if (!generated.isEmpty()) {
            writeCredentials(generated);
        }
    }

    static String demoUsername(Role role) {
        return switch (role) {
            case FINANCE_OFFICER -> "finance";
            case CERTIFYING_OFFICER -> "certifier";
            case AUDITOR -> "auditor";
            case DONOR -> "donor";
            case ADMIN -> "admin";
        };
    }

    private void create(String username, String displayName, Role role, String password) {
        UserAccount account = new UserAccount(username, displayName, hasher.hash(password.toCharArray()),
                EnumSet.of(role), false, clock.instant(), SYSTEM_ACTOR);
        users.add(account);
        audit.recordFor(SYSTEM_ACTOR, AuditAction.CREATE, "UserAccount", account.getId(),
                "username: " + username + "; roles: [" + role + "]; first start", null);
        LOG.info(() -> "First start: created user '" + username + "' with role " + role);
    }

    private static String line(String username, Role role, String password) {
        return String.format("%-10s %-19s %s", username, role, password);
    }

    private void writeCredentials(List<String> lines) {
        String file = System.getProperty(CREDENTIALS_FILE_PROPERTY);
        if (file == null || file.isBlank()) {
            throw new IllegalStateException("First start needs " + ADMIN_PASSWORD_ENV + " or the system property "
                    + CREDENTIALS_FILE_PROPERTY + " to hand over the generated administrator password");
        }
        Path path = Path.of(file);
        try {
            Files.deleteIfExists(path);
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(path, lines, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the first-start credentials to " + path, e);
        }
        LOG.info(() -> "First start: generated passwords written to " + path + " for the launcher to print once");
    }
}
