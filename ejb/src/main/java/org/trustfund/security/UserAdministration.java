package org.trustfund.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditLog;
import org.trustfund.donor.Donor;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.Changes;
import org.trustfund.platform.ConcurrentChangeException;

/** What an administrator does to user accounts. Every change is audited with what changed. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class UserAdministration {

    private static final String ENTITY = "UserAccount";

    @Inject
    private UserAccountRepository users;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private AuditLog audit;

    @Inject
    private Caller caller;

    @PersistenceContext
    private EntityManager em;

    private final Clock clock = Clock.systemUTC();

    public List<UserAccount> listUsers() {
        return users.findAll();
    }

    public UserAccount user(long id) {
        return users.find(id).orElseThrow(() -> new UnknownUserException(id));
    }

    /** Creates an account whose holder must choose their own password at first sign-in. */
    public UserAccount createUser(String username, String displayName, Set<Role> roles, char[] initialPassword) {
        String name = username == null ? "" : username.trim().toLowerCase();
        if (!name.matches(UserAccount.USERNAME_PATTERN)) {
            throw new BusinessException("username", "user.username.invalid");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new BusinessException("displayName", "user.displayName.required");
        }
        if (roles == null || roles.isEmpty()) {
            throw new BusinessException("roles", "user.roles.required");
        }
        if (users.findByUsername(name).isPresent()) {
            throw new BusinessException("username", "user.username.taken", name);
        }
        PasswordPolicy.check("initialPassword", name, initialPassword);
        UserAccount account = new UserAccount(name, displayName, hasher.hash(initialPassword), roles, true,
                clock.instant(), caller.name());
        users.add(account);
        audit.record(AuditAction.CREATE, ENTITY, account.getId(), Changes.of()
                .value("username", name).value("displayName", account.getDisplayName())
                .value("roles", account.getRoles()).toString());
        return account;
    }

    /**
     * Changes name, roles, enabled and the donor a DONOR user acts for, in one step (one version, one audit
     * entry), refusing if someone else changed the account meanwhile. Only a DONOR user may be linked to a donor; dropping the DONOR role needs the link removed too.
     */
    public UserAccount updateUser(long id, long expectedVersion, String displayName, Set<Role> roles, boolean enabled,
            Long donorId) {
        return updateUser(id, expectedVersion, displayName, roles, enabled,
                donorId == null ? java.util.List.of() : java.util.List.of(donorId));
    }

    /**
     * As {@link #updateUser(long, long, String, Set, boolean, Long)} with every donor the user acts for (a ministry
     * and its agency), the first the one their pages open on.
     */
    public UserAccount updateUser(long id, long expectedVersion, String displayName, Set<Role> roles, boolean enabled,
            java.util.List<Long> donorIds) {
        UserAccount account = users.find(id).orElseThrow(() -> new UnknownUserException(id));
        ConcurrentChangeException.requireVersion(account.getVersion(), expectedVersion);
        if (displayName == null || displayName.isBlank()) {
            throw new BusinessException("displayName", "user.displayName.required");
        }
        if (roles == null || roles.isEmpty()) {
            throw new BusinessException("roles", "user.roles.required");
        }
        if (!enabled && account.getUsername().equals(caller.name())) {
            throw new BusinessException("enabled", "user.cannotDisableSelf");
        }
        if (account.getUsername().equals(caller.name()) && !roles.contains(Role.ADMIN)) {
            throw new BusinessException("roles", "user.cannotDropOwnAdmin");
        }
        java.util.List<Long> ids = checkedDonors(account, roles, donorIds, "donor");
        Changes changes = Changes.of()
                .field("displayName", account.getDisplayName(), displayName.trim())
                .field("roles", account.getRoles(), Set.copyOf(roles))
                .field("enabled", account.isEnabled(), enabled)
                .field("donors", account.getDonorIds(), ids);
        account.rename(displayName);
        account.assignRoles(roles);
        account.linkToDonors(ids);
        if (enabled && !account.isEnabled()) {
            account.enable();
        } else if (!enabled && account.isEnabled()) {
            account.disable();
        }
        if (!changes.isEmpty()) {
            audit.record(AuditAction.UPDATE, ENTITY, id, changes.toString());
        }
        return account;
    }

    /**
     * Gives the account a new generated password, which the holder must change at next sign-in.
     *
     * @return the temporary password, to be passed on to the holder; it is not stored anywhere
     */
    public String resetPassword(long id, long expectedVersion) {
        UserAccount account = users.find(id).orElseThrow(() -> new UnknownUserException(id));
        ConcurrentChangeException.requireVersion(account.getVersion(), expectedVersion);
        String temporary = TemporaryPasswords.generate();
        account.resetPassword(hasher.hash(temporary.toCharArray()));
        audit.record(AuditAction.PASSWORD_RESET, ENTITY, id, Changes.of().secret("password")
                .value("mustChangePassword", true).toString());
        return temporary;
    }

    /**
     * Links a DONOR user to the donor whose records they may see, or unlinks them ({@code donorId} null).
     * Only an account holding the DONOR role is linked: staff see every donor anyway.
     */
    public UserAccount linkDonor(long userId, long expectedVersion, Long donorId) {
        return linkDonors(userId, expectedVersion, donorId == null ? java.util.List.of() : java.util.List.of(donorId));
    }

    /** Links a DONOR user to several donors (the first the one their pages open on), or to none (empty). */
    public UserAccount linkDonors(long userId, long expectedVersion, java.util.List<Long> donorIds) {
        UserAccount account = users.find(userId).orElseThrow(() -> new UnknownUserException(userId));
        ConcurrentChangeException.requireVersion(account.getVersion(), expectedVersion);
        java.util.List<Long> ids = checkedDonors(account, account.getRoles(), donorIds, "donorId");
        Changes changes = Changes.of().field("donors", account.getDonorIds(), ids);
        account.linkToDonors(ids);
        if (!changes.isEmpty()) {
            audit.record(AuditAction.UPDATE, ENTITY, userId, changes.toString());
        }
        return account;
    }

    /** Each donor exists and is not merged away, and only a DONOR user is linked; said at {@code field}. */
    private java.util.List<Long> checkedDonors(UserAccount account, Set<Role> roles, java.util.List<Long> donorIds,
            String field) {
        java.util.List<Long> ids = donorIds == null ? java.util.List.of()
                : donorIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (!ids.isEmpty() && !roles.contains(Role.DONOR)) {
            throw new BusinessException(field, "user.donorLink.notDonor", account.getUsername());
        }
        for (long donorId : ids) {
            Donor donor = em.find(Donor.class, donorId);
            if (donor == null) {
                throw new BusinessException(field, "donor.unknown", donorId);
            }
            if (donor.isMerged()) {
                throw new BusinessException(field, "donor.merged", donor.getName(), donor.getMergedInto().getName(),
                        String.valueOf(donor.getMergedInto().getId()));
            }
        }
        return ids;
    }
}
