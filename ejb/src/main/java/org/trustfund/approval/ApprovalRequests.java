package org.trustfund.approval;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.ConcurrentChangeException;
import org.trustfund.platform.UnknownRecordException;

/** Stores and finds approval requests, for the services that own their subjects. */
@ApplicationScoped
public class ApprovalRequests {

    @PersistenceContext
    private EntityManager em;

    protected ApprovalRequests() {
    }

    /** For tests outside the container. */
    public ApprovalRequests(EntityManager em) {
        this.em = em;
    }

    /**
     * Files a new request, refusing a second one while one waits for the same subject. The check names the waiting
     * request; the database's unique pending key catches two requests filed at the same moment.
     */
    public ApprovalRequest file(ApprovalRequest request) {
        Optional<ApprovalRequest> waiting = pendingFor(request.getSubjectType(), request.getSubjectId());
        if (waiting.isPresent()) {
            throw new BusinessException("approval.alreadyPending", waiting.get().getId(), waiting.get().getRequestedBy());
        }
        try {
            em.persist(request);
            em.flush();
        } catch (PersistenceException e) {
            throw new BusinessException("approval.alreadyPending", "?", "?");
        }
        return request;
    }

    public Optional<ApprovalRequest> pendingFor(String subjectType, long subjectId) {
        return em.createNamedQuery("ApprovalRequest.pendingFor", ApprovalRequest.class)
                .setParameter("type", subjectType).setParameter("id", subjectId)
                .getResultStream().findFirst();
    }

    /** Every request about a subject, oldest first: the subject's page shows them all. */
    public List<ApprovalRequest> of(String subjectType, long subjectId) {
        return em.createNamedQuery("ApprovalRequest.of", ApprovalRequest.class)
                .setParameter("type", subjectType).setParameter("id", subjectId)
                .getResultList();
    }

    /**
     * The request, at the version the caller read it at.
     *
     * @throws BusinessException if there is none, or it changed since
     */
    public ApprovalRequest load(long id, long expectedVersion) {
        ApprovalRequest request = em.find(ApprovalRequest.class, id);
        if (request == null) {
            throw new UnknownRecordException("approval.unknown", id);
        }
        ConcurrentChangeException.requireVersion(request.getVersion(), expectedVersion);
        return request;
    }

    public ApprovalRequest find(long id) {
        ApprovalRequest request = em.find(ApprovalRequest.class, id);
        if (request == null) {
            throw new UnknownRecordException("approval.unknown", id);
        }
        return request;
    }

    public List<ApprovalRequest> byStatus(ApprovalStatus status, int max) {
        return em.createNamedQuery("ApprovalRequest.byStatus", ApprovalRequest.class)
                .setParameter("status", status).setMaxResults(Math.max(1, max)).getResultList();
    }

    public long count(ApprovalStatus status) {
        return em.createNamedQuery("ApprovalRequest.countByStatus", Long.class).setParameter("status", status)
                .getSingleResult();
    }
}
