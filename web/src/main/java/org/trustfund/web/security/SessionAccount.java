package org.trustfund.web.security;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A page session's sign-in: who, in which roles (as container groups), under which security stamp of the
 * account (a change of roles, password, donor link or a disabling moves it, which ends the session), and
 * since when (no session lives longer than {@link #ABSOLUTE_LIFETIME}, however busy; the idle timeout is in
 * web.xml). {@link PageSignInMechanism} hands it to the container on every request.
 */
record SessionAccount(String username, Set<String> groups, long securityStamp, Instant signedInAt)
        implements Serializable {

    static final Duration ABSOLUTE_LIFETIME = Duration.ofHours(8);

    SessionAccount {
        groups = Set.copyOf(groups);
    }

    boolean outlived(Instant now) {
        return !now.isBefore(signedInAt.plus(ABSOLUTE_LIFETIME));
    }

    SessionAccount withStamp(long newStamp) {
        return new SessionAccount(username, groups, newStamp, signedInAt);
    }
}
