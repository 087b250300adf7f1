package org.trustfund.security;

/**
 * What a session or a cached credential must check on each request: the account is still enabled and has
 * not been changed (roles, password, donor link) since they were made.
 */
public record AccountStanding(boolean enabled, long securityStamp) {

    /** Whether something made under {@code stamp} may still act for this account. */
    public boolean admits(long stamp) {
        return enabled && securityStamp == stamp;
    }
}
