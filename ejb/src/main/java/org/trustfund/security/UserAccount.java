package org.trustfund.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A person (or a script's service account) who signs in. Created by an administrator (or at first start)
 * with a password they must change at first sign-in. An administrator can disable an account (it can no
 * longer sign in, its history stays), change its roles and reset its password; each of these, and the
 * holder's own password change, moves the {@linkplain #getSecurityStamp() security stamp}, which ends the
 * account's open sessions and cached credentials on their next request. Accounts are never deleted, so the
 * audit log always names someone who existed.
 *
 * <p>Sign-in bookkeeping (failures in a row, last sign-in) is not written through this entity: parallel
 * sign-ins of one user would conflict on its version. {@link UserAccountRepository} writes it with one
 * atomic UPDATE per attempt. Failed attempts no longer lock the account (a stranger could lock anyone out);
 * {@link SignInThrottle} slows them down instead.
 */
@Entity
@Table(name = "user_account")
@NamedQuery(name = "UserAccount.findByUsername", query = "SELECT u FROM UserAccount u WHERE u.username = :username")
@NamedQuery(name = "UserAccount.findAll", query = "SELECT u FROM UserAccount u ORDER BY u.username")
@NamedQuery(name = "UserAccount.count", query = "SELECT COUNT(u) FROM UserAccount u")
public class UserAccount {

    public static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]{1,99}";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "username", nullable = false, updatable = false, length = 100)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 255)
    private String passwordHash;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    // Written by UserAccountRepository's atomic updates only; read here for the administrator's list.
    @Column(name = "failed_attempts", nullable = false, insertable = false, updatable = false)
    private int failedAttempts;

    @Column(name = "last_sign_in_at", insertable = false, updatable = false)
    private Instant lastSignInAt;

    @Column(name = "security_stamp", nullable = false)
    private long securityStamp;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 100)
    private String createdBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 30)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "donor_id")
    private Long donorId;

    /** Every donor the account may see, the first one ({@link #donorId}) among them. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_donor", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "donor_id")
    private Set<Long> donorIds = new java.util.HashSet<>();

    @Version
    private long version;

    protected UserAccount() {
    }

    public UserAccount(String username, String displayName, String passwordHash, Set<Role> roles,
            boolean mustChangePassword, Instant createdAt, String createdBy) {
        if (username == null || !username.matches(USERNAME_PATTERN)) {
            throw new IllegalArgumentException("Invalid user name: " + username);
        }
        this.username = username;
        this.displayName = requireText(displayName, "displayName");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.roles = EnumSet.copyOf(requireRoles(roles));
        this.mustChangePassword = mustChangePassword;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value.trim();
    }

    private static Set<Role> requireRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("A user needs at least one role");
        }
        return roles;
    }

    /** May this account sign in, password aside? */
    public boolean canSignIn() {
        return enabled;
    }

    /** The user chose a new password themselves. */
    public void changePassword(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash, "newHash");
        this.mustChangePassword = false;
        endSessions();
    }

    /** An administrator set a temporary password: it must be changed at the next sign-in. */
    public void resetPassword(String temporaryHash) {
        this.passwordHash = Objects.requireNonNull(temporaryHash, "temporaryHash");
        this.mustChangePassword = true;
        endSessions();
    }

    public void assignRoles(Set<Role> newRoles) {
        Set<Role> assigned = EnumSet.copyOf(requireRoles(newRoles));
        if (!assigned.equals(roles)) {
            this.roles = assigned;
            endSessions();
        }
    }

    public void rename(String newDisplayName) {
        this.displayName = requireText(newDisplayName, "displayName");
    }

    public void disable() {
        if (enabled) {
            this.enabled = false;
            endSessions();
        }
    }

    public void enable() {
        this.enabled = true;
    }

    /**
     * Sessions and verified credentials remember the stamp they were made under; a new one ends them. Roles
     * and the donor link are fixed in a session at sign-in, so every change to them must come through here.
     */
    private void endSessions() {
        securityStamp++;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public int getFailedAttempts() {
        return failedAttempts;
    }

    public long getSecurityStamp() {
        return securityStamp;
    }

    public Instant getLastSignInAt() {
        return lastSignInAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Set<Role> getRoles() {
        return Collections.unmodifiableSet(roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
    }

    /** The donor whose records a DONOR user may see; null for staff. */
    public Long getDonorId() {
        return donorId;
    }

    /** Every donor the account may see, the first one first; empty for staff. */
    public java.util.List<Long> getDonorIds() {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        if (donorId != null) {
            ids.add(donorId);
        }
        donorIds.stream().filter(id -> !id.equals(donorId)).sorted().forEach(ids::add);
        return ids;
    }

    /** Links the account to one donor only (null: to none). */
    public void linkToDonor(Long newDonorId) {
        linkToDonors(newDonorId == null ? java.util.List.of() : java.util.List.of(newDonorId));
    }

    /**
     * Links the account to these donors, the first one the donor its pages open on. A change ends the account's
     * sessions: what a session may see changed.
     */
    public void linkToDonors(java.util.List<Long> ids) {
        java.util.LinkedHashSet<Long> wanted = new java.util.LinkedHashSet<>(ids);
        Long first = wanted.isEmpty() ? null : wanted.iterator().next();
        if (!Objects.equals(donorId, first) || !donorIds.equals(wanted)) {
            this.donorId = first;
            this.donorIds.clear();
            this.donorIds.addAll(wanted);
            endSessions();
        }
    }

    /** A donor merged into another: the account sees the one kept instead (its place in the list unchanged). */
    public void replaceDonor(long merged, long kept) {
        linkToDonors(getDonorIds().stream().map(id -> id == merged ? kept : id).distinct().toList());
    }

    public long getVersion() {
        return version;
    }
}
