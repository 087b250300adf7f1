package org.trustfund.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.stream.Collectors;
import org.trustfund.spreadsheet.SheetWriter;
import org.trustfund.spreadsheet.XlsxWriter;

/**
 * Sheet 7: every exchange rate a figure of the workbook used (contributions, agreements, the year-end restatement),
 * with its effective date. Written after the sheets that use rates, which record them in the context.
 */
@ApplicationScoped
public class RatesSection implements AnnualReportSection {

    @Override
    public int order() {
        return 70;
    }

    @Override
    public String sheetName(Locale locale) {
        return ReportContext.texts(locale).getString("sheet.rates");
    }

    @Override
    public void write(ReportContext ctx, XlsxWriter xlsx) {
        SheetWriter sheet = xlsx.sheet(sheetName(ctx.locale()));
        ctx.heading(sheet, "rates.title");
        sheet.header(ctx.text("column.currency"), ctx.text("column.rateDate"), ctx.text("column.rate"),
                ctx.text("column.usedFor"));
        for (ReportContext.RateUsed r : ctx.ratesUsed()) {
            sheet.row().text(r.currency()).date(r.effectiveDate()).rate(r.unitsPerUsd())
                    .text(r.uses().stream().map(ctx::text).collect(Collectors.joining(", ")));
        }
    }
}
