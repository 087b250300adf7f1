package org.trustfund.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.trustfund.spreadsheet.SheetWriter;
import org.trustfund.spreadsheet.XlsxWriter;

/** Sheet 1: what the workbook is, for which fund and year, final or provisional, and its contents with links. */
@ApplicationScoped
public class CoverSection implements AnnualReportSection {

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String sheetName(Locale locale) {
        return ReportContext.texts(locale).getString("sheet.cover");
    }

    @Override
    public boolean inStatementOnly() {
        return true;
    }

    @Override
    public void write(ReportContext ctx, XlsxWriter xlsx) {
        SheetWriter sheet = xlsx.sheet(sheetName(ctx.locale()));
        sheet.title(ctx.text("cover.title", String.valueOf(ctx.year()))
                + (ctx.isProvisional() ? " — " + ctx.text("status.provisional") : ""));
        if (ctx.isProvisional()) {
            sheet.line(ctx.text("status.provisional") + " — " + ctx.text("heading.provisional"));
        }
        sheet.blankRow();
        sheet.row().bold(ctx.text("cover.fund")).text(ctx.fundName() + " (" + ctx.fundCode() + ")");
        sheet.row().bold(ctx.text("cover.year")).text(String.valueOf(ctx.year()));
        sheet.row().bold(ctx.text("cover.period")).date(ctx.yearStart()).date(ctx.yearEnd());
        sheet.row().bold(ctx.text("cover.currency")).text("USD");
        sheet.row().bold(ctx.text("cover.generatedAt")).timestamp(ctx.generatedAt()).text("UTC");
        sheet.row().bold(ctx.text("cover.generatedBy")).text(ctx.generatedBy());
        sheet.row().bold(ctx.text("cover.status")).bold(ctx.text(ctx.isProvisional() ? "status.provisional" : "status.final"));
        sheet.row().bold(ctx.text("cover.waiting")).integer(waitingCertification(ctx));
        sheet.blankRow();
        sheet.print(ctx.fundCode() + " " + ctx.year() + (ctx.isProvisional() ? " — " + ctx.text("status.provisional") : ""));
        sheet.header(ctx.text("cover.contents"));
        for (ReportContext.Contents c : ctx.contents()) {
            if (!c.sheetName().equals(sheet.name())) {
                sheet.row().link(c.title(), c.sheetName());
            }
        }
    }

    /** Contributions of the fund received in the year that still await certification: not in any figure. */
    static long waitingCertification(ReportContext ctx) {
        return Sql.integer(ctx.em().createNativeQuery("SELECT COUNT(*) FROM contribution WHERE fund_id = ?"
                        + " AND received_date BETWEEN ? AND ? AND status IN ('RECORDED', 'RETURNED')")
                .setParameter(1, ctx.fundId()).setParameter(2, ctx.yearStart()).setParameter(3, ctx.yearEnd())
                .getSingleResult());
    }

}
