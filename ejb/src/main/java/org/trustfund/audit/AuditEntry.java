package org.trustfund.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * One event in the audit log. Built complete and never changed: there are no setters, and the table's
 * triggers refuse updates and deletes.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    private static final int DETAILS_LIMIT = 60_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor", nullable = false, updatable = false, length = 100)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, updatable = false, length = 40)
    private AuditAction action;

    @Column(name = "entity_type", updatable = false, length = 60)
    private String entityType;

    @Column(name = "entity_id", updatable = false, length = 60)
    private String entityId;

    @Column(name = "details", updatable = false)
    private String details;

    @Column(name = "client_address", updatable = false, length = 64)
    private String clientAddress;

    @Version
    private long version;

    protected AuditEntry() {
    }

    public AuditEntry(Instant occurredAt, String actor, AuditAction action, String entityType, String entityId,
            String details, String clientAddress) {
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.actor = truncate(Objects.requireNonNull(actor, "actor"), 100);
        this.action = Objects.requireNonNull(action, "action");
        this.entityType = entityType;
        this.entityId = entityId;
        this.details = details == null ? null : truncate(details, DETAILS_LIMIT);
        this.clientAddress = clientAddress == null ? null : truncate(clientAddress, 64);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public AuditAction getAction() {
        return action;
    }

    public String getEntityType() {
        return entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public String getDetails() {
        return details;
    }

    public String getClientAddress() {
        return clientAddress;
    }
}
