package org.trustfund.travel;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trustfund.platform.BusinessException;
import org.trustfund.reference.Fund;
import org.trustfund.security.Caller;
import org.trustfund.security.Roles;
import org.trustfund.spreadsheet.ListExport;
import org.trustfund.spreadsheet.RowWriter;
import org.trustfund.spreadsheet.SheetWriter;
import org.trustfund.spreadsheet.XlsxWriter;

/**
 * Who the fund's travel support reached in a year: funded trips (paid, report received or not; a trip cancelled after
 * payment is no longer one) and their US dollars, by region and development status of the traveller's residence (the
 * status on the travel date, as judged), by gender, by stakeholder group and by programme. One grouped query per
 * dimension; the year is the departure's.
 */
@Stateless
@RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
public class Participation {

    /** The groupings the page and the export show, each with its SQL key and the bundle prefix of its labels. */
    public enum Dimension {
        REGION("c.region", null),
        DEVELOPMENT_STATUS("t.residence_status", "status."),
        GENDER("v.gender", "travel.gender."),
        STAKEHOLDER_GROUP("v.stakeholder_group", "group."),
        PROGRAMME("p.code", "travel.programme.");

        private final String column;
        private final String labelPrefix;

        Dimension(String column, String labelPrefix) {
            this.column = column;
            this.labelPrefix = labelPrefix;
        }

        /** Where the key's label is, or null when the key is its own label (a region's name). */
        public String labelPrefix() {
            return labelPrefix;
        }
    }

    /** One group: its key, funded trips and their US dollars. */
    public record Row(String key, long trips, BigDecimal usd) implements Serializable {
    }

    /** A year's participation: totals and every dimension's rows, largest amount first. */
    public record Report(int year, Long fundId, long trips, BigDecimal usd, Map<Dimension, List<Row>> rows)
            implements Serializable {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    private final Clock clock = Clock.systemUTC();

    public Participation() {
    }

    /** For tests outside the container. */
    public Participation(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    /** @param fundId null for every fund */
    public Report of(Long fundId, int year) {
        if (year < 1900 || year > LocalDate.now(clock).getYear() + 1) {
            throw new BusinessException("year", "travel.participation.year", String.valueOf(year));
        }
        if (fundId != null && em.find(Fund.class, fundId) == null) {
            throw new BusinessException("fund", "fund.unknown", fundId);
        }
        Map<Dimension, List<Row>> rows = new EnumMap<>(Dimension.class);
        long trips = 0;
        BigDecimal usd = BigDecimal.ZERO.setScale(2);
        for (Dimension d : Dimension.values()) {
            jakarta.persistence.Query q = em.createNativeQuery("SELECT " + d.column + ", COUNT(*), SUM(t.paid_usd)"
                            + " FROM travel_request t JOIN traveller v ON v.id = t.traveller_id"
                            + " JOIN country c ON c.code = v.residence JOIN travel_programme p ON p.id = t.programme_id"
                            + " WHERE t.status IN ('PAID', 'REPORTED') AND t.departure_date BETWEEN ? AND ?"
                            + (fundId == null ? "" : " AND t.fund_id = ?")
                            + " GROUP BY " + d.column + " ORDER BY SUM(t.paid_usd) DESC, " + d.column)
                    .setParameter(1, LocalDate.of(year, 1, 1)).setParameter(2, LocalDate.of(year, 12, 31));
            if (fundId != null) {
                q.setParameter(3, fundId);
            }
            @SuppressWarnings("unchecked")
            List<Object[]> found = q.getResultList();
            List<Row> list = new ArrayList<>();
            long n = 0;
            BigDecimal sum = BigDecimal.ZERO.setScale(2);
            for (Object[] r : found) {
                BigDecimal amount = new BigDecimal(r[2].toString()).setScale(2);
                list.add(new Row((String) r[0], ((Number) r[1]).longValue(), amount));
                n += ((Number) r[1]).longValue();
                sum = sum.add(amount);
            }
            rows.put(d, List.copyOf(list));
            trips = n;
            usd = sum;
        }
        return new Report(year, fundId, trips, usd, rows);
    }

    /** The same figures as an xlsx: one table per dimension with its total as a formula. */
    public void export(Long fundId, int year, Locale locale, OutputStream out) throws IOException {
        Report report = of(fundId, year);
        ListExport text = ListExport.in(locale);
        List<String> filters = new ArrayList<>();
        filters.add(text.text("participation.filter.year", String.valueOf(year)));
        if (fundId != null) {
            filters.add(text.text("participation.filter.fund", em.find(Fund.class, fundId).getCode()));
        }
        try (XlsxWriter xlsx = XlsxWriter.create()) {
            SheetWriter sheet = text.begin(xlsx, "participation.title", filters, text.text("participation.sort"),
                    caller.name(), clock.instant(), "participation.column.group", "participation.column.trips",
                    "participation.column.usd");
            boolean first = true;
            for (Dimension d : Dimension.values()) {
                if (!first) {
                    sheet.blankRow();
                    sheet.header(text.text("participation.column.group"), text.text("participation.column.trips"),
                            text.text("participation.column.usd"));
                }
                first = false;
                sheet.row().bold(text.text("participation.dimension." + d.name()));
                int from = sheet.nextRow();
                for (Row r : report.rows().get(d)) {
                    String label = d.labelPrefix() == null ? r.key() : text.text(d.labelPrefix() + r.key());
                    sheet.row().text(label).integer(r.trips()).usd(r.usd());
                }
                int to = sheet.nextRow() - 1;
                RowWriter total = sheet.row().bold(text.text("export.total"));
                if (to < from) {
                    total.integer(0).usdTotal(BigDecimal.ZERO.setScale(2));
                } else {
                    total.formula("SUM(" + SheetWriter.cellRef(from, 1) + ":" + SheetWriter.cellRef(to, 1) + ")",
                            new BigDecimal(report.trips()));
                    total.formulaTotal("SUM(" + SheetWriter.cellRef(from, 2) + ":" + SheetWriter.cellRef(to, 2) + ")",
                            report.usd());
                }
            }
            xlsx.write(out);
        }
    }
}
