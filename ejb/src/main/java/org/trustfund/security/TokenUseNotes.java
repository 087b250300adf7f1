package org.trustfund.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When this server last noted each token's use, so that a script's calls write the token's last use at most
 * once a minute instead of sending an UPDATE with every call. (Another server may note it again within the
 * minute; the UPDATE's own condition keeps that harmless.)
 */
@ApplicationScoped
public class TokenUseNotes {

    static final Duration PRECISION = Duration.ofMinutes(1);
    private static final int MAX_TOKENS = 10_000;

    private final ConcurrentHashMap<Long, Instant> noted = new ConcurrentHashMap<>();

    /** Whether the use at {@code now} should be written; if so, it counts as written from now on. */
    boolean due(long tokenId, Instant now) {
        if (noted.size() > MAX_TOKENS) {
            noted.clear();
        }
        boolean[] due = {false};
        noted.compute(tokenId, (id, last) -> {
            if (last == null || !now.isBefore(last.plus(PRECISION))) {
                due[0] = true;
                return now;
            }
            return last;
        });
        return due[0];
    }
}
