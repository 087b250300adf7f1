package org.trustfund.portal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trustfund.platform.AccessDeniedException;
import org.trustfund.security.Caller;
import org.trustfund.security.CallerAccess;
import org.trustfund.security.Roles;

/**
 * A donor's support year by year, in US dollars at the rates the fund used: cash contributions and gifts in kind
 * certified (a reversed one no longer counts), and the gifts credited to the donor through an intermediary (a soft
 * credit: the intermediary's transfer is the fund's income, so these are shown apart and never added to the given).
 */
@Stateless
@RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
public class DonorAccount {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /** One year: cash and in kind given, and what was credited through intermediaries. */
    public record Year(int year, BigDecimal cashUsd, BigDecimal inKindUsd, BigDecimal creditedUsd)
            implements Serializable {

        public BigDecimal givenUsd() {
            return cashUsd.add(inKindUsd);
        }
    }

    /** A gift passed on by an intermediary and credited to this donor. */
    public record CreditedGift(LocalDate received, String intermediary, String giverName, BigDecimal usd)
            implements Serializable {
    }

    /** The years with any support, oldest first, and the gifts credited through intermediaries, newest first. */
    public record Summary(long donorId, List<Year> years, List<CreditedGift> credited) implements Serializable {

        public BigDecimal givenUsd() {
            return years.stream().map(Year::givenUsd).reduce(ZERO, BigDecimal::add);
        }
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CallerAccess access;

    @jakarta.ejb.EJB
    private org.trustfund.pledge.PledgeService pledges;

    @Inject
    private org.trustfund.audit.AuditLog audit;

    public DonorAccount() {
    }

    /** For tests outside the container. */
    public DonorAccount(EntityManager em, Caller caller) {
        this.em = em;
        this.access = new CallerAccess(em, caller);
        this.pledges = new org.trustfund.pledge.PledgeService(em, caller);
        this.audit = new org.trustfund.audit.AuditLog(new org.trustfund.audit.AuditRepository(em), caller);
    }

    private static final String BUNDLE = "org.trustfund.portal.statement";

    /** One certified receipt of the period as the statement lists it. */
    private record StatementLine(LocalDate day, String kind, String fund, String reference, String currency,
            BigDecimal amount, BigDecimal rate, BigDecimal usd) {
    }

    /** What a statement shows, read once for either format. */
    private record StatementData(String donorName, List<StatementLine> lines, BigDecimal total,
            List<CreditedGift> credited, List<org.trustfund.pledge.PledgeSummary> pledges) {
    }

    private StatementData statementData(long donorId, LocalDate from, LocalDate to) {
        access.requireDonorAccess(donorId);
        org.trustfund.platform.Period.requireOrdered(from, to);
        if (from == null || to == null) {
            throw new org.trustfund.platform.BusinessException(from == null ? "from" : "to", "statement.period.required");
        }
        String donorName = (String) em.createNativeQuery("SELECT name FROM donor WHERE id = ?").setParameter(1, donorId)
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT x.day, x.kind, f.code, x.ref, x.currency, x.amount, x.rate,"
                        + " x.usd FROM (SELECT c.received_date AS day, 'CASH' AS kind, c.fund_id AS fund_id,"
                        + " c.bank_reference AS ref, c.currency AS currency, c.amount AS amount,"
                        + " c.units_per_usd AS rate, c.usd_amount AS usd, c.id AS id FROM contribution c"
                        + " WHERE c.donor_id = ? AND c.status = 'CERTIFIED' AND c.received_date BETWEEN ? AND ?"
                        + " UNION ALL SELECT g.start_date, 'IN_KIND', g.fund_id, g.description, g.currency, g.amount,"
                        + " g.units_per_usd, g.usd_amount, g.id FROM in_kind_contribution g"
                        + " WHERE g.donor_id = ? AND g.status = 'CERTIFIED' AND g.start_date BETWEEN ? AND ?) x"
                        + " JOIN fund f ON f.id = x.fund_id ORDER BY x.day, x.kind, x.id")
                .setParameter(1, donorId).setParameter(2, from).setParameter(3, to)
                .setParameter(4, donorId).setParameter(5, from).setParameter(6, to).getResultList();
        List<StatementLine> lines = new java.util.ArrayList<>();
        BigDecimal total = ZERO;
        for (Object[] r : rows) {
            LocalDate day = r[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[0];
            BigDecimal usd = usd(r[7]);
            total = total.add(usd);
            lines.add(new StatementLine(day, (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    new BigDecimal(r[5].toString()), new BigDecimal(r[6].toString()), usd));
        }
        List<CreditedGift> credited = of(donorId).credited().stream()
                .filter(g -> !g.received().isBefore(from) && !g.received().isAfter(to)).toList();
        return new StatementData(donorName, lines, total, credited, pledges.summariesForDonor(donorId));
    }

    private static java.util.ResourceBundle statementTexts(java.util.Locale locale) {
        return java.util.ResourceBundle.getBundle(BUNDLE, locale, DonorAccount.class.getClassLoader(),
                java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /**
     * The donor's statement of account for a period, as an xlsx: every contribution and gift in kind certified with a
     * date in the period (in its currency, at its rate, in USD; the total a live formula), the gifts credited to the
     * donor through intermediaries in the period (apart, in no total), and the donor's pledges with what is paid and
     * outstanding today. Text cells are text, whatever a reference says.
     */
    public void statement(long donorId, LocalDate from, LocalDate to, java.util.Locale locale, java.io.OutputStream out)
            throws java.io.IOException {
        StatementData data = statementData(donorId, from, to);
        java.util.ResourceBundle texts = statementTexts(locale);
        try (org.trustfund.spreadsheet.XlsxWriter xlsx = org.trustfund.spreadsheet.XlsxWriter.create()) {
            String title = java.text.MessageFormat.format(texts.getString("statement.title"), data.donorName(), from, to);
            xlsx.properties(title, title, "Trustfund", texts.getString("statement.keywords"));
            org.trustfund.spreadsheet.SheetWriter sheet = xlsx.sheet(texts.getString("statement.sheet"));
            sheet.title(title);
            sheet.line(texts.getString("statement.rule"));
            sheet.blankRow();
            sheet.header(texts.getString("statement.column.date"), texts.getString("statement.column.kind"),
                    texts.getString("statement.column.fund"), texts.getString("statement.column.reference"),
                    texts.getString("statement.column.currency"), texts.getString("statement.column.amount"),
                    texts.getString("statement.column.rate"), texts.getString("statement.column.usd"));
            int first = sheet.nextRow();
            for (StatementLine l : data.lines()) {
                sheet.row().date(l.day()).text(texts.getString("statement.kind." + l.kind())).text(l.fund())
                        .text(l.reference()).text(l.currency()).amount(l.amount(),
                                org.trustfund.money.CurrencyUnits.of(l.currency()))
                        .rate(l.rate()).usd(l.usd());
            }
            int last = sheet.nextRow() - 1;
            sheet.row().bold(texts.getString("statement.total")).skipTo(7).formulaTotal(last < first ? "0"
                    : "SUM(" + org.trustfund.spreadsheet.SheetWriter.cellRef(first, 7) + ":"
                    + org.trustfund.spreadsheet.SheetWriter.cellRef(last, 7) + ")", data.total());

            sheet.blankRow();
            sheet.row().bold(texts.getString("statement.credited"));
            sheet.header(texts.getString("statement.column.date"), texts.getString("statement.column.through"),
                    texts.getString("statement.column.asGiver"), texts.getString("statement.column.usd"));
            for (CreditedGift g : data.credited()) {
                sheet.row().date(g.received()).text(g.intermediary()).text(g.giverName()).usd(g.usd());
            }

            sheet.blankRow();
            sheet.row().bold(texts.getString("statement.pledges"));
            sheet.header(texts.getString("statement.column.fund"), texts.getString("statement.column.years"),
                    texts.getString("statement.column.currency"), texts.getString("statement.column.amount"),
                    texts.getString("statement.column.paid"), texts.getString("statement.column.outstanding"));
            for (org.trustfund.pledge.PledgeSummary p : data.pledges()) {
                int units = org.trustfund.money.CurrencyUnits.of(p.pledge().getAmount().currencyCode());
                sheet.row().text(p.pledge().getFund().getCode()).text(p.pledge().getFirstYear() + "–"
                                + p.pledge().getLastYear()).text(p.pledge().getAmount().currencyCode())
                        .amount(p.pledge().getAmount().amount(), units).amount(p.paid().amount(), units)
                        .amount(p.outstanding().amount(), units);
            }
            xlsx.write(out);
            downloaded(donorId, from, to, "xlsx", data);
        }
    }

    /**
     * The same statement as a PDF a donor can file: the same lines, total, credited gifts and pledges, amounts written
     * in the reader's language, every text escaped.
     */
    public byte[] statementPdf(long donorId, LocalDate from, LocalDate to, java.util.Locale locale) {
        StatementData data = statementData(donorId, from, to);
        java.util.ResourceBundle t = statementTexts(locale);
        java.util.function.Function<String, String> esc = org.trustfund.acknowledgement.AcknowledgementLetter::esc;
        String title = java.text.MessageFormat.format(t.getString("statement.title"), data.donorName(), from, to);
        StringBuilder h = new StringBuilder(8192);
        h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(esc.apply(locale.getLanguage())).append("\"><head><title>").append(esc.apply(title))
                .append("</title><style>@page { size: A4 landscape; margin: 18mm 15mm; }")
                .append("body { font-family: ").append(org.trustfund.acknowledgement.AcknowledgementLetter.FONT_FAMILY)
                .append("; font-size: 9pt; color: #111; }")
                .append("h1 { font-size: 13pt; } h2 { font-size: 11pt; margin-top: 8mm; }")
                .append("table { border-collapse: collapse; width: 100%; -fs-table-paginate: paginate; }")
                .append("th { text-align: left; border-bottom: 1pt solid #444; padding: 2pt 4pt; }")
                .append("td { padding: 2pt 4pt; border-bottom: 0.5pt solid #ccc; } .n { text-align: right; }")
                .append("tr.total td { font-weight: bold; border-top: 1pt solid #444; } .rule { color: #444; }")
                .append("</style></head><body>");
        h.append("<h1>").append(esc.apply(title)).append("</h1><p class=\"rule\">").append(esc.apply(
                t.getString("statement.rule"))).append("</p>");
        h.append("<table><thead><tr>");
        for (String c : new String[] {"date", "kind", "fund", "reference", "currency"}) {
            h.append("<th>").append(esc.apply(t.getString("statement.column." + c))).append("</th>");
        }
        for (String c : new String[] {"amount", "rate", "usd"}) {
            h.append("<th class=\"n\">").append(esc.apply(t.getString("statement.column." + c))).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (StatementLine l : data.lines()) {
            h.append("<tr><td>").append(l.day()).append("</td><td>")
                    .append(esc.apply(t.getString("statement.kind." + l.kind()))).append("</td><td>")
                    .append(esc.apply(l.fund())).append("</td><td>").append(esc.apply(l.reference())).append("</td><td>")
                    .append(esc.apply(l.currency())).append("</td><td class=\"n\">")
                    .append(number(l.amount(), org.trustfund.money.CurrencyUnits.of(l.currency()), locale))
                    .append("</td><td class=\"n\">").append(number(l.rate(), 6, locale)).append("</td><td class=\"n\">")
                    .append(number(l.usd(), 2, locale)).append("</td></tr>");
        }
        h.append("<tr class=\"total\"><td colspan=\"7\">").append(esc.apply(t.getString("statement.total")))
                .append("</td><td class=\"n\">").append(number(data.total(), 2, locale)).append("</td></tr>");
        h.append("</tbody></table>");
        h.append("<h2>").append(esc.apply(t.getString("statement.credited"))).append("</h2><table><thead><tr><th>")
                .append(esc.apply(t.getString("statement.column.date"))).append("</th><th>")
                .append(esc.apply(t.getString("statement.column.through"))).append("</th><th>")
                .append(esc.apply(t.getString("statement.column.asGiver"))).append("</th><th class=\"n\">")
                .append(esc.apply(t.getString("statement.column.usd"))).append("</th></tr></thead><tbody>");
        for (CreditedGift g : data.credited()) {
            h.append("<tr><td>").append(g.received()).append("</td><td>").append(esc.apply(g.intermediary()))
                    .append("</td><td>").append(esc.apply(g.giverName())).append("</td><td class=\"n\">")
                    .append(number(g.usd(), 2, locale)).append("</td></tr>");
        }
        h.append("</tbody></table>");
        h.append("<h2>").append(esc.apply(t.getString("statement.pledges"))).append("</h2><table><thead><tr>");
        for (String c : new String[] {"fund", "years", "currency"}) {
            h.append("<th>").append(esc.apply(t.getString("statement.column." + c))).append("</th>");
        }
        for (String c : new String[] {"amount", "paid", "outstanding"}) {
            h.append("<th class=\"n\">").append(esc.apply(t.getString("statement.column." + c))).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (org.trustfund.pledge.PledgeSummary p : data.pledges()) {
            int units = org.trustfund.money.CurrencyUnits.of(p.pledge().getAmount().currencyCode());
            h.append("<tr><td>").append(esc.apply(p.pledge().getFund().getCode())).append("</td><td>")
                    .append(p.pledge().getFirstYear()).append("–").append(p.pledge().getLastYear()).append("</td><td>")
                    .append(esc.apply(p.pledge().getAmount().currencyCode())).append("</td><td class=\"n\">")
                    .append(number(p.pledge().getAmount().amount(), units, locale)).append("</td><td class=\"n\">")
                    .append(number(p.paid().amount(), units, locale)).append("</td><td class=\"n\">")
                    .append(number(p.outstanding().amount(), units, locale)).append("</td></tr>");
        }
        h.append("</tbody></table></body></html>");
        byte[] pdf = org.trustfund.acknowledgement.AcknowledgementLetter.render(h.toString());
        downloaded(donorId, from, to, "pdf", data);
        return pdf;
    }

    /** On the donor's audit trail, as a letter's download is on the letter's: who took which period's statement. */
    private void downloaded(long donorId, LocalDate from, LocalDate to, String format, StatementData data) {
        audit.record(org.trustfund.audit.AuditAction.DOWNLOADED, org.trustfund.donor.DonorService.ENTITY, donorId,
                org.trustfund.platform.Changes.of().value("statement", from + ".." + to).value("format", format)
                        .value("lines", data.lines().size()).value("totalUsd", data.total().toPlainString())
                        .toString());
    }

    /** A figure with exactly {@code decimals} places, grouped as the reader's language groups them. */
    private static String number(BigDecimal value, int decimals, java.util.Locale locale) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        f.setRoundingMode(java.math.RoundingMode.HALF_EVEN);
        return org.trustfund.acknowledgement.AcknowledgementLetter.esc(f.format(value));
    }

    /** The donor a donor user is linked to; refused for an account linked to none. */
    @RolesAllowed(Roles.DONOR)
    public long ownDonorId() {
        return access.linkedDonor().orElseThrow(AccessDeniedException::new);
    }

    /** One of the donors a donor user is linked to ({@code asked}; null: the first); any other is refused. */
    @RolesAllowed(Roles.DONOR)
    public long ownDonorId(Long asked) {
        return access.linkedDonor(asked);
    }

    public Summary of(long donorId) {
        access.requireDonorAccess(donorId);
        Map<Integer, BigDecimal[]> byYear = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> given = em.createNativeQuery("SELECT YEAR(x.day), SUM(x.cash), SUM(x.kind) FROM ("
                        + " SELECT c.received_date AS day, c.usd_amount AS cash, 0 AS kind FROM contribution c"
                        + "  WHERE c.donor_id = ? AND c.status = 'CERTIFIED'"
                        + " UNION ALL SELECT g.start_date, 0, g.usd_amount FROM in_kind_contribution g"
                        + "  WHERE g.donor_id = ? AND g.status = 'CERTIFIED') x GROUP BY YEAR(x.day)")
                .setParameter(1, donorId).setParameter(2, donorId).getResultList();
        for (Object[] r : given) {
            BigDecimal[] v = byYear.computeIfAbsent(((Number) r[0]).intValue(), y -> new BigDecimal[] {ZERO, ZERO, ZERO});
            v[0] = v[0].add(usd(r[1]));
            v[1] = v[1].add(usd(r[2]));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> gifts = em.createNativeQuery("SELECT t.received_date, d.name, g.giver_name, g.usd_amount"
                        + " FROM transfer_gift g JOIN intermediary_transfer t ON t.id = g.transfer_id"
                        + " JOIN intermediary i ON i.id = t.intermediary_id JOIN donor d ON d.id = i.donor_id"
                        + " WHERE g.giver_donor_id = ? AND t.status = 'CERTIFIED'"
                        + " ORDER BY t.received_date DESC, g.id DESC")
                .setParameter(1, donorId).getResultList();
        List<CreditedGift> credited = new ArrayList<>();
        for (Object[] r : gifts) {
            LocalDate day = r[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[0];
            credited.add(new CreditedGift(day, (String) r[1], (String) r[2], usd(r[3])));
            BigDecimal[] v = byYear.computeIfAbsent(day.getYear(), y -> new BigDecimal[] {ZERO, ZERO, ZERO});
            v[2] = v[2].add(usd(r[3]));
        }
        List<Year> years = new ArrayList<>();
        byYear.forEach((y, v) -> years.add(new Year(y, v[0], v[1], v[2])));
        return new Summary(donorId, List.copyOf(years), List.copyOf(credited));
    }

    private static BigDecimal usd(Object v) {
        return v == null ? ZERO : new BigDecimal(v.toString()).setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
