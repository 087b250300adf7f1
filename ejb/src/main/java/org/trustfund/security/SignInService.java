package org.trustfund.security;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditLog;

/**
 * Checks a user name and password for the identity store. Every attempt is audited; failures count
 * towards a temporary lock. The password itself is never logged or stored.
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
    private AuditLog audit;

    private final Clock clock = Clock.systemUTC();

    public SignInResult signIn(String username, char[] password, String clientAddress) {
        Instant now = clock.instant();
        String name = username == null ? "" : username.trim().toLowerCase();
        Optional<UserAccount> found = name.isEmpty() ? Optional.empty() : users.findByUsername(name);
        if (found.isEmpty()) {
            hasher.verifyAgainstDecoy(password);
            return fail(SignInResult.Outcome.INVALID_CREDENTIALS, name, null, "unknown user", clientAddress);
        }
        UserAccount user = found.get();
        boolean passwordMatches = hasher.verify(password, user.getPasswordHash());
        if (!user.isEnabled()) {
            return fail(SignInResult.Outcome.DISABLED, name, user.getId(), "account disabled", clientAddress);
        }
        if (user.isLockedAt(now)) {
            return fail(SignInResult.Outcome.LOCKED, name, user.getId(), "account locked until " + user.getLockedUntil(),
                    clientAddress);
        }
        if (!passwordMatches) {
            boolean lockedNow = user.recordFailedSignIn(now);
            fail(SignInResult.Outcome.INVALID_CREDENTIALS, name, user.getId(),
                    "wrong password (" + user.getFailedAttempts() + " in a row)", clientAddress);
            if (lockedNow) {
                audit.recordFor(name, AuditAction.ACCOUNT_LOCKED, ENTITY, user.getId(),
                        "locked until " + user.getLockedUntil() + " after " + user.getFailedAttempts() + " failures",
                        clientAddress);
            }
            return SignInResult.failure(SignInResult.Outcome.INVALID_CREDENTIALS, name);
        }
        user.recordSuccessfulSignIn(now);
        audit.recordFor(name, AuditAction.SIGN_IN, ENTITY, user.getId(), null, clientAddress);
        return SignInResult.success(user);
    }

    public void signOut(String username, String clientAddress) {
        audit.recordFor(username, AuditAction.SIGN_OUT, ENTITY, null, null, clientAddress);
    }

    private SignInResult fail(SignInResult.Outcome outcome, String name, Long id, String why, String clientAddress) {
        // User names come from the sign-in form: strip line breaks so they cannot forge log lines.
        String safeName = name.replaceAll("[\\r\\n\\t]", "_");
        LOG.warning(() -> "Failed sign-in for user name '" + safeName + "' from " + clientAddress + ": " + why);
        audit.recordFor(name.isEmpty() ? "(blank)" : name, AuditAction.SIGN_IN_FAILED, "UserAccount", id, why,
                clientAddress);
        return SignInResult.failure(outcome, name);
    }
}
