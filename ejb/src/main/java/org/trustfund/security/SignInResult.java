package org.trustfund.security;

import java.io.Serializable;
import java.util.Set;

/**
 * The outcome of a sign-in attempt. The reason for a failure is for the audit log only: the person
 * signing in is always told the same neutral message.
 */
public record SignInResult(Outcome outcome, String username, String displayName, Set<Role> roles,
        boolean mustChangePassword) implements Serializable {

    public enum Outcome { SUCCESS, INVALID_CREDENTIALS, LOCKED, DISABLED }

    static SignInResult success(UserAccount user) {
        return new SignInResult(Outcome.SUCCESS, user.getUsername(), user.getDisplayName(), user.getRoles(),
                user.isMustChangePassword());
    }

    static SignInResult failure(Outcome outcome, String username) {
        return new SignInResult(outcome, username, null, Set.of(), false);
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCESS;
    }
}
