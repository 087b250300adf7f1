package org.trustfund.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.trustfund.ledger.Account;
import org.trustfund.spreadsheet.RowWriter;
import org.trustfund.spreadsheet.SheetWriter;
import org.trustfund.spreadsheet.XlsxWriter;

/**
 * Sheet 4: the status of donors' contributions, the table the IGF publishes: donors as rows grouped by stakeholder
 * group with group subtotals, the fund's years from its start to the report's year as columns, the cash received in
 * US dollars from the ledger (receipts less reversals, by journal date); totals are formulas.
 */
@ApplicationScoped
public class DonorStatusSection implements AnnualReportSection {

    static final String TOTAL = "donors.total";
    static final String YEAR_TOTAL = "donors.yearTotal";

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String sheetName(Locale locale) {
        return ReportContext.texts(locale).getString("sheet.donors");
    }

    /** One donor's cash by year, in the order of the query (group, name, id). */
    private record DonorRow(String group, String name, boolean named, long id, Map<Integer, BigDecimal> byYear) {
    }

    @Override
    public void write(ReportContext ctx, XlsxWriter xlsx) {
        int firstYear = ctx.fundStart().getYear();
        int years = ctx.year() - firstYear + 1;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = ctx.em().createNativeQuery("SELECT d.stakeholder_group, d.name, d.publicly_named, d.id,"
                        + " YEAR(j.event_date), SUM(l.debit) - SUM(l.credit) FROM journal j"
                        + " JOIN journal_line l ON l.journal_id = j.id JOIN donor d0 ON d0.id = j.donor_id"
                        + " JOIN donor d ON d.id = COALESCE(d0.merged_into_id, d0.id)"
                        + " WHERE j.fund_id = ? AND j.event_date <= ? AND l.account = 'CASH'"
                        + " GROUP BY d.stakeholder_group, d.name, d.publicly_named, d.id, YEAR(j.event_date)"
                        + " ORDER BY d.stakeholder_group, d.name, d.id")
                .setParameter(1, ctx.fundId()).setParameter(2, ctx.yearEnd()).getResultList();
        List<DonorRow> donors = new ArrayList<>();
        DonorRow current = null;
        for (Object[] r : rows) {
            long id = Sql.integer(r[3]);
            if (current == null || current.id() != id) {
                current = new DonorRow((String) r[0], (String) r[1], Sql.bool(r[2]), id, new TreeMap<>());
                donors.add(current);
            }
            current.byYear().merge((int) Sql.integer(r[4]), Sql.decimal(r[5]), BigDecimal::add);
        }

        SheetWriter sheet = xlsx.sheet(sheetName(ctx.locale()));
        ctx.heading(sheet, "donors.title");
        String[] header = new String[years + 3];
        header[0] = ctx.text("column.group");
        header[1] = ctx.text("column.donor");
        for (int y = 0; y < years; y++) {
            header[y + 2] = String.valueOf(firstYear + y);
        }
        header[years + 2] = ctx.text("column.total");
        sheet.header(header);

        Map<String, List<DonorRow>> byGroup = donors.stream().collect(Collectors.groupingBy(DonorRow::group,
                java.util.LinkedHashMap::new, Collectors.toList()));
        List<Integer> subtotalRows = new ArrayList<>();
        BigDecimal[] grand = zeros(years + 1);
        for (Map.Entry<String, List<DonorRow>> group : byGroup.entrySet()) {
            String groupLabel = ctx.text("group." + group.getKey());
            int first = sheet.nextRow();
            BigDecimal[] groupSum = zeros(years + 1);
            for (DonorRow d : group.getValue()) {
                RowWriter row = sheet.row().text(groupLabel).text(d.named() ? d.name() : ctx.text("donor.anonymous"));
                BigDecimal rowSum = BigDecimal.ZERO.setScale(2);
                for (int y = 0; y < years; y++) {
                    BigDecimal v = d.byYear().getOrDefault(firstYear + y, BigDecimal.ZERO).setScale(2);
                    row.usd(v);
                    rowSum = rowSum.add(v);
                    groupSum[y] = groupSum[y].add(v);
                }
                groupSum[years] = groupSum[years].add(rowSum);
                row.formula("SUM(" + SheetWriter.cellRef(row.rowIndex(), 2) + ":" + SheetWriter.cellRef(row.rowIndex(),
                        years + 1) + ")", rowSum);
            }
            int last = sheet.nextRow() - 1;
            RowWriter subtotal = sheet.row().bold(groupLabel).bold(ctx.text("donors.subtotal"));
            for (int c = 0; c <= years; c++) {
                subtotal.formulaTotal("SUM(" + SheetWriter.cellRef(first, c + 2) + ":" + SheetWriter.cellRef(last, c + 2)
                        + ")", groupSum[c]);
                grand[c] = grand[c].add(groupSum[c]);
            }
            subtotalRows.add(subtotal.rowIndex());
        }
        RowWriter total = sheet.row().bold(ctx.text("column.total")).blank();
        for (int c = 0; c <= years; c++) {
            final int column = c + 2;
            String formula = subtotalRows.isEmpty() ? "0"
                    : subtotalRows.stream().map(r -> SheetWriter.cellRef(r, column)).collect(Collectors.joining("+"));
            total.formulaTotal(formula, grand[c]);
        }
        ctx.total(TOTAL, sheet, total.rowIndex(), years + 2, grand[years]);
        ctx.total(YEAR_TOTAL, sheet, total.rowIndex(), years + 1, grand[years - 1]);
        softCredits(ctx, sheet, years);
    }

    /**
     * Below the totals, apart: the year's gifts through intermediaries credited to their original givers. The money is
     * in the intermediary's row (the contributor of record, at the net); listing the givers there again would count it
     * twice, so this memo has no total and feeds none.
     */
    private static void softCredits(ReportContext ctx, SheetWriter sheet, int years) {
        sheet.blankRow();
        sheet.line(ctx.text("donors.softCredits"));
        List<IntermediarySection.GiftRow> gifts = IntermediarySection.gifts(ctx, true);
        if (gifts.isEmpty()) {
            sheet.line(ctx.text("donors.softCreditsNone"));
            return;
        }
        String[] header = new String[years + 2];
        header[0] = ctx.text("column.channel");
        header[1] = ctx.text("column.giver");
        for (int y = 2; y < years + 1; y++) {
            header[y] = "";
        }
        header[years + 1] = String.valueOf(ctx.year());
        sheet.header(header);
        for (IntermediarySection.GiftRow g : gifts) {
            sheet.row().text(g.channel()).text(g.giver()).skipTo(years + 1).usd(g.usd());
        }
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] out = new BigDecimal[n];
        java.util.Arrays.fill(out, BigDecimal.ZERO.setScale(2));
        return out;
    }

    @Override
    public List<ReconciliationRow> reconciliation(ReportContext ctx) {
        List<ReconciliationRow> rows = new ArrayList<>();
        ctx.total(YEAR_TOTAL).ifPresent(cell -> rows.add(new ReconciliationRow(ctx.text("reconciliation.donorsYear"), cell,
                ctx.ledgerSums().debitLessCreditExcept(Account.CASH, LedgerSums.Period.YEAR, LedgerSums.SPENDING),
                BigDecimal.ZERO)));
        ctx.total(TOTAL).ifPresent(cell -> rows.add(new ReconciliationRow(ctx.text("reconciliation.donorsTotal"), cell,
                ctx.ledgerSums().debitLessCreditExcept(Account.CASH, LedgerSums.Period.TO_YEAR_END,
                        LedgerSums.SPENDING),
                BigDecimal.ZERO)));
        return rows;
    }
}
