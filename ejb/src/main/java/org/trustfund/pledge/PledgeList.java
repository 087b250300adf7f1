package org.trustfund.pledge;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trustfund.donor.Donor;
import org.trustfund.money.CurrencyUnits;
import org.trustfund.money.Money;
import org.trustfund.platform.Keyset;
import org.trustfund.spreadsheet.ListExport;
import org.trustfund.spreadsheet.SheetWriter;
import org.trustfund.spreadsheet.XlsxWriter;

/**
 * The pledge list, for pages and the export: a pledge's columns projected (no pledge loaded with its
 * instalments), what certified contributions paid on each pledge of the page in one aggregate, and the
 * outstanding balance by {@link PledgeSummary#outstanding(PledgeStatus, Money, Money)}. Who may read it is
 * {@link PledgeService}'s business.
 */
public final class PledgeList {

    static final String[] HEADER = {"ple.id", "ple.donor", "ple.fund", "ple.amount", "ple.currency", "ple.firstYear",
        "ple.lastYear", "ple.status", "ple.pledgedOn", "ple.agreementDate", "ple.outstanding"};

    private final EntityManager em;
    private int chunk = ListExport.CHUNK;

    public PledgeList(EntityManager em) {
        this.em = em;
    }

    public PledgeList chunkSize(int rows) {
        this.chunk = rows;
        return this;
    }

    public List<PledgeRow> page(PledgeQuery query, int first, int size) {
        return rows(em.createQuery(select(query, null)).setFirstResult(first).setMaxResults(size).getResultList());
    }

    public long count(PledgeQuery query) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> cq = cb.createQuery(Long.class);
        Root<Pledge> p = cq.from(Pledge.class);
        cq.select(cb.count(p)).where(predicates(cb, p, query));
        return em.createQuery(cq).getSingleResult();
    }

    /** Writes every pledge the query selects, in its order, read in keyset chunks. */
    public long export(PledgeQuery query, Locale locale, String by, Instant at, OutputStream out) throws IOException {
        PledgeQuery q = sorted(query);
        ListExport text = ListExport.in(locale);
        try (XlsxWriter xlsx = XlsxWriter.create()) {
            SheetWriter sheet = text.begin(xlsx, "ple.title", filters(q, text),
                    text.text("ple.sort." + q.sort() + (q.descending() ? ".desc" : ".asc")), by, at, HEADER);
            long count = 0;
            Object[] after = null;
            while (true) {
                List<Object[]> raw = em.createQuery(select(q, after)).setMaxResults(chunk).getResultList();
                for (PledgeRow r : rows(raw)) {
                    int units = CurrencyUnits.of(r.amount().currency().getCurrencyCode());
                    sheet.row().integer(r.id()).text(r.donor()).text(r.fund()).amount(r.amount().amount(), units)
                            .text(r.amount().currency().getCurrencyCode()).integer(r.firstYear()).integer(r.lastYear())
                            .text(text.enumText("pledgeStatus.", r.status())).date(r.pledgedOn()).date(r.agreementDate())
                            .amount(r.outstanding().amount(), units);
                    count++;
                }
                if (raw.size() < chunk) {
                    break;
                }
                after = raw.get(raw.size() - 1);
            }
            xlsx.write(out);
            return count;
        }
    }

    private static PledgeQuery sorted(PledgeQuery q) {
        return q.sort() != null ? q
                : new PledgeQuery(q.donorName(), q.fundId(), q.status(), q.currency(), PledgeQuery.Sort.PLEDGED_ON, true);
    }

    /** The list's columns in its order; {@code after}: only rows after that one (keyset), else from the start. */
    private CriteriaQuery<Object[]> select(PledgeQuery query, Object[] after) {
        PledgeQuery q = sorted(query);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object[]> cq = cb.createQuery(Object[].class);
        Root<Pledge> p = cq.from(Pledge.class);
        Join<Pledge, Donor> donor = p.join("donor");
        cq.multiselect(p.get("id"), donor.get("id"), donor.get("name"), p.get("fund").get("code"),
                p.get("amount").get("amount"), p.get("amount").get("currency"), p.get("firstYear"), p.get("lastYear"),
                p.get("status"), p.get("pledgedOn"), p.get("agreementDate"));
        List<Expression<?>> keys = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        switch (q.sort()) {
            case PLEDGED_ON -> key(keys, columns, p.get("pledgedOn"), 9);
            case DONOR -> {
                key(keys, columns, donor.get("name"), 2);
                key(keys, columns, donor.get("id"), 1);
            }
            case STATUS -> key(keys, columns, p.get("status"), 8);
        }
        key(keys, columns, p.get("id"), 0);
        List<Predicate> where = new ArrayList<>(List.of(predicates(cb, p, q)));
        if (after != null) {
            List<Object> values = columns.stream().map(i -> after[i]).toList();
            where.add(Keyset.after(cb, keys, values, q.descending()));
        }
        List<Order> order = keys.stream().map(k -> q.descending() ? cb.desc(k) : cb.asc(k)).toList();
        return cq.where(where.toArray(Predicate[]::new)).orderBy(order);
    }

    private static void key(List<Expression<?>> keys, List<Integer> columns, Expression<?> key, int column) {
        keys.add(key);
        columns.add(column);
    }

    private List<PledgeRow> rows(List<Object[]> raw) {
        Map<Long, BigDecimal> paid = paid(raw.stream().map(r -> (Long) r[0]).toList());
        return raw.stream().map(r -> {
            java.util.Currency currency = Money.currency((String) r[5]);
            Money amount = Money.rounded((BigDecimal) r[4], currency, RoundingMode.UNNECESSARY);
            Money paidOn = Money.rounded(paid.getOrDefault((Long) r[0], BigDecimal.ZERO), currency, RoundingMode.UNNECESSARY);
            PledgeStatus status = (PledgeStatus) r[8];
            return new PledgeRow((Long) r[0], (Long) r[1], (String) r[2], (String) r[3], amount, (Integer) r[6],
                    (Integer) r[7], status, (LocalDate) r[9], (LocalDate) r[10],
                    PledgeSummary.outstanding(status, amount, paidOn));
        }).toList();
    }

    /** What certified contributions paid on each of these pledges (in the pledge's currency), by pledge id. */
    private Map<Long, BigDecimal> paid(Collection<Long> pledgeIds) {
        Map<Long, BigDecimal> paid = new HashMap<>();
        if (pledgeIds.isEmpty()) {
            return paid;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT i.pledge_id, SUM(a.amount) FROM contribution_application a"
                        + " JOIN contribution c ON c.id = a.contribution_id JOIN instalment i ON i.id = a.instalment_id"
                        + " WHERE c.status = 'CERTIFIED' AND i.pledge_id IN (" + String.join(",",
                        pledgeIds.stream().map(String::valueOf).toList()) + ") GROUP BY i.pledge_id")
                .getResultList();
        for (Object[] row : rows) {
            paid.put(((Number) row[0]).longValue(), row[1] instanceof BigDecimal d ? d : new BigDecimal(row[1].toString()));
        }
        return paid;
    }

    private static Predicate[] predicates(CriteriaBuilder cb, Root<Pledge> p, PledgeQuery q) {
        List<Predicate> where = new ArrayList<>();
        if (q.donorName() != null && !q.donorName().isBlank()) {
            String escaped = q.donorName().trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            where.add(cb.like(cb.lower(p.get("donor").get("name")), "%" + escaped + "%", '\\'));
        }
        if (q.fundId() != null) {
            where.add(cb.equal(p.get("fund").get("id"), q.fundId()));
        }
        if (q.status() != null) {
            where.add(cb.equal(p.get("status"), q.status()));
        }
        if (q.currency() != null && !q.currency().isBlank()) {
            where.add(cb.equal(p.get("amount").get("currency"), q.currency()));
        }
        return where.toArray(Predicate[]::new);
    }

    private List<String> filters(PledgeQuery q, ListExport text) {
        List<String> lines = new ArrayList<>();
        if (q.donorName() != null && !q.donorName().isBlank()) {
            lines.add(text.text("ple.filter.donorName", q.donorName().trim()));
        }
        if (q.fundId() != null) {
            Object code = em.createQuery("SELECT f.code FROM Fund f WHERE f.id = :id").setParameter("id", q.fundId())
                    .getResultStream().findFirst().orElse(String.valueOf(q.fundId()));
            lines.add(text.text("ple.filter.fund", code));
        }
        if (q.status() != null) {
            lines.add(text.text("ple.filter.status", text.enumText("pledgeStatus.", q.status())));
        }
        if (q.currency() != null && !q.currency().isBlank()) {
            lines.add(text.text("ple.filter.currency", q.currency()));
        }
        return lines;
    }
}
