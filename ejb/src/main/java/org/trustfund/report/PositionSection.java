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
 * Sheet 3: the statement of financial position at 31 December, beside the prior year's: assets, liabilities and fund
 * balance, with assets = liabilities + fund balance checked by a formula.
 */
@ApplicationScoped
public class PositionSection implements AnnualReportSection {

    static final String ASSETS = "position.assets";
    static final String LIABILITIES = "position.liabilities";
    static final String FUND_BALANCE = "position.fundBalance";
    static final String CHECK = "position.check";

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String sheetName(Locale locale) {
        return ReportContext.texts(locale).getString("sheet.position");
    }

    @Override
    public boolean inStatementOnly() {
        return true;
    }

    @Override
    public void write(ReportContext ctx, XlsxWriter xlsx) {
        SheetWriter sheet = xlsx.sheet(sheetName(ctx.locale()));
        ctx.heading(sheet, "position.title");
        sheet.header(ctx.text("column.line"), ctx.text("position.at", String.valueOf(ctx.year())),
                ctx.text("position.at", String.valueOf(ctx.year() - 1)));
        BigDecimal[] assets = block(ctx, sheet, Section.ASSETS, ctx.text("line.CONTRIBUTIONS_RECEIVABLE.preview"));
        int assetsRow = sheet.nextRow() - 1;
        BigDecimal[] liabilities = block(ctx, sheet, Section.LIABILITIES, null);
        int liabilitiesRow = sheet.nextRow() - 1;
        BigDecimal[] fundBalance = block(ctx, sheet, Section.FUND_BALANCE, ctx.text("line.FUND_BALANCE.preview"));
        int fundBalanceRow = sheet.nextRow() - 1;

        RowWriter both = sheet.row().bold(ctx.text("position.liabilitiesAndFundBalance"));
        BigDecimal[] bothValue = new BigDecimal[2];
        for (int c = 0; c < 2; c++) {
            bothValue[c] = liabilities[c].add(fundBalance[c]);
            both.formulaTotal(SheetWriter.cellRef(liabilitiesRow, c + 1) + "+" + SheetWriter.cellRef(fundBalanceRow, c + 1),
                    bothValue[c]);
        }
        sheet.blankRow();
        RowWriter check = sheet.row().text(ctx.text("position.check"));
        for (int c = 0; c < 2; c++) {
            check.formula(SheetWriter.cellRef(assetsRow, c + 1) + "-" + SheetWriter.cellRef(both.rowIndex(), c + 1),
                    assets[c].subtract(bothValue[c]));
        }
        ctx.total(ASSETS, sheet, assetsRow, 1, assets[0]);
        ctx.total(LIABILITIES, sheet, liabilitiesRow, 1, liabilities[0]);
        ctx.total(FUND_BALANCE, sheet, fundBalanceRow, 1, fundBalance[0]);
        ctx.total(CHECK, sheet, check.rowIndex(), 1, assets[0].subtract(bothValue[0]));
    }

    /**
     * A section's lines and its total row (the last row written); an open year's revaluation preview as its own line
     * where {@code previewLabel} is given.
     */
    private static BigDecimal[] block(ReportContext ctx, SheetWriter sheet, Section section, String previewLabel) {
        sheet.row().bold(ctx.text("section." + section.name()));
        int first = sheet.nextRow();
        BigDecimal[] sum = {BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)};
        for (StatementLine line : StatementLine.of(Statement.POSITION, section)) {
            BigDecimal year = ctx.ledger().balance(line, false);
            BigDecimal prior = ctx.ledger().balance(line, true);
            sum[0] = sum[0].add(year);
            sum[1] = sum[1].add(prior);
            sheet.row().text(ctx.text(line.labelKey())).usd(year).usd(prior);
        }
        if (previewLabel != null && ctx.isProvisional()) {
            sum[0] = sum[0].add(ctx.previewTotal());
            sheet.row().text(previewLabel).usd(ctx.previewTotal()).usd(BigDecimal.ZERO.setScale(2));
        }
        int last = sheet.nextRow() - 1;
        RowWriter total = sheet.row().bold(ctx.text("total." + section.name()));
        for (int c = 0; c < 2; c++) {
            total.formulaTotal("SUM(" + SheetWriter.cellRef(first, c + 1) + ":" + SheetWriter.cellRef(last, c + 1) + ")", sum[c]);
        }
        return sum;
    }

    @Override
    public List<ReconciliationRow> reconciliation(ReportContext ctx) {
        List<ReconciliationRow> rows = new ArrayList<>();
        BigDecimal preview = ctx.previewTotal();
        ctx.total(ASSETS).ifPresent(cell -> rows.add(new ReconciliationRow(ctx.text("reconciliation.assets"), cell,
                ctx.ledgerSums().debitLessCredit(LedgerSums.ofKind(Account.Kind.ASSET), LedgerSums.Period.TO_YEAR_END), preview)));
        ctx.total(LIABILITIES).ifPresent(cell -> rows.add(new ReconciliationRow(ctx.text("reconciliation.liabilities"),
                cell, ctx.ledgerSums().creditLessDebit(LedgerSums.ofKind(Account.Kind.LIABILITY), LedgerSums.Period.TO_YEAR_END),
                BigDecimal.ZERO)));
        ctx.total(FUND_BALANCE).ifPresent(cell -> rows.add(new ReconciliationRow(ctx.text("reconciliation.fundBalance"),
                cell, ctx.ledgerSums().creditLessDebit(LedgerSums.ofKind(Account.Kind.REVENUE,
                        Account.Kind.EXPENSE), LedgerSums.Period.TO_YEAR_END), preview)));
        ctx.total(CHECK).ifPresent(cell -> rows.add(new ReconciliationRow(ctx.text("reconciliation.check"), cell,
                BigDecimal.ZERO.setScale(2), BigDecimal.ZERO)));
        return rows;
    }
}
