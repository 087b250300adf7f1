package org.trustfund.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trustfund.ledger.Account;
import org.trustfund.money.CurrencyUnits;
import org.trustfund.spreadsheet.RowWriter;
import org.trustfund.spreadsheet.SheetWriter;
import org.trustfund.spreadsheet.XlsxWriter;

/**
 * Sheet "In-kind": the year's in-kind contributions in two tables, goods and premises recognized at fair value (their
 * total ties to in-kind revenue and to the matching expense in the ledger) and services disclosed but never posted,
 * each with its valuation basis; then both by donor. As on the contributions sheet, an entry certified in the year is
 * a row dated when it was made available, and its reversal a negative row dated when the reversal took effect, so a
 * closed year's sheet never changes.
 */
@ApplicationScoped
public class InKindSection implements AnnualReportSection {

    static final String RECOGNIZED = "inKind.recognized";
    static final String DISCLOSED = "inKind.disclosed";
    private static final int USD_COLUMN = 11;

    @Override
    public int order() {
        return 62;
    }

    @Override
    public String sheetName(Locale locale) {
        return ReportContext.texts(locale).getString("sheet.inKind");
    }

    /** One row: an entry, or (reversal) the undoing of an earlier one. */
    public record InKindRow(long id, LocalDate date, long donorId, String donor, String event, String description,
            String category, String basis, String currency, BigDecimal amount, BigDecimal unitsPerUsd, LocalDate rateDate,
            BigDecimal usd, boolean reversal, LocalDate startDate) {
    }

    /** The year's rows of one nature (goods or services): entries, then reversals, each in date order. */
    public static List<InKindRow> read(ReportContext ctx, String nature) {
        List<InKindRow> out = new ArrayList<>();
        for (boolean reversals : new boolean[] {false, true}) {
            String date = reversals ? "DATE(g.reversed_at)" : "g.start_date";
            String where = reversals ? "g.status = 'REVERSED' AND DATE(g.reversed_at) BETWEEN ? AND ?"
                    : "g.status IN ('CERTIFIED', 'REVERSED') AND g.start_date BETWEEN ? AND ?";
            @SuppressWarnings("unchecked")
            List<Object[]> rows = ctx.em().createNativeQuery("SELECT g.id, " + date + ", d.id, d.name, d.publicly_named,"
                            + " g.event_name, g.description, g.category, g.valuation_basis, g.currency, g.amount,"
                            + " g.units_per_usd, r.effective_date, g.usd_amount, g.start_date"
                            + " FROM in_kind_contribution g JOIN donor d ON d.id = g.donor_id"
                            + " LEFT JOIN exchange_rate r ON r.id = g.rate_id"
                            + " WHERE g.fund_id = ? AND g.nature = ? AND " + where + " ORDER BY " + date + ", g.id")
                    .setParameter(1, ctx.fundId()).setParameter(2, nature).setParameter(3, ctx.yearStart())
                    .setParameter(4, ctx.yearEnd()).getResultList();
            for (Object[] r : rows) {
                BigDecimal amount = Sql.decimal(r[10]);
                BigDecimal usd = Sql.decimal(r[13]).setScale(2);
                out.add(new InKindRow(Sql.integer(r[0]), Sql.date(r[1]), Sql.integer(r[2]),
                        Sql.bool(r[4]) ? (String) r[3] : ctx.text("donor.anonymous"), (String) r[5], (String) r[6],
                        ctx.text("category." + r[7]), ctx.text("basis." + r[8]), (String) r[9],
                        reversals ? amount.negate() : amount, Sql.decimal(r[11]), Sql.date(r[12]),
                        reversals ? usd.negate() : usd, reversals, Sql.date(r[14])));
            }
        }
        return out;
    }

    @Override
    public void write(ReportContext ctx, XlsxWriter xlsx) {
        SheetWriter sheet = xlsx.sheet(sheetName(ctx.locale()));
        ctx.heading(sheet, "inKind.title");
        List<InKindRow> goods = read(ctx, "GOODS");
        List<InKindRow> services = read(ctx, "SERVICES");
        sheet.row().bold(ctx.text("inKind.recognized"));
        BigDecimal recognized = table(ctx, sheet, goods, "inKind.totalRecognized", RECOGNIZED);
        sheet.blankRow();
        sheet.row().bold(ctx.text("inKind.disclosed"));
        BigDecimal disclosed = table(ctx, sheet, services, "inKind.totalDisclosed", DISCLOSED);
        sheet.blankRow();
        byDonor(ctx, sheet, goods, services, recognized, disclosed);
    }

    /** One table of entries with its total (a formula) registered under {@code totalKey}; returns the total. */
    private static BigDecimal table(ReportContext ctx, SheetWriter sheet, List<InKindRow> rows, String totalLabel,
            String totalKey) {
        sheet.header(ctx.text("column.date"), ctx.text("column.contribution"), ctx.text("column.donor"),
                ctx.text("column.event"), ctx.text("column.description"), ctx.text("column.category"),
                ctx.text("column.basis"), ctx.text("column.currency"), ctx.text("column.amount"), ctx.text("column.rate"),
                ctx.text("column.rateDate"), ctx.text("column.usd"), ctx.text("column.kind"));
        int first = sheet.nextRow();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (InKindRow g : rows) {
            total = total.add(g.usd());
            if (g.rateDate() != null) {
                ctx.rateUsed(g.currency(), g.rateDate(), g.unitsPerUsd(), "rates.use.inKind");
            }
            sheet.row().date(g.date()).integer(g.id()).text(g.donor()).text(g.event()).text(g.description())
                    .text(g.category()).text(g.basis()).text(g.currency())
                    .amount(g.amount(), CurrencyUnits.of(g.currency())).rate(g.unitsPerUsd()).date(g.rateDate())
                    .usd(g.usd()).text(g.reversal() ? ctx.text("inKind.reversal", g.startDate().toString())
                            : ctx.text("inKind.receipt"));
        }
        int last = sheet.nextRow() - 1;
        RowWriter row = sheet.row().bold(ctx.text(totalLabel)).skipTo(USD_COLUMN);
        row.formulaTotal(last < first ? "0" : "SUM(" + SheetWriter.cellRef(first, USD_COLUMN) + ":"
                + SheetWriter.cellRef(last, USD_COLUMN) + ")", total);
        ctx.total(totalKey, sheet, row.rowIndex(), USD_COLUMN, total);
        return total;
    }

    /** Goods and services by donor; the column totals are formulas that equal the two tables' totals. */
    private static void byDonor(ReportContext ctx, SheetWriter sheet, List<InKindRow> goods, List<InKindRow> services,
            BigDecimal recognized, BigDecimal disclosed) {
        sheet.row().bold(ctx.text("inKind.byDonor"));
        sheet.header(ctx.text("column.donor"), ctx.text("column.goodsUsd"), ctx.text("column.servicesUsd"),
                ctx.text("column.total"));
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, BigDecimal[]> sums = new LinkedHashMap<>();
        for (List<InKindRow> rows : List.of(goods, services)) {
            int column = rows == goods ? 0 : 1;
            for (InKindRow g : rows) {
                names.putIfAbsent(g.donorId(), g.donor());
                BigDecimal[] s = sums.computeIfAbsent(g.donorId(), k -> new BigDecimal[] {BigDecimal.ZERO.setScale(2),
                        BigDecimal.ZERO.setScale(2)});
                s[column] = s[column].add(g.usd());
            }
        }
        int first = sheet.nextRow();
        for (Map.Entry<Long, String> donor : names.entrySet()) {
            BigDecimal[] s = sums.get(donor.getKey());
            RowWriter row = sheet.row().text(donor.getValue()).usd(s[0]).usd(s[1]);
            row.formula(SheetWriter.cellRef(row.rowIndex(), 1) + "+" + SheetWriter.cellRef(row.rowIndex(), 2),
                    s[0].add(s[1]));
        }
        int last = sheet.nextRow() - 1;
        RowWriter total = sheet.row().bold(ctx.text("column.total"));
        BigDecimal[] totals = {recognized, disclosed, recognized.add(disclosed)};
        for (int c = 1; c <= 3; c++) {
            total.formulaTotal(last < first ? "0" : "SUM(" + SheetWriter.cellRef(first, c) + ":"
                    + SheetWriter.cellRef(last, c) + ")", totals[c - 1]);
        }
    }

    @Override
    public List<ReconciliationRow> reconciliation(ReportContext ctx) {
        List<ReconciliationRow> rows = new ArrayList<>();
        ctx.total(RECOGNIZED).ifPresent(cell -> {
            rows.add(new ReconciliationRow(ctx.text("reconciliation.inKindRevenue"), cell,
                    ctx.ledgerSums().creditLessDebit(List.of(Account.IN_KIND_REVENUE), LedgerSums.Period.YEAR),
                    BigDecimal.ZERO));
            rows.add(new ReconciliationRow(ctx.text("reconciliation.inKindExpense"), cell,
                    ctx.ledgerSums().debitLessCredit(List.of(Account.IN_KIND_EXPENSE), LedgerSums.Period.YEAR),
                    BigDecimal.ZERO));
        });
        return rows;
    }
}
