package org.trustfund.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.trustfund.spreadsheet.SheetWriter;
import org.trustfund.spreadsheet.XlsxWriter;

/** The last sheet: the accounting basis in plain words, and what "provisional" means. */
@ApplicationScoped
public class NotesSection implements AnnualReportSection {

    static final int NOTES = 10;

    @Override
    public int order() {
        return 90;
    }

    @Override
    public String sheetName(Locale locale) {
        return ReportContext.texts(locale).getString("sheet.notes");
    }

    /** The note on intermediaries' fees, with the year's gross, fees and net from the Intermediaries sheet. */
    static final int INTERMEDIARIES_NOTE = 8;
    /** The note on travel, expenditure and PSC, with the PSC charged from the Expenditure sheet. */
    static final int PSC_NOTE = 9;
    /** The note on obligations not yet paid at 31 December, read from the memo accounts. */
    static final int OBLIGATIONS_NOTE = 10;

    private static java.math.BigDecimal amount(ReportContext ctx, String total) {
        return ctx.total(total).map(ReportContext.TotalCell::value).orElse(java.math.BigDecimal.ZERO);
    }

    @Override
    public void write(ReportContext ctx, XlsxWriter xlsx) {
        SheetWriter sheet = xlsx.sheet(sheetName(ctx.locale()));
        ctx.heading(sheet, "notes.title");
        sheet.minWidth(0, 100);
        for (int n = 1; n <= NOTES; n++) {
            sheet.row().bold(n + ". " + ctx.text("notes." + n + ".title"));
            sheet.line(switch (n) {
                case INTERMEDIARIES_NOTE -> ctx.text("notes." + n, amount(ctx, IntermediarySection.GROSS),
                        amount(ctx, IntermediarySection.FEES), amount(ctx, IntermediarySection.NET));
                case PSC_NOTE -> ctx.text("notes." + n, amount(ctx, ExpenditureSection.PSC));
                case OBLIGATIONS_NOTE -> ctx.text("notes." + n, ctx.ledgerSums().debitLessCredit(
                        java.util.List.of(org.trustfund.ledger.Account.OPEN_OBLIGATIONS), LedgerSums.Period.TO_YEAR_END));
                default -> ctx.text("notes." + n);
            });
            sheet.blankRow();
        }
        sheet.row().bold(ctx.text(ctx.isProvisional() ? "status.provisional" : "status.final"));
        sheet.line(ctx.text(ctx.isProvisional() ? "notes.provisional" : "notes.final", String.valueOf(ctx.year())));
        if (ctx.isProvisional()) {
            sheet.line(ctx.previewProblem() == null ? ctx.text("notes.preview", ctx.preview().size(), ctx.previewTotal())
                    : ctx.text("notes.previewNotPossible", ctx.previewProblem()));
        }
    }
}
