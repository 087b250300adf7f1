package org.trustfund.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trustfund.ledger.Account;
import org.trustfund.report.StatementLine.Section;
import org.trustfund.report.StatementLine.Statement;
import org.trustfund.spreadsheet.RowWriter;
import org.trustfund.spreadsheet.SheetWriter;
import org.trustfund.spreadsheet.XlsxWriter;

/**
 * Sheet 2: the statement of financial performance and fund balance, the year beside the prior year. Every line comes
 * from {@link StatementLine}; subtotals, the surplus and the closing balance are formulas over the lines above.
 */
@ApplicationScoped
public class PerformanceSection implements AnnualReportSection {

    static final String REVENUE = "performance.revenue";
    static final String EXPENSES = "performance.expenses";
    static final String CLOSING = "performance.closing";

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String sheetName(Locale locale) {
        return ReportContext.texts(locale).getString("sheet.performance");
    }

    @Override
    public boolean inStatementOnly() {
        return true;
    }

    @Override
    public void write(ReportContext ctx, XlsxWriter xlsx) {
        SheetWriter sheet = xlsx.sheet(sheetName(ctx.locale()));
        ctx.heading(sheet, "performance.title");
        LedgerTotals ledger = ctx.ledger();
        sheet.header(ctx.text("column.line"), String.valueOf(ctx.year()), String.valueOf(ctx.year() - 1));
        BigDecimal[] opening = {ledger.openingFundBalance(false), ledger.openingFundBalance(true)};
        int openingRow = sheet.row().text(ctx.text("performance.opening")).usd(opening[0]).usd(opening[1]).rowIndex();

        sheet.row().bold(ctx.text("section.REVENUE"));
        List<BigDecimal[]> revenue = new ArrayList<>();
        int firstRevenue = sheet.nextRow();
        for (StatementLine line : StatementLine.of(Statement.PERFORMANCE, Section.REVENUE)) {
            BigDecimal[] v = {ledger.movement(line, false), ledger.movement(line, true)};
            revenue.add(v);
            sheet.row().text(ctx.text(line.labelKey())).usd(v[0]).usd(v[1]);
        }
        if (ctx.isProvisional()) {
            // Not in the ledger: what the year-end revaluation would post on 31 December.
            BigDecimal[] v = {ctx.previewTotal(), BigDecimal.ZERO.setScale(2)};
            revenue.add(v);
            sheet.row().text(ctx.text("line.UNREALIZED_EXCHANGE.preview")).usd(v[0]).usd(v[1]);
        }
        int totalRevenueRow = total(sheet, ctx.text("performance.totalRevenue"), firstRevenue, revenue);

        sheet.row().bold(ctx.text("section.EXPENSES"));
        List<BigDecimal[]> expenses = new ArrayList<>();
        int firstExpense = sheet.nextRow();
        for (StatementLine line : StatementLine.of(Statement.PERFORMANCE, Section.EXPENSES)) {
            BigDecimal[] v = {ledger.movement(line, false), ledger.movement(line, true)};
            expenses.add(v);
            sheet.row().text(ctx.text(line.labelKey())).usd(v[0]).usd(v[1]);
        }
        int totalExpensesRow = total(sheet, ctx.text("performance.totalExpenses"), firstExpense, expenses);

        BigDecimal[] rev = sum(revenue);
        BigDecimal[] exp = sum(expenses);
        RowWriter surplus = sheet.row().bold(ctx.text("performance.surplus"));
        int surplusRow = surplus.rowIndex();
        BigDecimal[] surplusValue = new BigDecimal[2];
        for (int c = 0; c < 2; c++) {
            surplusValue[c] = rev[c].subtract(exp[c]);
            surplus.formulaTotal(SheetWriter.cellRef(totalRevenueRow, c + 1) + "-" + SheetWriter.cellRef(totalExpensesRow, c + 1),
                    surplusValue[c]);
        }
        RowWriter closing = sheet.row().bold(ctx.text("performance.closing"));
        BigDecimal[] closingValue = new BigDecimal[2];
        for (int c = 0; c < 2; c++) {
            closingValue[c] = opening[c].add(surplusValue[c]);
            closing.formulaTotal(SheetWriter.cellRef(openingRow, c + 1) + "+" + SheetWriter.cellRef(surplusRow, c + 1),
                    closingValue[c]);
        }
        ctx.total(REVENUE, sheet, totalRevenueRow, 1, rev[0]);
        ctx.total(EXPENSES, sheet, totalExpensesRow, 1, exp[0]);
        ctx.total(CLOSING, sheet, closing.rowIndex(), 1, closingValue[0]);
        ctx.total(CLOSING + ".prior", sheet, closing.rowIndex(), 2, closingValue[1]);
    }

    /** A total row: for each year column, the sum of the lines above it. */
    private static int total(SheetWriter sheet, String label, int first, List<BigDecimal[]> lines) {
        BigDecimal[] sum = sum(lines);
        int last = first + lines.size() - 1;
        RowWriter row = sheet.row().bold(label);
        for (int c = 0; c < 2; c++) {
            row.formulaTotal("SUM(" + SheetWriter.cellRef(first, c + 1) + ":" + SheetWriter.cellRef(last, c + 1) + ")", sum[c]);
        }
        return row.rowIndex();
    }

    private static BigDecimal[] sum(List<BigDecimal[]> lines) {
        BigDecimal[] sum = {BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)};
        for (BigDecimal[] v : lines) {
            sum[0] = sum[0].add(v[0]);
            sum[1] = sum[1].add(v[1]);
        }
        return sum;
    }

    @Override
    public List<ReconciliationRow> reconciliation(ReportContext ctx) {
        List<ReconciliationRow> rows = new ArrayList<>();
        BigDecimal preview = ctx.previewTotal();
        ctx.total(REVENUE).ifPresent(cell -> rows.add(new ReconciliationRow(ctx.text("reconciliation.revenue"), cell,
                ctx.ledgerSums().creditLessDebit(LedgerSums.ofKind(Account.Kind.REVENUE), LedgerSums.Period.YEAR), preview)));
        ctx.total(EXPENSES).ifPresent(cell -> rows.add(new ReconciliationRow(ctx.text("reconciliation.expenses"), cell,
                ctx.ledgerSums().debitLessCredit(LedgerSums.ofKind(Account.Kind.EXPENSE), LedgerSums.Period.YEAR),
                BigDecimal.ZERO)));
        ctx.total(CLOSING).ifPresent(cell -> rows.add(new ReconciliationRow(ctx.text("reconciliation.closing"), cell,
                ctx.ledgerSums().creditLessDebit(LedgerSums.ofKind(Account.Kind.REVENUE,
                        Account.Kind.EXPENSE), LedgerSums.Period.TO_YEAR_END), preview)));
        ctx.total(CLOSING + ".prior").ifPresent(cell -> rows.add(new ReconciliationRow(
                ctx.text("reconciliation.closingPrior"), cell, ctx.ledgerSums().creditLessDebit(
                        LedgerSums.ofKind(Account.Kind.REVENUE, Account.Kind.EXPENSE), LedgerSums.Period.TO_PRIOR_YEAR_END),
                BigDecimal.ZERO)));
        return rows;
    }
}
