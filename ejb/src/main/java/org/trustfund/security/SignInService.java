package org.trustfund.security;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditLog;

/**
 * Checks a user name and password for the identity store. Every attempt is audited exactly once, in the
 * attempt's own transaction, which nothing else can make fail: the failure count and the last sign-in are
 * written with atomic updates, never through the versioned entity, so parallel sign-ins of one user all
 * succeed or fail on their own merits. Attempts are throttled per client address and user name
 * ({@link SignInThrottle}). A wrong password, an unknown user and a disabled account get the same answer
 * and cost the same time. The password itself is never logged or stored.
 */
@Stateless
@PermitAll
public class SignInService {

    private static final Logger LOG = Logger.getLogger(SignInService.class.getName());
    private static final String ENTITY = "UserAccount";

    @Inject
    private UserAccountRepository users;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private SignInThrottle throttle;

    @Inject
    private AuditLog audit;

    private final Clock clock = Clock.systemUTC();

    public SignInResult signIn(String username, char[] password, String clientAddress) {
        Instant now = clock.instant();
        String name = normalize(username);
        Optional<Duration> wait = throttle.refusal(name, clientAddress, now);
        if (wait.isPresent()) {
            log(name, clientAddress, "throttled for " + wait.get().toSeconds() + " s");
            audit.recordFor(actor(name), AuditAction.SIGN_IN_THROTTLED, ENTITY, null,
                    "retry after " + wait.get().toSeconds() + " s", clientAddress);
            return SignInResult.throttled(name, wait.get());
        }
        Optional<UserAccount> found = name.isEmpty() ? Optional.empty() : users.findByUsername(name);
        boolean passwordMatches;
        try {
            if (found.isEmpty()) {
                hasher.verifyAgainstDecoy(password);
                passwordMatches = false;
            } else {
                passwordMatches = hasher.verify(password, found.get().getPasswordHash());
            }
        } catch (HashingBusyException e) {
            Duration retry = Duration.ofSeconds(1);
            log(name, clientAddress, "too many password checks waiting");
            audit.recordFor(actor(name), AuditAction.SIGN_IN_THROTTLED, ENTITY, null, "server busy checking passwords",
                    clientAddress);
            return SignInResult.throttled(name, retry);
        }
        if (found.isEmpty()) {
            throttle.failed(name, clientAddress, now);
            return fail(SignInResult.Outcome.INVALID_CREDENTIALS, name, null, "unknown user", clientAddress);
        }
        UserAccount user = found.get();
        if (!passwordMatches) {
            throttle.failed(name, clientAddress, now);
            users.countFailedSignIn(user.getId());
            return fail(SignInResult.Outcome.INVALID_CREDENTIALS, name, user.getId(),
                    "wrong password (" + users.failedSignInsInARow(user.getId()) + " in a row)", clientAddress);
        }
        if (!user.canSignIn()) {
            // The right password of a disabled account: no failure to count, but no way in either.
            return fail(SignInResult.Outcome.DISABLED, name, user.getId(), "account disabled", clientAddress);
        }
        throttle.succeeded(name, clientAddress, now);
        users.recordSuccessfulSignIn(user.getId(), now);
        audit.recordFor(name, AuditAction.SIGN_IN, ENTITY, user.getId(), null, clientAddress);
        return SignInResult.success(user);
    }

    public void signOut(String username, String clientAddress) {
        audit.recordFor(username, AuditAction.SIGN_OUT, ENTITY, null, null, clientAddress);
    }

    /** Lower case, trimmed, and never longer than a user name can be plus one (so it matches no one). */
    static String normalize(String username) {
        String name = username == null ? "" : username.trim().toLowerCase();
        return name.length() > 101 ? name.substring(0, 101) : name;
    }

    private static String actor(String name) {
        // The audit log's actor column holds 100 characters.
        return name.isEmpty() ? "(blank)" : name.length() > 100 ? name.substring(0, 100) : name;
    }

    private SignInResult fail(SignInResult.Outcome outcome, String name, Long id, String why, String clientAddress) {
        log(name, clientAddress, why);
        audit.recordFor(actor(name), AuditAction.SIGN_IN_FAILED, ENTITY, id, why, clientAddress);
        return SignInResult.failure(outcome, name);
    }

    private static void log(String name, String clientAddress, String why) {
        // User names come from the sign-in form: strip line breaks so they cannot forge log lines.
        String safeName = name.replaceAll("[\\r\\n\\t]", "_");
        LOG.warning(() -> "Failed sign-in for user name '" + safeName + "' from " + clientAddress + ": " + why);
    }
}
