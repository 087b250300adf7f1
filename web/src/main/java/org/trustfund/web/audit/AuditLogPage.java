package org.trustfund.web.audit;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;
import org.trustfund.web.platform.ExcelDownload;
import org.primefaces.model.SortOrder;
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditEntry;
import org.trustfund.audit.AuditLog;
import org.trustfund.audit.AuditQuery;

/**
 * Backs the audit log page: filters above a lazy table whose paging, filtering and sorting all happen in
 * the database.
 */
@Named
@ViewScoped
public class AuditLogPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AuditLog auditLog;

    private String actor;
    private String entityType;
    private AuditAction action;
    private LocalDate from;
    private LocalDate to;
    /** The table's order as last loaded, for the export. */
    private boolean shownOldestFirst;

    private final LazyDataModel<AuditEntry> entries = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return Math.toIntExact(auditLog.count(query(false)));
        }

        @Override
        public List<AuditEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            SortMeta sort = sortBy.get("occurredAt");
            boolean oldestFirst = sort != null && sort.getOrder() == SortOrder.ASCENDING;
            shownOldestFirst = oldestFirst;
            return auditLog.search(query(oldestFirst), first, pageSize);
        }

        @Override
        public String getRowKey(AuditEntry entry) {
            return String.valueOf(entry.getId());
        }

        @Override
        public AuditEntry getRowData(String rowKey) {
            return null;
        }
    };

    private AuditQuery query(boolean oldestFirst) {
        return new AuditQuery(actor, entityType, action, from, to, oldestFirst);
    }

    /** The entries the filters select, in the table's order, as an xlsx streamed to the browser. */
    public StreamedContent getExport() {
        AuditQuery query = query(shownOldestFirst);
        AuditLog log = auditLog;
        return ExcelDownload.of("audit-log", (locale, out) -> log.export(query, locale, out));
    }

    public void clear() {
        actor = null;
        entityType = null;
        action = null;
        from = null;
        to = null;
    }

    public LazyDataModel<AuditEntry> getEntries() {
        return entries;
    }

    public AuditAction[] getActions() {
        return AuditAction.values();
    }

    public List<String> getEntityTypes() {
        return List.of("UserAccount");
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getEntityType() {
        return entityType;
    }

    public void setEntityType(String entityType) {
        this.entityType = entityType;
    }

    public AuditAction getAction() {
        return action;
    }

    public void setAction(AuditAction action) {
        this.action = action;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
