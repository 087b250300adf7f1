package org.trustfund.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Finds and stores user accounts; runs in the calling service's transaction. */
@ApplicationScoped
public class UserAccountRepository {

    @PersistenceContext
    private EntityManager em;

    protected UserAccountRepository() {
    }

    /** For tests outside the container. */
    public UserAccountRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<UserAccount> findByUsername(String username) {
        return em.createNamedQuery("UserAccount.findByUsername", UserAccount.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }

    public Optional<UserAccount> find(long id) {
        return Optional.ofNullable(em.find(UserAccount.class, id));
    }

    public List<UserAccount> findAll() {
        return em.createNamedQuery("UserAccount.findAll", UserAccount.class).getResultList();
    }

    public long count() {
        return em.createNamedQuery("UserAccount.count", Long.class).getSingleResult();
    }

    /**
     * Counts a failed sign-in in one atomic statement, outside the entity's optimistic lock, so parallel
     * attempts of one user never conflict and none is lost. Plain SQL on purpose: EclipseLink raises the
     * version in a JPQL bulk update, which would make an administrator's edit at that moment fail.
     */
    public void countFailedSignIn(long id) {
        em.createNativeQuery("UPDATE user_account SET failed_attempts = failed_attempts + 1 WHERE id = ?")
                .setParameter(1, id)
                .executeUpdate();
    }

    /** Clears the failures in a row and notes the sign-in, atomically, as {@link #countFailedSignIn}. */
    public void recordSuccessfulSignIn(long id, Instant at) {
        em.createNativeQuery("UPDATE user_account SET failed_attempts = 0, last_sign_in_at = ? WHERE id = ?")
                .setParameter(1, Timestamp.from(at))
                .setParameter(2, id)
                .executeUpdate();
    }

    /** How many failed sign-ins in a row, read from the database (not from a possibly stale entity). */
    public int failedSignInsInARow(long id) {
        return em.createQuery("SELECT u.failedAttempts FROM UserAccount u WHERE u.id = :id", Integer.class)
                .setParameter("id", id)
                .getSingleResult();
    }

    public void add(UserAccount account) {
        em.persist(account);
        // The id is needed at once, for the audit entry.
        em.flush();
    }
}
