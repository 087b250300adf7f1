package org.trustfund.web.security;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * What a page session remembers of its sign-in, to end itself when it should: the account's security stamp
 * then (a change of roles, password, donor link or a disabling moves it) and when it began (no session lives
 * longer than {@link #ABSOLUTE_LIFETIME}, however busy; the idle timeout is in web.xml).
 */
record SessionAccount(String username, long securityStamp, Instant signedInAt) implements Serializable {

    static final Duration ABSOLUTE_LIFETIME = Duration.ofHours(8);

    boolean outlived(Instant now) {
        return !now.isBefore(signedInAt.plus(ABSOLUTE_LIFETIME));
    }

    SessionAccount withStamp(long newStamp) {
        return new SessionAccount(username, newStamp, signedInAt);
    }
}
