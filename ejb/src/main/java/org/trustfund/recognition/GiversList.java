package org.trustfund.recognition;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.UnknownRecordException;
import org.trustfund.recognition.Givers.Channel;
import org.trustfund.recognition.Givers.Giver;
import org.trustfund.security.Roles;
import org.trustfund.spreadsheet.SheetWriter;
import org.trustfund.spreadsheet.XlsxWriter;

/**
 * The givers' list of a fund and year: donors who gave cash or in kind directly, and the original givers of the
 * transfers intermediaries passed on, each credited with their gift (a soft credit), never with the intermediary's
 * net as well. Only certified records count; a giver who is anonymous or asked not to be named is counted, never named.
 */
@Stateless
@RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
public class GiversList {

    static final String BUNDLE = "org.trustfund.recognition.givers";
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    @PersistenceContext
    private EntityManager em;

    public GiversList() {
    }

    /** For tests and tools outside the container. */
    public GiversList(EntityManager em) {
        this.em = em;
    }

    /** A fund as the public page names it. */
    public record PublicFund(long id, String code, String name, int startYear, boolean amounts)
            implements java.io.Serializable {
    }

    /** The funds, for the public recognition page (no sign-in): codes, names and first years only. */
    @jakarta.annotation.security.PermitAll
    public List<PublicFund> publicFunds() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, code, name, start_date, public_amounts FROM fund"
                + " ORDER BY code").getResultList();
        List<PublicFund> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new PublicFund(((Number) r[0]).longValue(), (String) r[1], (String) r[2], toDate(r[3]).getYear(),
                    r[4] instanceof Boolean b ? b : ((Number) r[4]).intValue() != 0));
        }
        return out;
    }

    /**
     * What has been recorded so far, as one number: the newest audit entry's id. Every change that could alter the
     * public page writes an audit entry, so the page kept for a mark is still right while the mark is the same.
     */
    @jakarta.annotation.security.PermitAll
    public long changeMark() {
        Object max = em.createNativeQuery("SELECT MAX(id) FROM audit_entry").getSingleResult();
        return max == null ? 0L : ((Number) max).longValue();
    }

    /**
     * The same list for the public page, open to anyone: only certified records, and no one who is anonymous or asked
     * not to be named is named in it. The page shows names, groups and channels, and amounts only where the fund's
     * setting says so ({@link PublicFund#amounts()}).
     */
    @jakarta.annotation.security.PermitAll
    public Givers published(long fundId, int year) {
        return of(fundId, year);
    }

    /**
     * @throws UnknownRecordException {@code fund.unknown}
     * @throws BusinessException {@code givers.year.outside} for a year before the fund began or after this one
     */
    public Givers of(long fundId, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> fund = em.createNativeQuery("SELECT code, start_date FROM fund WHERE id = ?").setParameter(1, fundId)
                .getResultList();
        if (fund.isEmpty()) {
            throw new UnknownRecordException("fund.unknown", fundId);
        }
        int start = toDate(fund.get(0)[1]).getYear();
        if (year < start || year > LocalDate.now().getYear()) {
            throw new BusinessException("year", "givers.year.outside", String.valueOf(year), String.valueOf(start));
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        List<Giver> named = new ArrayList<>();
        int[] notNamed = {0};
        BigDecimal[] notNamedUsd = {ZERO};
        BigDecimal[] totals = {ZERO, ZERO, ZERO};

        // Direct donors: cash and in kind together, one row each (merged donors under the one they were merged into).
        @SuppressWarnings("unchecked")
        List<Object[]> direct = em.createNativeQuery("SELECT d.id, d.name, d.publicly_named, d.stakeholder_group,"
                        + " SUM(x.cash), SUM(x.kind) FROM ("
                        + "  SELECT c.donor_id AS donor_id, c.usd_amount AS cash, 0 AS kind FROM contribution c"
                        + "   WHERE c.fund_id = ? AND c.status = 'CERTIFIED' AND c.received_date BETWEEN ? AND ?"
                        + "  UNION ALL SELECT g.donor_id, 0, g.usd_amount FROM in_kind_contribution g"
                        + "   WHERE g.fund_id = ? AND g.status = 'CERTIFIED' AND g.start_date BETWEEN ? AND ?) x"
                        + " JOIN donor d0 ON d0.id = x.donor_id JOIN donor d ON d.id = COALESCE(d0.merged_into_id, d0.id)"
                        + " GROUP BY d.id, d.name, d.publicly_named, d.stakeholder_group")
                .setParameter(1, fundId).setParameter(2, from).setParameter(3, to)
                .setParameter(4, fundId).setParameter(5, from).setParameter(6, to).getResultList();
        for (Object[] r : direct) {
            BigDecimal cash = usd(r[4]);
            BigDecimal kind = usd(r[5]);
            totals[0] = totals[0].add(cash);
            totals[1] = totals[1].add(kind);
            if (bool(r[2])) {
                named.add(new Giver((String) r[1], (String) r[3], null, cash, kind, ZERO));
            } else {
                notNamed[0]++;
                notNamedUsd[0] = notNamedUsd[0].add(cash).add(kind);
            }
        }

        // Givers through intermediaries: each gift of a transfer certified in the year, at its share of the gross.
        @SuppressWarnings("unchecked")
        List<Object[]> gifts = em.createNativeQuery("SELECT t.id, d.name, g.giver_name, g.anonymous, g.publicly_named,"
                        + " g.giver_kind, g.usd_amount FROM transfer_gift g JOIN intermediary_transfer t ON t.id = g.transfer_id"
                        + " JOIN intermediary i ON i.id = t.intermediary_id JOIN donor d ON d.id = i.donor_id"
                        + " WHERE t.fund_id = ? AND t.status = 'CERTIFIED' AND t.received_date BETWEEN ? AND ?"
                        + " ORDER BY d.name, t.id, g.seq")
                .setParameter(1, fundId).setParameter(2, from).setParameter(3, to).getResultList();
        Map<String, Giver> byGiver = new LinkedHashMap<>();
        Map<String, int[]> channelCounts = new LinkedHashMap<>();
        for (Object[] r : gifts) {
            String channel = (String) r[1];
            BigDecimal amount = usd(r[6]);
            totals[2] = totals[2].add(amount);
            int[] counts = channelCounts.computeIfAbsent(channel, c -> new int[2]);
            counts[0]++;
            if (bool(r[3]) || !bool(r[4])) {
                // Each anonymous gift counts as one giver: nothing about them may link two gifts to one person.
                counts[1]++;
                notNamed[0]++;
                notNamedUsd[0] = notNamedUsd[0].add(amount);
            } else {
                String name = (String) r[2];
                byGiver.merge(channel + "\u0000" + name + "\u0000" + r[5],
                        new Giver(name, (String) r[5], channel, ZERO, ZERO, amount),
                        (a, b) -> new Giver(a.name(), a.group(), a.channel(), ZERO, ZERO,
                                a.throughChannelUsd().add(b.throughChannelUsd())));
            }
        }
        named.addAll(byGiver.values());
        named.sort(Comparator.comparing((Giver g) -> g.name().toLowerCase(Locale.ROOT)).thenComparing(
                g -> g.channel() == null ? "" : g.channel()));

        @SuppressWarnings("unchecked")
        List<Object[]> transfers = em.createNativeQuery("SELECT d.name, SUM(t.usd_gross), SUM(t.usd_fees), SUM(t.usd_net)"
                        + " FROM intermediary_transfer t JOIN intermediary i ON i.id = t.intermediary_id"
                        + " JOIN donor d ON d.id = i.donor_id"
                        + " WHERE t.fund_id = ? AND t.status = 'CERTIFIED' AND t.received_date BETWEEN ? AND ?"
                        + " GROUP BY d.name ORDER BY d.name")
                .setParameter(1, fundId).setParameter(2, from).setParameter(3, to).getResultList();
        List<Channel> channels = new ArrayList<>();
        for (Object[] r : transfers) {
            int[] counts = channelCounts.getOrDefault((String) r[0], new int[2]);
            channels.add(new Channel((String) r[0], counts[0], counts[1], usd(r[1]), usd(r[2]), usd(r[3])));
        }
        return new Givers(fundId, (String) fund.get(0)[0], year, List.copyOf(named), notNamed[0], notNamedUsd[0],
                List.copyOf(channels), totals[0], totals[1], totals[2]);
    }

    /** The list as an xlsx workbook in the reader's language (text cells are never formulas, whatever a name says). */
    public void export(long fundId, int year, Locale locale, OutputStream out) throws IOException {
        Givers givers = of(fundId, year);
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, locale, GiversList.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try (XlsxWriter xlsx = XlsxWriter.create()) {
            String title = java.text.MessageFormat.format(texts.getString("givers.title"), givers.fundCode(),
                    String.valueOf(year));
            xlsx.properties(title, title, "Trustfund", texts.getString("givers.keywords"));
            SheetWriter sheet = xlsx.sheet(texts.getString("givers.sheet"));
            sheet.title(title);
            sheet.line(texts.getString("givers.rule"));
            sheet.blankRow();
            sheet.header(texts.getString("givers.column.giver"), texts.getString("givers.column.group"),
                    texts.getString("givers.column.channel"), texts.getString("givers.column.cash"),
                    texts.getString("givers.column.inKind"), texts.getString("givers.column.through"),
                    texts.getString("givers.column.total"));
            for (Giver g : givers.named()) {
                sheet.row().text(g.name()).text(label(texts, g.group())).text(g.channel() == null
                        ? texts.getString("givers.direct") : g.channel()).usd(g.cashUsd()).usd(g.inKindUsd())
                        .usd(g.throughChannelUsd()).usd(g.totalUsd());
            }
            sheet.row().text(java.text.MessageFormat.format(texts.getString("givers.notNamed"), givers.notNamedCount()))
                    .skipTo(6).usd(givers.notNamedUsd());
            sheet.blankRow();
            sheet.header(texts.getString("givers.column.channel"), texts.getString("givers.column.givers"),
                    texts.getString("givers.column.notNamed"), texts.getString("givers.column.gross"),
                    texts.getString("givers.column.fees"), texts.getString("givers.column.net"));
            for (Channel c : givers.channels()) {
                sheet.row().text(c.name()).integer(c.givers()).integer(c.notNamed()).usd(c.grossUsd()).usd(c.feesUsd())
                        .usd(c.netUsd());
            }
            xlsx.write(out);
        }
    }

    private static String label(ResourceBundle texts, String group) {
        String key = "givers.group." + group;
        return texts.containsKey(key) ? texts.getString(key) : group;
    }

    private static BigDecimal usd(Object v) {
        return v == null ? ZERO : new BigDecimal(v.toString()).setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    private static boolean bool(Object v) {
        return v instanceof Boolean b ? b : v instanceof Number n && n.intValue() != 0;
    }

    private static LocalDate toDate(Object v) {
        return v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
    }
}
