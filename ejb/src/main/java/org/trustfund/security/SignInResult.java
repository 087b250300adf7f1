package org.trustfund.security;

import java.io.Serializable;
import java.time.Duration;
import java.util.Set;

/**
 * The outcome of a sign-in attempt. The reason for a failure is for the audit log only: the person
 * signing in is told the same neutral message for a wrong password, an unknown user and a disabled
 * account; only a throttled attempt is told how long to wait (whoever they are, known name or not).
 *
 * @param securityStamp the account's stamp at sign-in; a session made now ends when it changes
 * @param retryAfter for {@link Outcome#THROTTLED}, how long to wait; otherwise zero
 */
public record SignInResult(Outcome outcome, String username, String displayName, Set<Role> roles,
        boolean mustChangePassword, long securityStamp, Duration retryAfter) implements Serializable {

    public enum Outcome { SUCCESS, INVALID_CREDENTIALS, DISABLED, THROTTLED }

    static SignInResult success(UserAccount user) {
        return new SignInResult(Outcome.SUCCESS, user.getUsername(), user.getDisplayName(), user.getRoles(),
                user.isMustChangePassword(), user.getSecurityStamp(), Duration.ZERO);
    }

    static SignInResult failure(Outcome outcome, String username) {
        return new SignInResult(outcome, username, null, Set.of(), false, -1, Duration.ZERO);
    }

    static SignInResult throttled(String username, Duration retryAfter) {
        return new SignInResult(Outcome.THROTTLED, username, null, Set.of(), false, -1, retryAfter);
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCESS;
    }
}
