package org.trustfund.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A personal API token: a long random secret that a script sends as {@code Authorization: Bearer}, instead
 * of a password that would have to be hashed on every call. Made by the user on their account page (or by
 * an administrator for a service account), shown once, and kept only as its SHA-256 hash, so the database
 * cannot give it away. It acts with the roles its user holds at the time of each call, ends at its expiry
 * or when revoked, and stops working while its user is disabled. The first characters ({@link #getPrefix()})
 * tell tokens apart in lists without revealing them.
 */
@Entity
@Table(name = "api_token")
@NamedQuery(name = "ApiToken.findByHash", query = "SELECT t FROM ApiToken t WHERE t.tokenHash = :hash")
@NamedQuery(name = "ApiToken.findByUser",
        query = "SELECT t FROM ApiToken t WHERE t.userId = :userId ORDER BY t.createdAt DESC, t.id DESC")
@NamedQuery(name = "ApiToken.countActive", query = "SELECT COUNT(t) FROM ApiToken t WHERE t.userId = :userId"
        + " AND t.revokedAt IS NULL AND t.expiresAt > :now")
public class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private Long userId;

    @Column(name = "name", nullable = false, updatable = false, length = 100)
    private String name;

    @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
    private String tokenHash;

    @Column(name = "token_prefix", nullable = false, updatable = false, length = 12)
    private String prefix;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 100)
    private String createdBy;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    // Written by an atomic update at most once a minute, outside the optimistic lock (calls run in parallel).
    @Column(name = "last_used_at", insertable = false, updatable = false)
    private Instant lastUsedAt;

    @Column(name = "last_used_from", insertable = false, updatable = false, length = 64)
    private String lastUsedFrom;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = 100)
    private String revokedBy;

    @Version
    private long version;

    protected ApiToken() {
    }

    ApiToken(long userId, String name, String tokenHash, String prefix, Instant createdAt, String createdBy,
            Instant expiresAt) {
        this.userId = userId;
        this.name = Objects.requireNonNull(name, "name");
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("A token must expire after it is made");
        }
    }

    /** Whether a call may use it at {@code now} (its user's standing is checked separately). */
    public boolean isUsableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    /** Ends the token for good; revoking twice keeps the first record of who and when. */
    void revoke(Instant at, String by) {
        if (revokedAt == null) {
            this.revokedAt = Objects.requireNonNull(at);
            this.revokedBy = Objects.requireNonNull(by);
        }
    }

    public Long getId() {
        return id;
    }

    public Long getUserId() {
        return userId;
    }

    public String getName() {
        return name;
    }

    public String getPrefix() {
        return prefix;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public String getLastUsedFrom() {
        return lastUsedFrom;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getRevokedBy() {
        return revokedBy;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public long getVersion() {
        return version;
    }
}
