package org.trustfund.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.trustfund.ledger.Account;
import org.trustfund.money.CurrencyUnits;
import org.trustfund.money.Money;
import org.trustfund.pledge.ReceivableRevaluation.Restatement;
import org.trustfund.reference.ExchangeRate;
import org.trustfund.spreadsheet.RowWriter;
import org.trustfund.spreadsheet.SheetWriter;
import org.trustfund.spreadsheet.XlsxWriter;

/**
 * Sheet 5: pledges and receivables at 31 December, per pledge and instalment: pledged, agreed, received, written off,
 * outstanding and overdue in the pledge's currency, and what is outstanding and overdue in US dollars at the year-end
 * rate. Everything as it stood at the year end (later payments, revisions and write-offs left out). Read and written a
 * chunk of pledges at a time, so a fund with many pledges does not sit in memory.
 */
@ApplicationScoped
public class PledgeSection implements AnnualReportSection {

    static final String OUTSTANDING = "pledges.outstandingUsd";
    static final int CHUNK = 500;
    private static final int COLUMNS = 15;

    @Override
    public int order() {
        return 50;
    }

    @Override
    public String sheetName(Locale locale) {
        return ReportContext.texts(locale).getString("sheet.pledges");
    }

    /** A pledge as it stood at the year end. */
    public record PledgeRow(long id, String donor, String currency, LocalDate pledgedOn, LocalDate agreementDate,
            boolean conditionsPending, boolean writtenOff, BigDecimal pledged, BigDecimal agreed, BigDecimal writtenOffAmount,
            BigDecimal owed, BigDecimal carryingUsd, List<InstalmentRow> instalments) {

        public boolean isAgreed() {
            return agreementDate != null;
        }

        public BigDecimal received() {
            return instalments.stream().map(InstalmentRow::received).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** An instalment at the year end: what was paid on it by contributions certified and not reversed by then. */
    public record InstalmentRow(int seq, LocalDate due, BigDecimal amount, BigDecimal received) {
        public BigDecimal open() {
            return amount.subtract(received).max(BigDecimal.ZERO);
        }
    }

    /**
     * Reads the fund's pledges made by the year end, a chunk at a time in pledge order, and hands each chunk over.
     * The benchmark reads with this alone to time the SQL without the sheet.
     */
    public static void read(ReportContext ctx, java.util.function.Consumer<List<PledgeRow>> chunkConsumer) {
        LocalDate end = ctx.yearEnd();
        long after = 0;
        while (true) {
            @SuppressWarnings("unchecked")
            List<Object[]> pledges = ctx.em().createNativeQuery("SELECT p.id, d.name, d.publicly_named, p.currency,"
                            + " p.pledged_on, p.agreement_date, p.agreement_conditions, p.conditions_met_on, p.written_off_on,"
                            + " COALESCE((SELECT r.amount_before FROM pledge_revision r WHERE r.pledge_id = p.id"
                            + " AND r.revised_at >= ? ORDER BY r.revision LIMIT 1), p.amount),"
                            + " ar.effective_date, ar.units_per_usd"
                            + " FROM pledge p JOIN donor d ON d.id = p.donor_id"
                            + " LEFT JOIN exchange_rate ar ON ar.id = p.agreement_rate_id"
                            + " WHERE p.fund_id = ? AND p.pledged_on <= ? AND p.id > ? ORDER BY p.id LIMIT " + CHUNK)
                    .setParameter(1, end.plusDays(1)).setParameter(2, ctx.fundId()).setParameter(3, end)
                    .setParameter(4, after).getResultList();
            if (pledges.isEmpty()) {
                return;
            }
            List<Long> ids = pledges.stream().map(r -> Sql.integer(r[0])).toList();
            String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
            Map<Long, BigDecimal[]> ledger = new HashMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> lines = ctx.em().createNativeQuery("SELECT l.pledge_id, j.event_type,"
                            + " COALESCE(SUM(l.currency_amount), 0), SUM(l.debit) - SUM(l.credit)"
                            + " FROM journal_line l JOIN journal j ON j.id = l.journal_id"
                            + " WHERE l.pledge_id IN (" + in + ") AND l.account = 'CONTRIBUTIONS_RECEIVABLE'"
                            + " AND j.event_date <= ? GROUP BY l.pledge_id, j.event_type")
                    .setParameter(1, end).getResultList();
            for (Object[] l : lines) {
                // agreed, written off, owed (currency), carrying (USD)
                BigDecimal[] v = ledger.computeIfAbsent(Sql.integer(l[0]), k -> new BigDecimal[] {BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                String event = (String) l[1];
                BigDecimal currencyAmount = Sql.decimal(l[2]);
                if ("AGREEMENT_SIGNED".equals(event) || "PLEDGE_REVISED".equals(event)) {
                    v[0] = v[0].add(currencyAmount);
                } else if ("PLEDGE_WRITTEN_OFF".equals(event)) {
                    v[1] = v[1].subtract(currencyAmount);
                }
                v[2] = v[2].add(currencyAmount);
                v[3] = v[3].add(Sql.decimal(l[3]));
            }
            Map<Long, List<InstalmentRow>> instalments = new HashMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = ctx.em().createNativeQuery("SELECT i.pledge_id, i.seq, i.due_date, i.amount,"
                            + " (SELECT COALESCE(SUM(a.amount), 0) FROM contribution_application a"
                            + " JOIN contribution c ON c.id = a.contribution_id WHERE a.instalment_id = i.id"
                            + " AND c.status IN ('CERTIFIED', 'REVERSED') AND COALESCE(DATE(a.applied_at), c.received_date) <= ?"
                            + " AND NOT (c.status = 'REVERSED' AND DATE(c.reversed_at) <= ?))"
                            + " FROM instalment i WHERE i.pledge_id IN (" + in + ") ORDER BY i.pledge_id, i.seq")
                    .setParameter(1, end).setParameter(2, end).getResultList();
            for (Object[] r : rows) {
                instalments.computeIfAbsent(Sql.integer(r[0]), k -> new ArrayList<>()).add(new InstalmentRow(
                        (int) Sql.integer(r[1]), Sql.date(r[2]), Sql.decimal(r[3]), Sql.decimal(r[4])));
            }
            List<PledgeRow> chunk = new ArrayList<>();
            for (Object[] p : pledges) {
                long id = Sql.integer(p[0]);
                LocalDate agreed = Sql.date(p[5]);
                LocalDate conditionsMet = Sql.date(p[7]);
                LocalDate writtenOff = Sql.date(p[8]);
                boolean signed = agreed != null && !agreed.isAfter(end);
                if (signed && p[10] != null) {
                    ctx.rateUsed((String) p[3], Sql.date(p[10]), Sql.decimal(p[11]), "rates.use.agreements");
                }
                BigDecimal[] v = ledger.getOrDefault(id, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.ZERO});
                String donor = Sql.bool(p[2]) ? (String) p[1] : ctx.text("donor.anonymous");
                chunk.add(new PledgeRow(id, donor, (String) p[3], Sql.date(p[4]), signed ? agreed : null,
                        signed && p[6] != null && (conditionsMet == null || conditionsMet.isAfter(end)),
                        writtenOff != null && !writtenOff.isAfter(end), Sql.decimal(p[9]), v[0], v[1], v[2],
                        v[3].setScale(2), instalments.getOrDefault(id, List.of())));
            }
            chunkConsumer.accept(chunk);
            after = ids.get(ids.size() - 1);
        }
    }

    @Override
    public void write(ReportContext ctx, XlsxWriter xlsx) {
        SheetWriter sheet = xlsx.sheet(sheetName(ctx.locale()));
        ctx.heading(sheet, "pledges.title");
        sheet.header(ctx.text("column.donor"), ctx.text("column.pledge"), ctx.text("column.instalment"),
                ctx.text("column.due"), ctx.text("column.currency"), ctx.text("column.pledged"), ctx.text("column.agreed"),
                ctx.text("column.received"), ctx.text("column.writtenOff"), ctx.text("column.outstanding"),
                ctx.text("column.overdue"), ctx.text("column.statusAtYearEnd"), ctx.text("column.yearEndRate"),
                ctx.text("column.outstandingUsd"), ctx.text("column.overdueUsd"));
        int first = sheet.nextRow();
        BigDecimal[] totals = {BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)};
        read(ctx, chunk -> {
            for (PledgeRow p : chunk) {
                BigDecimal[] usd = writePledge(ctx, sheet, p);
                totals[0] = totals[0].add(usd[0]);
                totals[1] = totals[1].add(usd[1]);
            }
        });
        int last = sheet.nextRow() - 1;
        RowWriter total = sheet.row().bold(ctx.text("column.total")).skipTo(COLUMNS - 2);
        if (last < first) {
            total.formulaTotal("0", totals[0]).formulaTotal("0", totals[1]);
        } else {
            total.formulaTotal("SUM(" + SheetWriter.cellRef(first, COLUMNS - 2) + ":" + SheetWriter.cellRef(last, COLUMNS - 2)
                    + ")", totals[0]);
            total.formulaTotal("SUM(" + SheetWriter.cellRef(first, COLUMNS - 1) + ":" + SheetWriter.cellRef(last, COLUMNS - 1)
                    + ")", totals[1]);
        }
        ctx.total(OUTSTANDING, sheet, total.rowIndex(), COLUMNS - 2, totals[0]);
    }

    /** The pledge's row and its instalments' rows; returns its outstanding and overdue US dollars. */
    private static BigDecimal[] writePledge(ReportContext ctx, SheetWriter sheet, PledgeRow p) {
        int units = CurrencyUnits.of(p.currency());
        boolean usdPledge = "USD".equals(p.currency());
        BigDecimal received = p.received();
        BigDecimal outstanding = p.isAgreed() ? p.owed() : p.pledged().subtract(received).max(BigDecimal.ZERO);
        BigDecimal overdue = BigDecimal.ZERO;
        if (p.isAgreed() && !p.writtenOff()) {
            for (InstalmentRow i : p.instalments()) {
                if (!i.due().isAfter(ctx.yearEnd())) {
                    overdue = overdue.add(i.open());
                }
            }
            overdue = overdue.min(p.owed().max(BigDecimal.ZERO));
        }
        Optional<ExchangeRate> rate = usdPledge ? Optional.empty() : ctx.yearEndRate(p.currency());
        BigDecimal outstandingUsd = null;
        BigDecimal overdueUsd = null;
        if (p.isAgreed()) {
            // The ledger's carrying amount, restated at the year-end rate: posted by the closing of a closed year, the
            // preview's restatement of an open one.
            Restatement restated = ctx.preview().get(p.id());
            outstandingUsd = restated == null ? p.carryingUsd() : restated.restated().amount();
            overdueUsd = usdPledge ? overdue.setScale(2) : rate.map(r -> r.toUsd(Money.rounded(overdue(p, ctx),
                    Money.currency(p.currency()), java.math.RoundingMode.HALF_UP)).amount()).orElse(null);
        }
        String status = ctx.text(p.writtenOff() ? "pledgeStatus.writtenOff" : !p.isAgreed() ? "pledgeStatus.pledged"
                : p.conditionsPending() ? "pledgeStatus.conditional" : p.owed().signum() <= 0 ? "pledgeStatus.paid"
                : "pledgeStatus.agreed");
        RowWriter row = sheet.row().text(p.donor()).integer(p.id()).blank().blank().text(p.currency())
                .amount(p.pledged(), units).amount(p.agreed(), units).amount(received, units)
                .amount(p.writtenOffAmount(), units).amount(outstanding, units).amount(p.isAgreed() ? overdue : null, units)
                .text(status);
        if (rate.isPresent()) {
            row.rate(rate.get().getUnitsPerUsd());
        } else {
            row.blank();
        }
        row.usd(outstandingUsd).usd(overdueUsd);
        for (InstalmentRow i : p.instalments()) {
            boolean isOverdue = p.isAgreed() && !p.writtenOff() && !i.due().isAfter(ctx.yearEnd()) && i.open().signum() > 0;
            sheet.row().blank().integer(p.id()).integer(i.seq()).date(i.due()).text(p.currency()).amount(i.amount(), units)
                    .blank().amount(i.received(), units).blank().amount(i.open(), units)
                    .amount(isOverdue ? i.open() : null, units);
        }
        return new BigDecimal[] {outstandingUsd == null ? BigDecimal.ZERO : outstandingUsd,
                overdueUsd == null ? BigDecimal.ZERO : overdueUsd};
    }

    private static BigDecimal overdue(PledgeRow p, ReportContext ctx) {
        BigDecimal overdue = BigDecimal.ZERO;
        for (InstalmentRow i : p.instalments()) {
            if (!i.due().isAfter(ctx.yearEnd())) {
                overdue = overdue.add(i.open());
            }
        }
        return overdue.min(p.owed().max(BigDecimal.ZERO));
    }

    @Override
    public List<ReconciliationRow> reconciliation(ReportContext ctx) {
        List<ReconciliationRow> rows = new ArrayList<>();
        ctx.total(OUTSTANDING).ifPresent(cell -> rows.add(new ReconciliationRow(ctx.text("reconciliation.receivables"),
                cell, ctx.ledgerSums().debitLessCredit(List.of(Account.CONTRIBUTIONS_RECEIVABLE), LedgerSums.Period.TO_YEAR_END),
                ctx.previewTotal())));
        return rows;
    }
}
