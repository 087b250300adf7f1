package org.trustfund.audit;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * Filters for browsing the audit log. Dates are whole UTC days, both ends included; blank filters match
 * everything.
 */
public record AuditQuery(String actor, String entityType, AuditAction action, LocalDate from, LocalDate to,
        boolean oldestFirst) implements Serializable {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, false);
    }
}
