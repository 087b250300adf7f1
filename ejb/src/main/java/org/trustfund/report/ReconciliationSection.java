package org.trustfund.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trustfund.spreadsheet.RowWriter;
import org.trustfund.spreadsheet.SheetWriter;
import org.trustfund.spreadsheet.XlsxWriter;

/**
 * Sheet 8: each sheet's total, as a formula pointing at its cell, against the ledger's balance for the same accounts
 * and period read by SQL, with the difference as a formula (0.00 on every row); then debits against credits for the
 * fund and year and the number of journals read. Rows come from every other section, so a new sheet brings its own.
 */
@ApplicationScoped
public class ReconciliationSection implements AnnualReportSection {

    static final String DIFFERENCES = "reconciliation.differences";

    @Override
    public int order() {
        return 80;
    }

    @Override
    public String sheetName(Locale locale) {
        return ReportContext.texts(locale).getString("sheet.reconciliation");
    }

    @Override
    public boolean inStatementOnly() {
        return true;
    }

    @Override
    public void write(ReportContext ctx, XlsxWriter xlsx) {
        List<ReconciliationRow> rows = new ArrayList<>();
        for (AnnualReportSection s : ctx.sections()) {
            if (s != this) {
                rows.addAll(s.reconciliation(ctx));
            }
        }
        SheetWriter sheet = xlsx.sheet(sheetName(ctx.locale()));
        ctx.heading(sheet, "reconciliation.title");
        sheet.header(ctx.text("column.sheet"), ctx.text("column.figure"), ctx.text("column.sheetTotal"),
                ctx.text("column.ledger"), ctx.text("column.preview"), ctx.text("column.difference"));
        for (ReconciliationRow r : rows) {
            RowWriter row = sheet.row().text(r.sheetName()).text(r.label())
                    .formula(ReportContext.ref(r.sheetName(), r.cellRef()), r.sheetValue()).usd(r.ledger()).usd(r.adjustment());
            int i = row.rowIndex();
            row.formulaTotal(SheetWriter.cellRef(i, 2) + "-" + SheetWriter.cellRef(i, 3) + "-" + SheetWriter.cellRef(i, 4),
                    r.difference());
        }
        sheet.blankRow();
        Object[] totals = (Object[]) ctx.em().createNativeQuery("SELECT COALESCE(SUM(l.debit), 0), COALESCE(SUM(l.credit), 0),"
                        + " COUNT(DISTINCT j.id) FROM journal j JOIN journal_line l ON l.journal_id = j.id"
                        + " WHERE j.fund_id = ? AND j.event_date BETWEEN ? AND ?")
                .setParameter(1, ctx.fundId()).setParameter(2, ctx.yearStart()).setParameter(3, ctx.yearEnd())
                .getSingleResult();
        BigDecimal debits = Sql.decimal(totals[0]).setScale(2);
        BigDecimal credits = Sql.decimal(totals[1]).setScale(2);
        int debitRow = sheet.row().bold(ctx.text("reconciliation.debits")).blank().usd(debits).rowIndex();
        int creditRow = sheet.row().bold(ctx.text("reconciliation.credits")).blank().usd(credits).rowIndex();
        RowWriter diff = sheet.row().bold(ctx.text("reconciliation.debitsLessCredits")).blank();
        diff.formulaTotal(SheetWriter.cellRef(debitRow, 2) + "-" + SheetWriter.cellRef(creditRow, 2), debits.subtract(credits));
        ctx.total(DIFFERENCES, sheet, diff.rowIndex(), 2, debits.subtract(credits));
        sheet.row().bold(ctx.text("reconciliation.journals")).blank().integer(Sql.integer(totals[2]));
    }
}
