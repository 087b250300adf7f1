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

    /** The donor id linked to this user account, if any. */
    public Optional<Long> linkedDonor() {
        return em.createQuery("SELECT u.donorId FROM UserAccount u WHERE u.username = :name", Long.class)
                .setParameter("name", caller.name())
                .getResultStream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    /**
     * Refuses unless the caller is staff, or a donor user linked to {@code donorId}. The message does not
     * say whether the record exists.
     */
    public void requireDonorAccess(long donorId) {
        if (isStaff()) {
            return;
        }
        if (caller.isInRole(Roles.DONOR) && linkedDonor().filter(id -> id == donorId).isPresent()) {
            return;
        }
        throw new AccessDeniedException();
    }

    public boolean isStaff() {
        return caller.isInRole(Roles.FINANCE_OFFICER) || caller.isInRole(Roles.CERTIFYING_OFFICER)
                || caller.isInRole(Roles.AUDITOR) || caller.isInRole(Roles.ADMIN);
    }
}
