package org.trustfund.ledger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;
import org.trustfund.reference.Fund;
import org.trustfund.security.Roles;

/**
 * Reads the ledger's journals: a filtered, sorted list paged in the database, one journal with its lines, and
 * every line of the selected journals in chunks for an export. Plain SQL, no entities: a list of journals at
 * benchmark size must not load a million lines.
 */
@Stateless
@RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR})
public class JournalService {

    /** Journals read per round trip of an export; with about three lines each, some thousands of lines. */
    static final int EXPORT_CHUNK = 1_500;

    private static final String COLUMNS = "SELECT j.id, j.fund_id, f.code, j.event_date, j.event_type, j.donor_id,"
            + " d.name, j.description, (SELECT SUM(x.debit) FROM journal_line x WHERE x.journal_id = j.id),"
            + " j.posted_by, j.posted_at, j.source_type, j.source_id, j.reverses_journal_id"
            + " FROM journal j JOIN fund f ON f.id = j.fund_id LEFT JOIN donor d ON d.id = j.donor_id";

    @PersistenceContext
    private EntityManager em;

    private final int exportChunk;

    public JournalService() {
        this.exportChunk = EXPORT_CHUNK;
    }

    /** For use outside the container (tests, the benchmark). */
    public JournalService(EntityManager em) {
        this(em, EXPORT_CHUNK);
    }

    /** With smaller chunks, so a test sees an export cross from one chunk to the next. */
    JournalService(EntityManager em, int exportChunk) {
        this.em = em;
        this.exportChunk = exportChunk;
    }

    /**
     * One page of the journals the query selects, in its order.
     *
     * @throws org.trustfund.platform.BusinessException {@code fund.unknown}, {@code ledger.period.reversed}
     */
    public List<JournalSummary> search(JournalQuery query, int first, int max) {
        check(query);
        Sql sql = new Sql(COLUMNS).where(query).append(orderBy(query)).append(" LIMIT ? OFFSET ?")
                .param(Math.max(0, max)).param(Math.max(0, first));
        return summaries(sql.query(em));
    }

    public long count(JournalQuery query) {
        check(query);
        Sql sql = new Sql("SELECT COUNT(*) FROM journal j").where(query);
        return ((Number) sql.query(em).getSingleResult()).longValue();
    }

    /** @throws UnknownJournalException if there is no journal with that id */
    public JournalDetail journal(long id) {
        List<JournalSummary> found = summaries(new Sql(COLUMNS).append(" WHERE j.id = ?").param(id).query(em));
        if (found.isEmpty()) {
            throw new UnknownJournalException(id);
        }
        JournalSummary journal = found.get(0);
        return new JournalDetail(journal, em.find(Fund.class, journal.fundId()).getName(),
                linesOf(List.of(id)).getOrDefault(id, List.of()));
    }

    /**
     * Hands every line of the journals the query selects to {@code consumer}, journal after journal in the query's
     * order, reading a chunk of journals at a time (keyset on the sort order, not OFFSET, so each chunk costs the
     * same): memory stays bounded whatever the number of lines.
     */
    public void forEachLine(JournalQuery query, Consumer<JournalLineRow> consumer) {
        check(query);
        JournalSummary last = null;
        while (true) {
            Sql sql = new Sql(COLUMNS).where(query);
            if (last != null) {
                after(sql, query, last);
            }
            sql.append(orderBy(query)).append(" LIMIT ?").param(exportChunk);
            List<JournalSummary> chunk = summaries(sql.query(em));
            if (chunk.isEmpty()) {
                return;
            }
            Map<Long, List<JournalLineView>> lines = linesOf(chunk.stream().map(JournalSummary::id).toList());
            for (JournalSummary journal : chunk) {
                for (JournalLineView line : lines.getOrDefault(journal.id(), List.of())) {
                    consumer.accept(new JournalLineRow(journal, line));
                }
            }
            // The chunk's rows are written; let the persistence context forget anything it may hold.
            em.clear();
            if (chunk.size() < exportChunk) {
                return;
            }
            last = chunk.get(chunk.size() - 1);
        }
    }

    private void check(JournalQuery query) {
        LedgerPeriod.requireOrdered(query.from(), query.to());
        if (query.fundId() != null) {
            LedgerPeriod.requireFund(em, query.fundId());
        }
    }

    /** The keyset condition: journals after {@code last} in the query's order. */
    private static void after(Sql sql, JournalQuery query, JournalSummary last) {
        String cmp = query.descending() ? "<" : ">";
        if (query.sort() == JournalQuery.Sort.ID) {
            sql.append(" AND j.id " + cmp + " ?").param(last.id());
        } else {
            sql.append(" AND (j.event_date " + cmp + " ? OR (j.event_date = ? AND j.id " + cmp + " ?))")
                    .param(last.eventDate()).param(last.eventDate()).param(last.id());
        }
    }

    private static String orderBy(JournalQuery query) {
        String dir = query.descending() ? " DESC" : " ASC";
        return query.sort() == JournalQuery.Sort.ID ? " ORDER BY j.id" + dir
                : " ORDER BY j.event_date" + dir + ", j.id" + dir;
    }

    private Map<Long, List<JournalLineView>> linesOf(List<Long> journalIds) {
        StringJoiner ids = new StringJoiner(",", "(", ")");
        journalIds.forEach(id -> ids.add(Long.toString(id)));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT l.journal_id, l.id, l.account, l.debit, l.credit, l.currency,"
                + " l.currency_amount, l.pledge_id FROM journal_line l WHERE l.journal_id IN " + ids
                // Debits before credits, as a journal is written; ids alone do not keep the order lines were built in.
                + " ORDER BY l.journal_id, l.debit = 0, l.id").getResultList();
        Map<Long, List<JournalLineView>> byJournal = new LinkedHashMap<>();
        for (Object[] r : rows) {
            byJournal.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add(new JournalLineView(
                    ((Number) r[1]).longValue(), Account.valueOf((String) r[2]), Ledger.toDecimal(r[3]),
                    Ledger.toDecimal(r[4]), (String) r[5], r[6] == null ? null : Ledger.toDecimal(r[6]),
                    r[7] == null ? null : ((Number) r[7]).longValue()));
        }
        return byJournal;
    }

    @SuppressWarnings("unchecked")
    private static List<JournalSummary> summaries(Query query) {
        List<JournalSummary> out = new ArrayList<>();
        for (Object[] r : (List<Object[]>) query.getResultList()) {
            out.add(new JournalSummary(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                    date(r[3]), JournalEvent.valueOf((String) r[4]), r[5] == null ? null : ((Number) r[5]).longValue(),
                    (String) r[6], (String) r[7], Ledger.toDecimal(r[8]), (String) r[9], instant(r[10]),
                    (String) r[11], ((Number) r[12]).longValue(), r[13] == null ? null : ((Number) r[13]).longValue()));
        }
        return out;
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    /** The JDBC session runs in UTC, like the JVM, so a DATETIME is a UTC time. */
    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return value instanceof LocalDateTime t ? t.toInstant(ZoneOffset.UTC) : (Instant) value;
    }

    /** A native statement and its positional parameters, built up as the filters ask. */
    private static final class Sql {
        private final StringBuilder text;
        private final List<Object> params = new ArrayList<>();

        Sql(String start) {
            text = new StringBuilder(start);
        }

        Sql append(String s) {
            text.append(s);
            return this;
        }

        Sql param(Object value) {
            params.add(value);
            return this;
        }

        /** The query's filters, as a WHERE clause (always present, so keyset conditions can add "AND"). */
        Sql where(JournalQuery q) {
            text.append(" WHERE 1 = 1");
            if (q.fundId() != null) {
                append(" AND j.fund_id = ?").param(q.fundId());
            }
            if (q.donorId() != null) {
                // A donor's journals include those of the donors merged into it (the ledger keeps the original).
                append(" AND (j.donor_id = ? OR j.donor_id IN (SELECT m.id FROM donor m WHERE m.merged_into_id = ?))")
                        .param(q.donorId()).param(q.donorId());
            }
            if (q.event() != null) {
                append(" AND j.event_type = ?").param(q.event().name());
            }
            if (q.from() != null) {
                append(" AND j.event_date >= ?").param(q.from());
            }
            if (q.to() != null) {
                append(" AND j.event_date <= ?").param(q.to());
            }
            if (q.account() != null) {
                append(" AND EXISTS (SELECT 1 FROM journal_line a WHERE a.journal_id = j.id AND a.account = ?)")
                        .param(q.account().name());
            }
            return this;
        }

        Query query(EntityManager em) {
            Query query = em.createNativeQuery(text.toString());
            for (int i = 0; i < params.size(); i++) {
                query.setParameter(i + 1, params.get(i));
            }
            return query;
        }
    }
}
