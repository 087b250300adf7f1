package org.trustfund.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

    public void add(UserAccount account) {
        em.persist(account);
        // The id is needed at once, for the audit entry.
        em.flush();
    }
}
