package org.trustfund.audit;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.trustfund.platform.Period;
import org.trustfund.security.Caller;
import org.trustfund.security.Roles;

/**
 * Writes and reads the audit log. Writing joins the caller's transaction, so an entry exists exactly
 * when the change it describes was committed.
 */
@Stateless
public class AuditLog {

    @Inject
    private AuditRepository entries;

    @Inject
    private Caller caller;

    private final Clock clock = Clock.systemUTC();

    public AuditLog() {
    }

    /** For tests outside the container. */
    public AuditLog(AuditRepository entries, Caller caller) {
        this.entries = entries;
        this.caller = caller;
    }

    /** Records an event by the signed-in caller. */
    @PermitAll
    public void record(AuditAction action, String entityType, Object entityId, String details) {
        recordFor(caller.name(), action, entityType, entityId, details, null);
    }

    /** Records an event for a named actor, such as a sign-in attempt before anyone is signed in. */
    @PermitAll
    public void recordFor(String actor, AuditAction action, String entityType, Object entityId, String details,
            String clientAddress) {
        entries.add(new AuditEntry(clock.instant(), actor, action, entityType,
                entityId == null ? null : String.valueOf(entityId), details, clientAddress));
    }

    /**
     * Records an event in a transaction of its own, for an attempt that is refused (and whose own
     * transaction rolls back) but must still be on record, such as a wrong current password.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordAlone(String actor, AuditAction action, String entityType, Object entityId, String details,
            String clientAddress) {
        recordFor(actor, action, entityType, entityId, details, clientAddress);
    }

    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public List<AuditEntry> search(AuditQuery query, int first, int pageSize) {
        Period.requireOrdered(query.from(), query.to());
        return entries.search(query, first, pageSize);
    }

    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public long count(AuditQuery query) {
        Period.requireOrdered(query.from(), query.to());
        return entries.count(query);
    }

    /** Every record type the log holds, for the page's filter. */
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public List<String> entityTypes() {
        return entries.entityTypes();
    }

    /** The log as an xlsx written to {@code out}: what {@link #search} pages through, in its order, the filter on top. */
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public long export(AuditQuery query, java.util.Locale locale, java.io.OutputStream out) throws java.io.IOException {
        Period.requireOrdered(query.from(), query.to());
        return entries.export().write(query, locale, caller.name(), clock.instant(), out);
    }

    /** The history of one record, newest first: for the record's own page. */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public List<AuditEntry> historyOf(String entityType, Object entityId, int max) {
        return entries.search(new AuditQuery(null, entityType, null, null, null, false, String.valueOf(entityId)), 0, max);
    }

    /** The caller's own latest entries, for their dashboard. */
    @PermitAll
    public List<AuditEntry> myRecentActivity(int max) {
        return entries.latestBy(caller.name(), max);
    }
}
