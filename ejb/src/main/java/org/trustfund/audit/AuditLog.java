package org.trustfund.audit;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.trustfund.security.Roles;

/**
 * Writes and reads the audit log. Writing joins the caller's transaction, so an entry exists exactly
 * when the change it describes was committed.
 */
@Stateless
public class AuditLog {

    @Inject
    private AuditRepository entries;

    @Resource
    private SessionContext context;

    private final Clock clock = Clock.systemUTC();

    /** Records an event by the signed-in caller. */
    @PermitAll
    public void record(AuditAction action, String entityType, Object entityId, String details) {
        recordFor(context.getCallerPrincipal().getName(), action, entityType, entityId, details, null);
    }

    /** Records an event for a named actor, such as a sign-in attempt before anyone is signed in. */
    @PermitAll
    public void recordFor(String actor, AuditAction action, String entityType, Object entityId, String details,
            String clientAddress) {
        entries.add(new AuditEntry(clock.instant(), actor, action, entityType,
                entityId == null ? null : String.valueOf(entityId), details, clientAddress));
    }

    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public List<AuditEntry> search(AuditQuery query, int first, int pageSize) {
        return entries.search(query, first, pageSize);
    }

    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public long count(AuditQuery query) {
        return entries.count(query);
    }

    /** The caller's own latest entries, for their dashboard. */
    @PermitAll
    public List<AuditEntry> myRecentActivity(int max) {
        return entries.latestBy(context.getCallerPrincipal().getName(), max);
    }
}
