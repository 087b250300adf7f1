package org.trustfund.security;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditLog;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.Changes;

/**
 * Personal API tokens: made, listed and revoked by their user, or by an administrator for any account (a
 * service account for a script); checked on every API call that sends one. Making and revoking are audited;
 * each use notes when and from where (at most once a minute, so parallel calls write almost nothing).
 */
@Stateless
public class ApiTokenService {

    /** The longest a token may live; a script's owner renews it deliberately. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(366);
    static final int MAX_ACTIVE_PER_USER = 20;
    private static final String ENTITY = "ApiToken";
    private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    /** A token just made, with its secret, which is shown this once and kept nowhere. */
    public record NewToken(ApiToken token, String secret) {
    }

    /** Who a valid token acts for, with the roles their account holds now. */
    public record TokenCaller(String username, Set<Role> roles) {
    }

    /** The outcome of checking a token: a caller, or nothing, or how long to wait (too many bad tokens). */
    public record TokenCheck(Optional<TokenCaller> caller, Duration retryAfter) {
        static TokenCheck refused() {
            return new TokenCheck(Optional.empty(), Duration.ZERO);
        }

        public boolean throttled() {
            return !retryAfter.isZero();
        }
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private UserAccountRepository users;

    @Inject
    private SignInThrottle throttle;

    @Inject
    private AuditLog audit;

    @Inject
    private Caller caller;

    private final Clock clock = Clock.systemUTC();

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.DONOR, Roles.AUDITOR, Roles.ADMIN})
    public List<ApiToken> myTokens() {
        return tokensOf(me());
    }

    /**
     * Makes a token for the caller.
     *
     * @param expiresOn the last day it works (UTC); after today and within {@link #MAX_LIFETIME}
     */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.DONOR, Roles.AUDITOR, Roles.ADMIN})
    public NewToken createMine(String name, LocalDate expiresOn) {
        return create(me(), name, expiresOn);
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.DONOR, Roles.AUDITOR, Roles.ADMIN})
    public ApiToken revokeMine(long tokenId) {
        ApiToken token = em.find(ApiToken.class, tokenId);
        // Another user's token is "not found", not "forbidden": its id tells a caller nothing.
        if (token == null || !token.getUserId().equals(me().getId())) {
            throw new UnknownApiTokenException(tokenId);
        }
        return revoke(token);
    }

    @RolesAllowed(Roles.ADMIN)
    public List<ApiToken> tokensOf(long userId) {
        return tokensOf(user(userId));
    }

    /** An administrator makes a token for an account, typically a service account that a script uses. */
    @RolesAllowed(Roles.ADMIN)
    public NewToken createFor(long userId, String name, LocalDate expiresOn) {
        return create(user(userId), name, expiresOn);
    }

    @RolesAllowed(Roles.ADMIN)
    public ApiToken revoke(long userId, long tokenId) {
        ApiToken token = em.find(ApiToken.class, tokenId);
        if (token == null || token.getUserId() != userId) {
            throw new UnknownApiTokenException(tokenId);
        }
        return revoke(token);
    }

    /**
     * Checks the secret a call sent. Unknown, revoked or expired tokens, and tokens of disabled accounts, are
     * all refused alike and count towards the client address's throttle (a token cannot be guessed, but a
     * flood of guesses should still cost the guesser).
     */
    @PermitAll
    public TokenCheck authenticate(String secret, String clientAddress) {
        Instant now = clock.instant();
        Optional<Duration> wait = throttle.refusalFrom(clientAddress, now);
        if (wait.isPresent()) {
            return new TokenCheck(Optional.empty(), wait.get());
        }
        Optional<ApiToken> found = ApiTokenSecrets.looksLikeSecret(secret)
                ? em.createNamedQuery("ApiToken.findByHash", ApiToken.class)
                        .setParameter("hash", ApiTokenSecrets.hash(secret)).getResultStream().findFirst()
                : Optional.empty();
        Optional<UserAccount> user = found.filter(t -> t.isUsableAt(now)).flatMap(t -> users.find(t.getUserId()))
                .filter(UserAccount::canSignIn);
        if (user.isEmpty()) {
            throttle.failedFrom(clientAddress, now);
            audit.recordFor("(token)", AuditAction.SIGN_IN_FAILED, ENTITY, found.map(ApiToken::getId).orElse(null),
                    found.isEmpty() ? "unknown API token" : "API token revoked, expired or its account disabled",
                    clientAddress);
            return TokenCheck.refused();
        }
        noteUse(found.get().getId(), now, clientAddress);
        return new TokenCheck(Optional.of(new TokenCaller(user.get().getUsername(), user.get().getRoles())),
                Duration.ZERO);
    }

    private void noteUse(long tokenId, Instant now, String clientAddress) {
        // Plain SQL: a JPQL bulk update would raise the version and make a revocation at that moment fail.
        em.createNativeQuery("UPDATE api_token SET last_used_at = ?, last_used_from = ? WHERE id = ?"
                        + " AND (last_used_at IS NULL OR last_used_at < ?)")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, clientAddress)
                .setParameter(3, tokenId)
                .setParameter(4, Timestamp.from(now.minus(LAST_USE_PRECISION)))
                .executeUpdate();
    }

    private NewToken create(UserAccount owner, String name, LocalDate expiresOn) {
        Instant now = clock.instant();
        String label = name == null ? "" : name.strip();
        if (label.isEmpty()) {
            throw new BusinessException("name", "token.name.required");
        }
        if (label.length() > 100) {
            throw new BusinessException("name", "token.name.tooLong", 100);
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (expiresOn == null) {
            throw new BusinessException("expiresOn", "token.expiry.required");
        }
        if (!expiresOn.isAfter(today)) {
            throw new BusinessException("expiresOn", "token.expiry.notFuture");
        }
        if (expiresOn.isAfter(today.plusDays(MAX_LIFETIME.toDays()))) {
            throw new BusinessException("expiresOn", "token.expiry.tooFar", MAX_LIFETIME.toDays());
        }
        long active = em.createNamedQuery("ApiToken.countActive", Long.class)
                .setParameter("userId", owner.getId()).setParameter("now", now).getSingleResult();
        if (active >= MAX_ACTIVE_PER_USER) {
            throw new BusinessException("name", "token.tooMany", MAX_ACTIVE_PER_USER);
        }
        String secret = ApiTokenSecrets.newSecret();
        // It works through the whole of its last day, UTC.
        Instant expiresAt = expiresOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        ApiToken token = new ApiToken(owner.getId(), label, ApiTokenSecrets.hash(secret),
                ApiTokenSecrets.displayPrefix(secret), now, caller.name(), expiresAt);
        em.persist(token);
        em.flush();
        audit.record(AuditAction.API_TOKEN_CREATED, ENTITY, token.getId(), Changes.of()
                .value("user", owner.getUsername()).value("name", label).value("prefix", token.getPrefix())
                .value("expiresAt", expiresAt).toString());
        return new NewToken(token, secret);
    }

    private ApiToken revoke(ApiToken token) {
        if (!token.isRevoked()) {
            token.revoke(clock.instant(), caller.name());
            audit.record(AuditAction.API_TOKEN_REVOKED, ENTITY, token.getId(), Changes.of()
                    .value("name", token.getName()).value("prefix", token.getPrefix()).toString());
        }
        return token;
    }

    private List<ApiToken> tokensOf(UserAccount owner) {
        return em.createNamedQuery("ApiToken.findByUser", ApiToken.class)
                .setParameter("userId", owner.getId()).getResultList();
    }

    private UserAccount me() {
        return users.findByUsername(caller.name()).orElseThrow(() -> new UnknownUserException(caller.name()));
    }

    private UserAccount user(long id) {
        return users.find(id).orElseThrow(() -> new UnknownUserException(id));
    }
}
