package org.trustfund.donor;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trustfund.platform.Keyset;
import org.trustfund.reference.Country;
import org.trustfund.spreadsheet.ListExport;
import org.trustfund.spreadsheet.RowWriter;
import org.trustfund.spreadsheet.SheetWriter;
import org.trustfund.spreadsheet.XlsxWriter;

/**
 * Writes the donors a {@link DonorQuery} selects, in the list's order, to an xlsx sheet: projected columns read
 * in keyset chunks (sort key, then id), as {@code ContributionExport} does. Who may ask is
 * {@link DonorService#export}'s business.
 */
public final class DonorExport {

    static final String[] HEADER = {"don.id", "don.name", "don.group", "don.country", "don.contactName",
        "don.contactEmail", "don.publiclyNamed", "don.language", "don.createdAt", "don.createdBy"};

    private final EntityManager em;
    private int chunk = ListExport.CHUNK;

    public DonorExport(EntityManager em) {
        this.em = em;
    }

    public DonorExport chunkSize(int rows) {
        this.chunk = rows;
        return this;
    }

    public long write(DonorQuery query, Locale locale, String by, Instant at, OutputStream out) throws IOException {
        DonorQuery q = query.sort() == null
                ? new DonorQuery(query.name(), query.group(), query.countryCode(), DonorQuery.Sort.NAME, query.descending())
                : query;
        ListExport text = ListExport.in(locale);
        try (XlsxWriter xlsx = XlsxWriter.create()) {
            SheetWriter sheet = text.begin(xlsx, "don.title", filters(q, text),
                    text.text("don.sort." + q.sort() + (q.descending() ? ".desc" : ".asc")), by, at, HEADER);
            long count = 0;
            List<Object> after = null;
            while (true) {
                List<Object[]> rows = chunk(q, after);
                for (Object[] r : rows) {
                    RowWriter row = sheet.row();
                    row.integer((Long) r[0]).text((String) r[1]).text(text.enumText("group.", (Enum<?>) r[2]))
                            .text((String) r[3]).text((String) r[4]).text((String) r[5])
                            .text(text.text(Boolean.TRUE.equals(r[6]) ? "don.yes" : "don.no"))
                            .text(Locale.forLanguageTag((String) r[9]).getDisplayLanguage(locale))
                            .timestamp((Instant) r[7]).text((String) r[8]);
                    count++;
                }
                if (rows.size() < chunk) {
                    break;
                }
                Object[] last = rows.get(rows.size() - 1);
                after = List.of(last[sortColumn(q.sort())], last[0]);
            }
            xlsx.write(out);
            return count;
        }
    }

    private static int sortColumn(DonorQuery.Sort sort) {
        return switch (sort) {
            case NAME -> 1;
            case GROUP -> 2;
            case COUNTRY -> 3;
            case CREATED -> 7;
        };
    }

    private List<Object[]> chunk(DonorQuery q, List<Object> after) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object[]> cq = cb.createQuery(Object[].class);
        Root<Donor> donor = cq.from(Donor.class);
        Join<Donor, Country> country = donor.join("country");
        cq.multiselect(donor.get("id"), donor.get("name"), donor.get("stakeholderGroup"), country.get("name"),
                donor.get("contactName"), donor.get("contactEmail"), donor.get("publiclyNamed"),
                donor.get("createdAt"), donor.get("createdBy"), donor.get("correspondenceLanguage"));
        Expression<?> sortBy = switch (q.sort()) {
            case NAME -> donor.get("name");
            case GROUP -> donor.get("stakeholderGroup");
            case COUNTRY -> country.get("name");
            case CREATED -> donor.get("createdAt");
        };
        List<Expression<?>> keys = List.of(sortBy, donor.get("id"));
        List<Predicate> where = new ArrayList<>(List.of(DonorService.predicates(cb, donor, q)));
        if (after != null) {
            where.add(Keyset.after(cb, keys, after, q.descending()));
        }
        List<Order> order = keys.stream().map(k -> q.descending() ? cb.desc(k) : cb.asc(k)).toList();
        cq.where(where.toArray(Predicate[]::new)).orderBy(order);
        return em.createQuery(cq).setMaxResults(chunk).getResultList();
    }

    private static List<String> filters(DonorQuery q, ListExport text) {
        List<String> lines = new ArrayList<>();
        if (q.name() != null && !q.name().isBlank()) {
            lines.add(text.text("don.filter.name", q.name().trim()));
        }
        if (q.group() != null) {
            lines.add(text.text("don.filter.group", text.enumText("group.", q.group())));
        }
        if (q.countryCode() != null && !q.countryCode().isBlank()) {
            lines.add(text.text("don.filter.country", q.countryCode()));
        }
        return lines;
    }
}
