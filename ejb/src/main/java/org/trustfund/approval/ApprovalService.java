package org.trustfund.approval;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditLog;
import org.trustfund.platform.Changes;
import org.trustfund.security.Caller;
import org.trustfund.security.Roles;

/**
 * Lists requests waiting for a second person, and rejects or withdraws them. Approving is done by the service
 * that owns the subject (it performs the action in the same transaction): {@code ContributionService} for
 * reversals and separate gifts, {@code PledgeService} for write-offs.
 */
@Stateless
@RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
public class ApprovalService {

    public static final String ENTITY = "ApprovalRequest";

    @Inject
    private ApprovalRequests requests;

    @Inject
    private AuditLog audit;

    @Inject
    private Caller caller;

    private final Clock clock = Clock.systemUTC();

    public ApprovalService() {
    }

    /** For tests outside the container. */
    public ApprovalService(jakarta.persistence.EntityManager em, Caller caller) {
        this.requests = new ApprovalRequests(em);
        this.caller = caller;
        this.audit = new AuditLog(new org.trustfund.audit.AuditRepository(em), caller);
    }

    public List<ApprovalRequest> pending(int max) {
        return requests.byStatus(ApprovalStatus.PENDING, Math.min(max, 500));
    }

    public long pendingCount() {
        return requests.count(ApprovalStatus.PENDING);
    }

    public ApprovalRequest find(long id) {
        return requests.find(id);
    }

    /** Requests about one subject (a contribution or a pledge), oldest first. */
    public List<ApprovalRequest> of(String subjectType, long subjectId) {
        return requests.of(subjectType, subjectId);
    }

    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    public ApprovalRequest reject(long id, long expectedVersion, String note) {
        ApprovalRequest request = requests.load(id, expectedVersion);
        request.reject(caller.name(), clock.instant(), note);
        audit.record(AuditAction.UPDATE, ENTITY, id, Changes.of().field("status", ApprovalStatus.PENDING, request.getStatus())
                .value("kind", request.getKind()).value("subject", request.getSubjectType() + " " + request.getSubjectId())
                .value("note", request.getDecisionNote()).toString());
        return request;
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
    public ApprovalRequest withdraw(long id, long expectedVersion) {
        ApprovalRequest request = requests.load(id, expectedVersion);
        request.withdraw(caller.name(), clock.instant());
        audit.record(AuditAction.UPDATE, ENTITY, id, Changes.of().field("status", ApprovalStatus.PENDING, request.getStatus())
                .value("kind", request.getKind()).value("subject", request.getSubjectType() + " " + request.getSubjectId())
                .toString());
        return request;
    }
}
