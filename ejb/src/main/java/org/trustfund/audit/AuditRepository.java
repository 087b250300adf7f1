package org.trustfund.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Stores audit entries and pages through them with filters, all in the database. */
@ApplicationScoped
public class AuditRepository {

    @PersistenceContext
    private EntityManager em;

    protected AuditRepository() {
    }

    /** For tests outside the container. */
    public AuditRepository(EntityManager em) {
        this.em = em;
    }

    /** Audit entries added through this server since it started (a transaction may still roll one back). */
    private final java.util.concurrent.atomic.AtomicLong addedHere = new java.util.concurrent.atomic.AtomicLong();

    public void add(AuditEntry entry) {
        em.persist(entry);
        addedHere.incrementAndGet();
    }

    /**
     * How many audit entries this server has added: a number that moves whenever something is recorded here, read
     * without the database (the public page's cache asks it on every request).
     */
    public long addedHere() {
        return addedHere.get();
    }

    public List<AuditEntry> search(AuditQuery query, int first, int pageSize) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AuditEntry> cq = cb.createQuery(AuditEntry.class);
        Root<AuditEntry> entry = cq.from(AuditEntry.class);
        cq.where(predicates(cb, entry, query));
        if (query.oldestFirst()) {
            cq.orderBy(cb.asc(entry.get("occurredAt")), cb.asc(entry.get("id")));
        } else {
            cq.orderBy(cb.desc(entry.get("occurredAt")), cb.desc(entry.get("id")));
        }
        return em.createQuery(cq).setFirstResult(first).setMaxResults(pageSize).getResultList();
    }

    /** The export of the log, on this repository's entity manager. */
    public AuditExport export() {
        return new AuditExport(em);
    }

    public long count(AuditQuery query) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> cq = cb.createQuery(Long.class);
        Root<AuditEntry> entry = cq.from(AuditEntry.class);
        cq.select(cb.count(entry)).where(predicates(cb, entry, query));
        return em.createQuery(cq).getSingleResult();
    }

    /** The actor's latest changes: sign-ins and sign-outs left out, they would fill the list. */
    public List<AuditEntry> latestBy(String actor, int max) {
        return em.createQuery("SELECT a FROM AuditEntry a WHERE a.actor = :actor AND a.action NOT IN :comings"
                        + " ORDER BY a.occurredAt DESC, a.id DESC", AuditEntry.class)
                .setParameter("actor", actor)
                .setParameter("comings", List.of(AuditAction.SIGN_IN, AuditAction.SIGN_OUT))
                .setMaxResults(max)
                .getResultList();
    }

    /** The record types the log holds, for the filter: read from the entity-type index, so every audited type. */
    public List<String> entityTypes() {
        return em.createQuery("SELECT DISTINCT a.entityType FROM AuditEntry a WHERE a.entityType IS NOT NULL"
                + " ORDER BY a.entityType", String.class).getResultList();
    }

    /** The list's filter; the export (AuditExport) applies the very same. */
    static Predicate[] predicates(CriteriaBuilder cb, Root<AuditEntry> entry, AuditQuery query) {
        List<Predicate> where = new ArrayList<>();
        if (query.actor() != null && !query.actor().isBlank()) {
            String pattern = "%" + escapeLike(query.actor().trim().toLowerCase()) + "%";
            where.add(cb.like(cb.lower(entry.get("actor")), pattern, '\\'));
        }
        if (query.entityType() != null && !query.entityType().isBlank()) {
            where.add(cb.equal(entry.get("entityType"), query.entityType()));
        }
        if (query.entityId() != null) {
            where.add(cb.equal(entry.get("entityId"), query.entityId()));
        }
        if (query.action() != null) {
            where.add(cb.equal(entry.get("action"), query.action()));
        }
        if (query.from() != null) {
            where.add(cb.greaterThanOrEqualTo(entry.get("occurredAt"),
                    query.from().atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        if (query.to() != null) {
            where.add(cb.lessThan(entry.get("occurredAt"),
                    query.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        return where.toArray(Predicate[]::new);
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
