package org.trustfund.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.trustfund.platform.AccessDeniedException;

/**
 * Which donor a signed-in DONOR user belongs to, and the check that keeps them to that donor's records.
 * Staff roles see every donor.
 */
@ApplicationScoped
public class CallerAccess {

    @PersistenceContext
    private EntityManager em;

    @jakarta.inject.Inject
    private Caller caller;

    protected CallerAccess() {
    }

    /** For tests outside the container. */
    public CallerAccess(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    /** The first donor linked to this user account (the one its pages open on), if any. */
    public Optional<Long> linkedDonor() {
        return em.createQuery("SELECT u.donorId FROM UserAccount u WHERE u.username = :name", Long.class)
                .setParameter("name", caller.name())
                .getResultStream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    /** Every donor this user account may see (one, or several: a ministry and its agency); empty for none. */
    public java.util.Set<Long> linkedDonors() {
        java.util.Set<Long> ids = new java.util.HashSet<>(em.createQuery("SELECT d FROM UserAccount u JOIN u.donorIds d"
                + " WHERE u.username = :name", Long.class).setParameter("name", caller.name()).getResultList());
        // The first donor is in both places; reading it from the account too keeps an account made by SQL with only
        // donor_id (as before V25) to its donor.
        linkedDonor().ifPresent(ids::add);
        return ids;
    }

    /** The donor asked for if the user is linked to it; without one, the first linked; refused otherwise. */
    public long linkedDonor(Long asked) {
        if (asked == null) {
            return linkedDonor().orElseThrow(AccessDeniedException::new);
        }
        if (!linkedDonors().contains(asked)) {
            throw new AccessDeniedException();
        }
        return asked;
    }

    /**
     * Refuses unless the caller is staff, or a donor user linked to {@code donorId}. The message does not
     * say whether the record exists.
     */
    public void requireDonorAccess(long donorId) {
        if (isStaff()) {
            return;
        }
        if (caller.isInRole(Roles.DONOR) && linkedDonors().contains(donorId)) {
            return;
        }
        throw new AccessDeniedException();
    }

    public boolean isStaff() {
        return caller.isInRole(Roles.FINANCE_OFFICER) || caller.isInRole(Roles.CERTIFYING_OFFICER)
                || caller.isInRole(Roles.AUDITOR) || caller.isInRole(Roles.ADMIN);
    }
}
