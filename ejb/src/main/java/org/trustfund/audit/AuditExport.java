package org.trustfund.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trustfund.platform.Keyset;
import org.trustfund.spreadsheet.ListExport;
import org.trustfund.spreadsheet.SheetWriter;
import org.trustfund.spreadsheet.XlsxWriter;

/**
 * Writes the audit entries an {@link AuditQuery} selects, in the log's order (time, then id), to an xlsx sheet,
 * in keyset chunks of projected columns. Who may ask is {@link AuditLog#export}'s business.
 */
public final class AuditExport {

    static final String[] HEADER = {"aud.id", "aud.occurredAt", "aud.actor", "aud.action", "aud.entityType",
        "aud.entityId", "aud.details", "aud.clientAddress"};

    private final EntityManager em;
    private int chunk = ListExport.CHUNK;

    public AuditExport(EntityManager em) {
        this.em = em;
    }

    public AuditExport chunkSize(int rows) {
        this.chunk = rows;
        return this;
    }

    public long write(AuditQuery q, Locale locale, String by, Instant at, OutputStream out) throws IOException {
        ListExport text = ListExport.in(locale);
        try (XlsxWriter xlsx = XlsxWriter.create()) {
            SheetWriter sheet = text.begin(xlsx, "aud.title", filters(q, text),
                    text.text(q.oldestFirst() ? "aud.sort.oldest" : "aud.sort.newest"), by, at, HEADER);
            long count = 0;
            List<Object> after = null;
            while (true) {
                List<Object[]> rows = chunk(q, after);
                for (Object[] r : rows) {
                    sheet.row().integer((Long) r[0]).timestamp((Instant) r[1]).text((String) r[2])
                            .text(((AuditAction) r[3]).name()).text((String) r[4]).text((String) r[5])
                            .text((String) r[6]).text((String) r[7]);
                    count++;
                }
                if (rows.size() < chunk) {
                    break;
                }
                Object[] last = rows.get(rows.size() - 1);
                after = List.of(last[1], last[0]);
            }
            xlsx.write(out);
            return count;
        }
    }

    private List<Object[]> chunk(AuditQuery q, List<Object> after) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object[]> cq = cb.createQuery(Object[].class);
        Root<AuditEntry> entry = cq.from(AuditEntry.class);
        cq.multiselect(entry.get("id"), entry.get("occurredAt"), entry.get("actor"), entry.get("action"),
                entry.get("entityType"), entry.get("entityId"), entry.get("details"), entry.get("clientAddress"));
        List<Expression<?>> keys = List.of(entry.get("occurredAt"), entry.get("id"));
        boolean descending = !q.oldestFirst();
        List<Predicate> where = new ArrayList<>(List.of(AuditRepository.predicates(cb, entry, q)));
        if (after != null) {
            where.add(Keyset.after(cb, keys, after, descending));
        }
        List<Order> order = keys.stream().map(k -> descending ? cb.desc(k) : cb.asc(k)).toList();
        cq.where(where.toArray(Predicate[]::new)).orderBy(order);
        return em.createQuery(cq).setMaxResults(chunk).getResultList();
    }

    private static List<String> filters(AuditQuery q, ListExport text) {
        List<String> lines = new ArrayList<>();
        if (q.actor() != null && !q.actor().isBlank()) {
            lines.add(text.text("aud.filter.actor", q.actor().trim()));
        }
        if (q.entityType() != null && !q.entityType().isBlank()) {
            lines.add(text.text("aud.filter.entityType", q.entityType()));
        }
        if (q.entityId() != null) {
            lines.add(text.text("aud.filter.entityId", q.entityId()));
        }
        if (q.action() != null) {
            lines.add(text.text("aud.filter.action", q.action().name()));
        }
        text.period(lines, "aud.filter.period", q.from(), q.to());
        return lines;
    }
}
