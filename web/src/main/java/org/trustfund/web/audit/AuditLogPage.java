package org.trustfund.web.audit;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.event.data.SortEvent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;
import org.trustfund.web.platform.ExcelDownload;
import org.trustfund.web.platform.ListParameters;
import org.trustfund.web.platform.Messages;
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
    /** The query of the rows last shown, for the export: the same filters and order, whatever was typed since. */
    private AuditQuery shown;
    private boolean oldestFirst;
    private List<String> entityTypes;

    private final LazyDataModel<AuditEntry> entries = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return Math.toIntExact(auditLog.count(query(false)));
        }

        @Override
        public List<AuditEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            SortMeta sort = sortBy.values().stream().filter(m -> "occurredAt".equals(m.getField())).findFirst().orElse(null);
            boolean ascending = sort != null && sort.getOrder() == SortOrder.ASCENDING;
            shown = query(ascending);
            return auditLog.search(shown, first, pageSize);
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

    /** Reads the filters and sort from the address (see {@link ListParameters}). */
    @PostConstruct
    void init() {
        actor = ListParameters.text("actor");
        entityType = ListParameters.text("type");
        action = ListParameters.choice("action", AuditAction.class);
        from = ListParameters.date("from");
        to = ListParameters.date("to");
        if (from != null && to != null && from.isAfter(to)) {
            Messages.errorAt("audit:from", "period.reversed", from, to);
            from = null;
            to = null;
        }
        SortMeta sort = ListParameters.sort("occurredAt");
        oldestFirst = sort != null && sort.getOrder() == SortOrder.ASCENDING;
        shown = query(oldestFirst);
    }

    /** After Filter or Clear: the address shows the filters now applied. */
    public void apply() {
        showParameters();
    }

    public void sorted(SortEvent event) {
        oldestFirst = event.getSortBy().values().stream()
                .anyMatch(m -> "occurredAt".equals(m.getField()) && m.getOrder() == SortOrder.ASCENDING);
        showParameters();
    }

    private void showParameters() {
        ListParameters.of().put("actor", actor).put("type", entityType).put("action", action).put("from", from)
                .put("to", to).sort("occurredAt", !oldestFirst, "occurredAt", true).show();
    }

    /** The table's first sort: newest first unless the address asks otherwise. */
    public SortMeta getSortBy() {
        return SortMeta.builder().field("occurredAt").order(oldestFirst ? SortOrder.ASCENDING : SortOrder.DESCENDING)
                .build();
    }

    /**
     * An entry's details as the pages word them: a status written by its code (RETURNED) reads as the pages
     * call it ("Sent back"), so one word is used everywhere.
     */
    public String details(AuditEntry entry) {
        return AuditDetails.words(entry.getDetails());
    }

    /** The entries the filters select, in the table's order, as an xlsx streamed to the browser. */
    public StreamedContent getExport() {
        AuditQuery query = shown;
        AuditLog log = auditLog;
        return ExcelDownload.of("audit-log", (locale, out) -> log.export(query, locale, out));
    }

    public void clear() {
        actor = null;
        entityType = null;
        action = null;
        from = null;
        to = null;
        apply();
    }

    public LazyDataModel<AuditEntry> getEntries() {
        return entries;
    }

    public AuditAction[] getActions() {
        return AuditAction.values();
    }

    /** Every record type the log holds, read from it: not a list kept by hand. */
    public List<String> getEntityTypes() {
        if (entityTypes == null) {
            entityTypes = auditLog.entityTypes();
        }
        return entityTypes;
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

    /** The page's view action: creating the bean reads the address (see the @PostConstruct method); nothing more. */
    public void open() {
        // Reading happens on construction.
    }
}
