package org.trustfund.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trustfund.ledger.Account;
import org.trustfund.money.CurrencyUnits;
import org.trustfund.spreadsheet.RowWriter;
import org.trustfund.spreadsheet.SheetWriter;
import org.trustfund.spreadsheet.XlsxWriter;

/**
 * Sheet 6: the contributions received in the year, each certified one with its date, donor, amount and currency, the
 * rate and its date and the US dollars; a reversal made in the year is its own negative row, marked as such, dated when
 * it took effect (as the ledger dates it). Streamed a chunk at a time.
 */
@ApplicationScoped
public class ContributionSection implements AnnualReportSection {

    static final String TOTAL = "contributions.total";
    static final int CHUNK = 2000;

    @Override
    public int order() {
        return 60;
    }

    @Override
    public String sheetName(Locale locale) {
        return ReportContext.texts(locale).getString("sheet.contributions");
    }

    /** One row: a receipt, or (reversal) the undoing of an earlier one. */
    public record ContributionRow(long id, LocalDate date, String donor, String bankReference, String currency,
            BigDecimal amount, BigDecimal unitsPerUsd, LocalDate rateDate, BigDecimal usd, boolean reversal,
            LocalDate receivedDate) {
    }

    /**
     * Reads the year's receipts (certified, and those reversed since: they were certified), then its reversals, a
     * chunk at a time in date order.
     */
    public static void read(ReportContext ctx, java.util.function.Consumer<List<ContributionRow>> chunkConsumer) {
        for (boolean reversals : new boolean[] {false, true}) {
            String date = reversals ? "DATE(c.reversed_at)" : "c.received_date";
            String where = reversals ? "c.status = 'REVERSED' AND DATE(c.reversed_at) BETWEEN ? AND ?"
                    : "c.status IN ('CERTIFIED', 'REVERSED') AND c.received_date BETWEEN ? AND ?";
            LocalDate afterDate = LocalDate.of(1900, 1, 1);
            long afterId = 0;
            while (true) {
                // Keyset paging on (date, id): each chunk starts where the last ended, whatever the table's size.
                @SuppressWarnings("unchecked")
                List<Object[]> rows = ctx.em().createNativeQuery("SELECT c.id, " + date + ", d.name, d.publicly_named,"
                                + " c.bank_reference, c.currency, c.amount, c.units_per_usd, r.effective_date, c.usd_amount,"
                                + " c.received_date FROM contribution c JOIN donor d ON d.id = c.donor_id"
                                + " LEFT JOIN exchange_rate r ON r.id = c.rate_id WHERE c.fund_id = ? AND " + where
                                + " AND (" + date + " > ? OR (" + date + " = ? AND c.id > ?))"
                                + " ORDER BY " + date + ", c.id LIMIT " + CHUNK)
                        .setParameter(1, ctx.fundId()).setParameter(2, ctx.yearStart()).setParameter(3, ctx.yearEnd())
                        .setParameter(4, afterDate).setParameter(5, afterDate).setParameter(6, afterId).getResultList();
                if (rows.isEmpty()) {
                    break;
                }
                List<ContributionRow> chunk = new ArrayList<>(rows.size());
                for (Object[] r : rows) {
                    BigDecimal amount = Sql.decimal(r[6]);
                    BigDecimal usd = Sql.decimal(r[9]).setScale(2);
                    chunk.add(new ContributionRow(Sql.integer(r[0]), Sql.date(r[1]),
                            Sql.bool(r[3]) ? (String) r[2] : ctx.text("donor.anonymous"), (String) r[4], (String) r[5],
                            reversals ? amount.negate() : amount, Sql.decimal(r[7]), Sql.date(r[8]),
                            reversals ? usd.negate() : usd, reversals, Sql.date(r[10])));
                }
                chunkConsumer.accept(chunk);
                ContributionRow last = chunk.get(chunk.size() - 1);
                afterDate = last.date();
                afterId = last.id();
            }
        }
    }

    @Override
    public void write(ReportContext ctx, XlsxWriter xlsx) {
        SheetWriter sheet = xlsx.sheet(sheetName(ctx.locale()));
        ctx.heading(sheet, "contributions.title");
        sheet.header(ctx.text("column.date"), ctx.text("column.contribution"), ctx.text("column.donor"),
                ctx.text("column.bankReference"), ctx.text("column.currency"), ctx.text("column.amount"),
                ctx.text("column.rate"), ctx.text("column.rateDate"), ctx.text("column.usd"), ctx.text("column.kind"));
        int first = sheet.nextRow();
        BigDecimal[] total = {BigDecimal.ZERO.setScale(2)};
        read(ctx, chunk -> {
            for (ContributionRow c : chunk) {
                total[0] = total[0].add(c.usd());
                if (c.rateDate() != null) {
                    ctx.rateUsed(c.currency(), c.rateDate(), c.unitsPerUsd(), "rates.use.contributions");
                }
                sheet.row().date(c.date()).integer(c.id()).text(c.donor()).text(c.bankReference()).text(c.currency())
                        .amount(c.amount(), CurrencyUnits.of(c.currency())).rate(c.unitsPerUsd()).date(c.rateDate())
                        .usd(c.usd()).text(c.reversal() ? ctx.text("contributions.reversal", c.receivedDate().toString())
                                : ctx.text("contributions.receipt"));
            }
        });
        int last = sheet.nextRow() - 1;
        RowWriter row = sheet.row().bold(ctx.text("column.total")).skipTo(8);
        row.formulaTotal(last < first ? "0" : "SUM(" + SheetWriter.cellRef(first, 8) + ":" + SheetWriter.cellRef(last, 8) + ")",
                total[0]);
        ctx.total(TOTAL, sheet, row.rowIndex(), 8, total[0]);
    }

    @Override
    public List<ReconciliationRow> reconciliation(ReportContext ctx) {
        List<ReconciliationRow> rows = new ArrayList<>();
        ctx.total(TOTAL).ifPresent(cell -> rows.add(new ReconciliationRow(ctx.text("reconciliation.contributions"), cell,
                // Transfers from intermediaries also bring cash: they are reconciled on their own sheet; what travel,
                // expenditure and PSC pay out is on theirs.
                ctx.ledgerSums().debitLessCreditExcept(Account.CASH, LedgerSums.Period.YEAR, java.util.stream.Stream
                        .concat(LedgerSums.SPENDING.stream(), java.util.stream.Stream.of(
                                org.trustfund.intermediary.IntermediaryTransfer.SOURCE_TYPE)).toList()),
                BigDecimal.ZERO)));
        return rows;
    }
}
