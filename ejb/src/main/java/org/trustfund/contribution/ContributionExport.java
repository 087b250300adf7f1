package org.trustfund.contribution;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.trustfund.donor.Donor;
import org.trustfund.money.CurrencyUnits;
import org.trustfund.platform.Keyset;
import org.trustfund.reference.ExchangeRate;
import org.trustfund.spreadsheet.ListExport;
import org.trustfund.spreadsheet.RowWriter;
import org.trustfund.spreadsheet.SheetWriter;
import org.trustfund.spreadsheet.XlsxWriter;

/**
 * Writes the contributions a {@link ContributionQuery} selects, in the list's order, to an xlsx sheet. Reads in
 * chunks of projected columns (no entity is loaded), each chunk starting after the last row of the one before
 * (keyset on the sort key, then the id): every row comes exactly once, and a chunk deep in 377,000 rows costs
 * what the first does. It does not check who is asking: {@link ContributionService#export} restricts the query
 * to the caller first; the benchmark calls it directly with an entity manager.
 */
public final class ContributionExport {

    static final String[] HEADER = {"con.id", "con.received", "con.donor", "con.group", "con.country", "con.fund",
        "con.amount", "con.currency", "con.rate", "con.rateDate", "con.usd", "con.status", "con.bankReference",
        "con.recordedBy", "con.recordedAt", "con.certifiedBy", "con.certifiedAt", "con.replaces", "con.reversedBy",
        "con.reversedAt"};
    static final int USD_COLUMN = 10;

    private final EntityManager em;
    private int chunk = ListExport.CHUNK;

    public ContributionExport(EntityManager em) {
        this.em = em;
    }

    /** Rows per read; tests lower it so that a few rows cross chunk boundaries, the benchmark may tune it. */
    public ContributionExport chunkSize(int rows) {
        this.chunk = rows;
        return this;
    }

    /** Writes the whole file to {@code out}; returns how many contributions it lists. */
    public long write(ContributionQuery query, Locale locale, String by, Instant at, OutputStream out) throws IOException {
        try (XlsxWriter xlsx = XlsxWriter.create()) {
            long rows = write(query, ListExport.in(locale), xlsx, by, at);
            xlsx.write(out);
            return rows;
        }
    }

    long write(ContributionQuery query, ListExport text, XlsxWriter xlsx, String by, Instant at) {
        ContributionQuery q = query.sort() == null ? withSort(query, ContributionQuery.Sort.RECEIVED) : query;
        SheetWriter sheet = text.begin(xlsx, "con.title", filters(q, text), sortLine(q, text), by, at, HEADER);
        int first = sheet.nextRow();
        long[] count = {0};
        BigDecimal[] usd = {BigDecimal.ZERO};
        forEachRow(q, r -> {
            RowWriter row = sheet.row();
            row.integer((Long) r[0]).date((LocalDate) r[1]).text((String) r[2])
                    .text(text.enumText("group.", (Enum<?>) r[3])).text((String) r[4]).text((String) r[5]);
            String currency = (String) r[7];
            row.amount((BigDecimal) r[6], CurrencyUnits.of(currency)).text(currency)
                    .rate((BigDecimal) r[8]).date((LocalDate) r[9]).usd((BigDecimal) r[10])
                    .text(text.enumText("status.", (Enum<?>) r[11])).text((String) r[12])
                    .text((String) r[13]).timestamp((Instant) r[14]).text((String) r[15]).timestamp((Instant) r[16]);
            if (r[17] == null) {
                row.blank();
            } else {
                row.integer((Long) r[17]);
            }
            row.text((String) r[18]).timestamp((Instant) r[19]);
            usd[0] = usd[0].add((BigDecimal) r[10]);
            count[0]++;
        });
        text.totals(sheet, first, first + (int) count[0] - 1, new int[] {USD_COLUMN}, new BigDecimal[] {usd[0]});
        return count[0];
    }

    /**
     * Hands each selected contribution's columns to {@code row}, in order, a chunk at a time: the export's reads
     * without the writing (the benchmark times them apart).
     */
    public void forEachRow(ContributionQuery query, java.util.function.Consumer<Object[]> row) {
        ContributionQuery q = query.sort() == null ? withSort(query, ContributionQuery.Sort.RECEIVED) : query;
        Object[] after = null;
        while (true) {
            List<Object[]> keys = keys(q, after);
            columns(keys).forEach(row);
            if (keys.size() < chunk) {
                return;
            }
            // The keys of the last row: the next chunk starts after it.
            after = keys.get(keys.size() - 1);
        }
    }

    /**
     * The next chunk's sort keys, ending with the id, after {@code after} (null: from the start). Read from the
     * contribution table's indexes alone (the donor joins in only for the donor's name, as a filter or the sort):
     * joined to donor, country and fund, MariaDB starts from the small tables and sorts every contribution for
     * every chunk, as the list's search found (ContributionService#search).
     */
    private List<Object[]> keys(ContributionQuery q, Object[] after) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object[]> cq = cb.createQuery(Object[].class);
        Root<Contribution> c = cq.from(Contribution.class);
        // The list's order, made total: the sort key, (for the donor sort) the donor, then the contribution.
        List<Expression<?>> keys = switch (q.sort()) {
            case RECEIVED -> List.of(c.get("receivedDate"), c.get("id"));
            case DONOR -> List.of(c.get("donor").get("name"), c.get("donor").get("id"), c.get("id"));
            case AMOUNT_USD -> List.of(c.get("usdAmount"), c.get("id"));
            case STATUS -> List.of(c.get("status"), c.get("id"));
        };
        cq.multiselect(keys.toArray(jakarta.persistence.criteria.Selection[]::new));
        List<Predicate> where = new ArrayList<>(List.of(ContributionService.predicates(cb, c, q)));
        if (after != null) {
            where.add(Keyset.after(cb, keys, java.util.Arrays.asList(after), q.descending()));
        }
        List<Order> order = new ArrayList<>();
        keys.forEach(k -> order.add(q.descending() ? cb.desc(k) : cb.asc(k)));
        cq.where(where.toArray(Predicate[]::new)).orderBy(order);
        return em.createQuery(cq).setMaxResults(chunk).getResultList();
    }

    /** The columns of the contributions whose keys these are, in the keys' order. */
    private List<Object[]> columns(List<Object[]> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<Long> ids = keys.stream().map(k -> (Long) k[k.length - 1]).toList();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object[]> cq = cb.createQuery(Object[].class);
        Root<Contribution> c = cq.from(Contribution.class);
        Join<Contribution, Donor> donor = c.join("donor");
        Join<Contribution, ExchangeRate> rate = c.join("rate", JoinType.LEFT);
        Join<Contribution, Contribution> replaces = c.join("replaces", JoinType.LEFT);
        cq.multiselect(c.get("id"), c.get("receivedDate"), donor.get("name"), donor.get("stakeholderGroup"),
                donor.get("country").get("name"), c.get("fund").get("code"), c.get("amount").get("amount"),
                c.get("amount").get("currency"), c.get("unitsPerUsd"), rate.get("effectiveDate"), c.get("usdAmount"),
                c.get("status"), c.get("bankReference"), c.get("recordedBy"), c.get("recordedAt"), c.get("certifiedBy"),
                c.get("certifiedAt"), replaces.get("id"), c.get("reversedBy"), c.get("reversedAt"));
        cq.where(c.get("id").in(ids));
        Map<Long, Object[]> byId = new HashMap<>();
        em.createQuery(cq).getResultList().forEach(r -> byId.put((Long) r[0], r));
        return ids.stream().map(byId::get).toList();
    }

    private static ContributionQuery withSort(ContributionQuery q, ContributionQuery.Sort sort) {
        return new ContributionQuery(q.donorId(), q.donorName(), q.status(), q.currency(), q.from(), q.to(), sort,
                q.descending(), q.donorScope());
    }

    private static List<String> filters(ContributionQuery q, ListExport text) {
        List<String> lines = new ArrayList<>();
        if (q.donorId() != null) {
            lines.add(text.text("con.filter.donorId", String.valueOf(q.donorId())));
        }
        if (q.donorName() != null && !q.donorName().isBlank()) {
            lines.add(text.text("con.filter.donorName", q.donorName().trim()));
        }
        if (q.status() != null) {
            lines.add(text.text("con.filter.status", text.enumText("status.", q.status())));
        }
        if (q.currency() != null && !q.currency().isBlank()) {
            lines.add(text.text("con.filter.currency", q.currency()));
        }
        text.period(lines, "con.filter.received", q.from(), q.to());
        return lines;
    }

    private static String sortLine(ContributionQuery q, ListExport text) {
        return text.text("con.sort." + q.sort() + (q.descending() ? ".desc" : ".asc"));
    }
}
