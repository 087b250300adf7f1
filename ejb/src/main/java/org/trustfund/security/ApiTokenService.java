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
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditLog;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.Changes;

/**
 * Personal API tokens: made, listed and revoked by their user, or by an administrator for any account (a
 * service account for a script). Making and revoking are audited. Checking the token a call sends is
 * {@link ApiTokenCheck}'s; it comes here only to note a use (at most once a minute) or to audit a refusal.
 */
@Stateless
public class ApiTokenService {

    /** The longest a token may live; a script's owner renews it deliberately. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(366);
    /** A token's last valid day when none is asked for (the page offers the same): three months on. */
    public static final int DEFAULT_DAYS = 90;
    static final int MAX_ACTIVE_PER_USER = 20;
    private static final String ENTITY = "ApiToken";
    private static final Duration LAST_USE_PRECISION = TokenUseNotes.PRECISION;

    /** A token just made, with its secret, which is shown this once and kept nowhere. */
    public record NewToken(ApiToken token, String secret) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private UserAccountRepository users;

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
     * @param expiresOn the last day it works (UTC); after today and within {@link #MAX_LIFETIME}; null for
     *        {@link #DEFAULT_DAYS} from today
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
     * Notes a token's use: when and from where. Asked by {@link ApiTokenCheck} at most once a minute a token.
     * Plain SQL: a JPQL bulk update would raise the version and make a revocation at that moment fail.
     */
    @PermitAll
    public void noteUse(long tokenId, Instant at, String clientAddress) {
        em.createNativeQuery("UPDATE api_token SET last_used_at = ?, last_used_from = ? WHERE id = ?"
                        + " AND (last_used_at IS NULL OR last_used_at < ?)")
                .setParameter(1, Timestamp.from(at))
                .setParameter(2, clientAddress)
                .setParameter(3, tokenId)
                .setParameter(4, Timestamp.from(at.minus(LAST_USE_PRECISION)))
                .executeUpdate();
    }

    /** Audits a refused token (the throttle is counted by {@link ApiTokenCheck}). */
    @PermitAll
    public void recordRefusal(Long tokenId, String why, String clientAddress) {
        audit.recordFor("(token)", AuditAction.SIGN_IN_FAILED, ENTITY, tokenId, why, clientAddress);
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
            expiresOn = today.plusDays(DEFAULT_DAYS);
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
