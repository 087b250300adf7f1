package org.trustfund.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.ss.util.CellRangeAddress;
import org.trustfund.ledger.Account;
import org.trustfund.spreadsheet.SheetWriter;
import org.trustfund.spreadsheet.XlsxWriter;

/**
 * Charts, where people would rather look than read: the year's contribution revenue by stakeholder group, and revenue
 * and expenses over the fund's last ten years. Each chart sits beside the small table it draws (its series point at
 * those cells, with the values cached in the chart).
 */
@ApplicationScoped
public class ChartsSection implements AnnualReportSection {

    private static final int YEARS = 10;

    @Override
    public int order() {
        return 85;
    }

    @Override
    public String sheetName(Locale locale) {
        return ReportContext.texts(locale).getString("sheet.charts");
    }

    @Override
    public void write(ReportContext ctx, XlsxWriter xlsx) {
        Set<Account> revenue = LedgerSums.ofKind(Account.Kind.REVENUE);
        Set<Account> expenses = LedgerSums.ofKind(Account.Kind.EXPENSE);
        @SuppressWarnings("unchecked")
        List<Object[]> byGroup = ctx.em().createNativeQuery("SELECT d.stakeholder_group, SUM(l.credit) - SUM(l.debit)"
                        + " FROM journal j JOIN journal_line l ON l.journal_id = j.id JOIN donor d0 ON d0.id = j.donor_id"
                        + " JOIN donor d ON d.id = COALESCE(d0.merged_into_id, d0.id)"
                        + " WHERE j.fund_id = ? AND j.event_date BETWEEN ? AND ? AND l.account IN ('CONTRIBUTION_REVENUE',"
                        + " 'IN_KIND_REVENUE') GROUP BY d.stakeholder_group ORDER BY d.stakeholder_group")
                .setParameter(1, ctx.fundId()).setParameter(2, ctx.yearStart()).setParameter(3, ctx.yearEnd())
                .getResultList();
        int firstYear = Math.max(ctx.fundStart().getYear(), ctx.year() - YEARS + 1);
        @SuppressWarnings("unchecked")
        List<Object[]> byYear = ctx.em().createNativeQuery("SELECT YEAR(j.event_date), l.account, SUM(l.debit) - SUM(l.credit)"
                        + " FROM journal j JOIN journal_line l ON l.journal_id = j.id WHERE j.fund_id = ?"
                        + " AND j.event_date BETWEEN ? AND ? GROUP BY YEAR(j.event_date), l.account")
                .setParameter(1, ctx.fundId()).setParameter(2, java.time.LocalDate.of(firstYear, 1, 1))
                .setParameter(3, ctx.yearEnd()).getResultList();
        Map<Integer, BigDecimal[]> years = new LinkedHashMap<>();
        for (int y = firstYear; y <= ctx.year(); y++) {
            years.put(y, new BigDecimal[] {BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)});
        }
        for (Object[] r : byYear) {
            BigDecimal[] v = years.get((int) Sql.integer(r[0]));
            Account account = Account.valueOf((String) r[1]);
            if (revenue.contains(account)) {
                v[0] = v[0].subtract(Sql.decimal(r[2]));
            } else if (expenses.contains(account)) {
                v[1] = v[1].add(Sql.decimal(r[2]));
            }
        }
        if (ctx.isProvisional()) {
            // The same revenue as the statement of an open year: with its year-end revaluation preview.
            BigDecimal[] v = years.get(ctx.year());
            v[0] = v[0].add(ctx.previewTotal());
        }

        SheetWriter sheet = xlsx.sheet(sheetName(ctx.locale()));
        ctx.heading(sheet, "charts.title");
        sheet.header(ctx.text("column.group"), ctx.text("charts.revenueOfYear", String.valueOf(ctx.year())));
        int groupFirst = sheet.nextRow();
        List<String> groupLabels = new ArrayList<>();
        List<Double> groupValues = new ArrayList<>();
        for (Object[] r : byGroup) {
            String label = ctx.text("group." + r[0]);
            BigDecimal v = Sql.decimal(r[1]).setScale(2);
            sheet.row().text(label).usd(v);
            groupLabels.add(label);
            groupValues.add(v.doubleValue());
        }
        int groupLast = sheet.nextRow() - 1;
        sheet.blankRow();
        sheet.row().bold(ctx.text("charts.overYears"));
        sheet.row().bold(ctx.text("column.year")).bold(ctx.text("charts.revenue")).bold(ctx.text("charts.expenses"));
        int yearFirst = sheet.nextRow();
        for (Map.Entry<Integer, BigDecimal[]> e : years.entrySet()) {
            sheet.row().text(String.valueOf(e.getKey())).usd(e.getValue()[0]).usd(e.getValue()[1]);
        }
        int yearLast = sheet.nextRow() - 1;

        XSSFDrawing drawing = xlsx.xssf().getSheet(sheet.name()).createDrawingPatriarch();
        if (!groupLabels.isEmpty()) {
            bar(drawing, 4, 1, ctx.text("charts.byGroup", String.valueOf(ctx.year())),
                    XDDFDataSourcesFactory.fromArray(groupLabels.toArray(String[]::new), range(sheet, groupFirst, groupLast, 0)),
                    List.of(XDDFDataSourcesFactory.fromArray(groupValues.toArray(Double[]::new),
                            range(sheet, groupFirst, groupLast, 1))), List.of(ctx.text("charts.revenue")));
        }
        String[] yearLabels = years.keySet().stream().map(String::valueOf).toArray(String[]::new);
        Double[] revenues = years.values().stream().map(v -> v[0].doubleValue()).toArray(Double[]::new);
        Double[] costs = years.values().stream().map(v -> v[1].doubleValue()).toArray(Double[]::new);
        bar(drawing, 4, 22, ctx.text("charts.overYears"),
                XDDFDataSourcesFactory.fromArray(yearLabels, range(sheet, yearFirst, yearLast, 0)),
                List.of(XDDFDataSourcesFactory.fromArray(revenues, range(sheet, yearFirst, yearLast, 1)),
                        XDDFDataSourcesFactory.fromArray(costs, range(sheet, yearFirst, yearLast, 2))),
                List.of(ctx.text("charts.revenue"), ctx.text("charts.expenses")));
    }

    private static final PresetColor[] SERIES_COLOURS = {PresetColor.STEEL_BLUE, PresetColor.DARK_ORANGE};

    static String range(SheetWriter sheet, int first, int last, int column) {
        return new CellRangeAddress(first, last, column, column).formatAsString(sheet.name(), true);
    }

    /** A column chart anchored at (column, row), 10 columns by 18 rows. */
    static void bar(XSSFDrawing drawing, int column, int row, String title, XDDFDataSource<String> categories,
            List<XDDFNumericalDataSource<Double>> values, List<String> names) {
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, column, row, column + 10, row + 18);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
        left.setCrosses(AxisCrosses.AUTO_ZERO);
        left.setNumberFormat("#,##0");
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, bottom, left);
        data.setBarDirection(BarDirection.COL);
        for (int i = 0; i < values.size(); i++) {
            XDDFChartData.Series series = data.addSeries(categories, values.get(i));
            series.setTitle(names.get(i), null);
            // Without a fill of their own, LibreOffice draws the bars transparent (Excel picks a theme colour).
            XDDFShapeProperties shape = new XDDFShapeProperties();
            shape.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(SERIES_COLOURS[i % SERIES_COLOURS.length])));
            series.setShapeProperties(shape);
        }
        data.setVaryColors(false);
        chart.plot(data);
    }

}
