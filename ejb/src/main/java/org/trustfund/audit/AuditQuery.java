package org.trustfund.audit;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * Filters for browsing the audit log. Dates are whole UTC days, both ends included; blank filters match
 * everything.
 */
public record AuditQuery(String actor, String entityType, AuditAction action, LocalDate from, LocalDate to,
        boolean oldestFirst, String entityId) implements Serializable {

    public AuditQuery(String actor, String entityType, AuditAction action, LocalDate from, LocalDate to,
            boolean oldestFirst) {
        this(actor, entityType, action, from, to, oldestFirst, null);
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, false);
    }
}
