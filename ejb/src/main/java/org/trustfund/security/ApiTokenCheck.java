package org.trustfund.security;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Checks the API token a call sends: one indexed read of the token with its account's standing and roles, on
 * every call. Unknown, revoked or expired tokens, and tokens of disabled accounts, are refused alike, audited
 * and counted against the client address's throttle (a token cannot be guessed, but a flood of guesses should
 * still cost the guesser). A call's roles are the account's roles now.
 *
 * <p>Plain JDBC in a CDI bean, as {@link AccountStandingCheck} and for the same reason (it runs inside the
 * authentication mechanism), and because it is the hot path of every script: no transaction on success, only
 * at most once a minute a write of the token's last use ({@link TokenUseNotes}).
 */
@ApplicationScoped
public class ApiTokenCheck {

    // Roles come along in one row (MySQL/MariaDB's GROUP_CONCAT; the project runs on those two only).
    private static final String QUERY = "SELECT t.id, t.expires_at, t.revoked_at, u.username, u.enabled,"
            + " GROUP_CONCAT(r.role) FROM api_token t JOIN user_account u ON u.id = t.user_id"
            + " LEFT JOIN user_role r ON r.user_id = u.id WHERE t.token_hash = ?"
            + " GROUP BY t.id, t.expires_at, t.revoked_at, u.username, u.enabled";

    /** Who a valid token acts for, with the roles their account holds now. */
    public record TokenCaller(String username, Set<Role> roles) {
    }

    /** The outcome: a caller, or nothing, or how long to wait (too many bad tokens from the address). */
    public record TokenCheck(Optional<TokenCaller> caller, Duration retryAfter) {
        static TokenCheck refused() {
            return new TokenCheck(Optional.empty(), Duration.ZERO);
        }

        public boolean throttled() {
            return !retryAfter.isZero();
        }
    }

    private record Row(long id, Instant expiresAt, Instant revokedAt, String username, boolean enabled,
            Set<Role> roles) {
        boolean usableAt(Instant now) {
            return enabled && revokedAt == null && now.isBefore(expiresAt);
        }
    }

    @Resource(lookup = "jdbc/trustfund")
    private DataSource dataSource;

    @Inject
    private SignInThrottle throttle;

    @Inject
    private TokenUseNotes useNotes;

    @EJB
    private ApiTokenService tokens;

    private final Clock clock = Clock.systemUTC();

    public TokenCheck authenticate(String secret, String clientAddress) {
        Instant now = clock.instant();
        Optional<Duration> wait = throttle.refusalFrom(clientAddress, now);
        if (wait.isPresent()) {
            return new TokenCheck(Optional.empty(), wait.get());
        }
        Optional<Row> found = ApiTokenSecrets.looksLikeSecret(secret) ? find(ApiTokenSecrets.hash(secret))
                : Optional.empty();
        if (found.isEmpty() || !found.get().usableAt(now)) {
            throttle.failedFrom(clientAddress, now);
            tokens.recordRefusal(found.map(Row::id).orElse(null), found.isEmpty() ? "unknown API token"
                    : "API token revoked, expired or its account disabled", clientAddress);
            return TokenCheck.refused();
        }
        Row token = found.get();
        if (useNotes.due(token.id(), now)) {
            tokens.noteUse(token.id(), now, clientAddress);
        }
        return new TokenCheck(Optional.of(new TokenCaller(token.username(), token.roles())), Duration.ZERO);
    }

    private Optional<Row> find(String hash) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setString(1, hash);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Timestamp revoked = row.getTimestamp(3);
                String roles = row.getString(6);
                Set<Role> roleSet = roles == null ? EnumSet.noneOf(Role.class) : Arrays.stream(roles.split(","))
                        .map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
                return Optional.of(new Row(row.getLong(1), row.getTimestamp(2).toInstant(),
                        revoked == null ? null : revoked.toInstant(), row.getString(4), row.getBoolean(5), roleSet));
            }
        } catch (SQLException e) {
            // Fail closed: a token that cannot be checked lets no one in.
            throw new IllegalStateException("Cannot read an API token", e);
        }
    }
}
