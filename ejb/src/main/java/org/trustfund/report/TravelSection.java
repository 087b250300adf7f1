package org.trustfund.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.trustfund.ledger.Account;
import org.trustfund.ledger.JournalEvent;
import org.trustfund.spreadsheet.RowWriter;
import org.trustfund.spreadsheet.SheetWriter;
import org.trustfund.spreadsheet.XlsxWriter;
import org.trustfund.travel.TravelRequest;

/**
 * Sheet "Travel and fellowships": every disbursement of the year, read from the journals that paid a trip or reversed
 * its payment (dated by the ledger, so a closed year's sheet never changes; a reversal is a negative row), with the
 * traveller's region, development status (as recorded on the request: the status on the travel date), gender,
 * stakeholder group and MAG membership; then the totals by programme, region, development status, gender and
 * stakeholder group as formulas over those rows, and a chart by programme.
 */
@ApplicationScoped
public class TravelSection implements AnnualReportSection {

    static final String TOTAL = "travel.totalUsd";
    private static final int PROGRAMME = 3;
    private static final int REGION = 7;
    private static final int STATUS = 8;
    private static final int GENDER = 9;
    private static final int GROUP = 10;
    private static final int USD = 15;
    private static final int KIND = 16;

    @Override
    public int order() {
        return 66;
    }

    @Override
    public String sheetName(Locale locale) {
        return ReportContext.texts(locale).getString("sheet.travel");
    }

    /** One disbursement, or (reversal) the undoing of one, in the report's language. */
    public record TravelRow(LocalDate date, long requestId, String traveller, String programme, String event,
            String place, String residence, String region, String status, String gender, String group, String mag,
            LocalDate departure, LocalDate returnDate, String reference, BigDecimal usd, boolean reversal) {
    }

    /** The year's disbursements in date order: each journal of a trip's payment or of its reversal. */
    public static List<TravelRow> read(ReportContext ctx) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = ctx.em().createNativeQuery("SELECT j.event_date, j.event_type, r.id, v.name, p.code,"
                        + " e.name, e.city, e.country_code, v.residence, c.region, r.residence_status, v.gender,"
                        + " v.stakeholder_group, v.mag_member, r.departure_date, r.return_date, r.payment_reference,"
                        + " l.debit - l.credit"
                        + " FROM journal j JOIN journal_line l ON l.journal_id = j.id AND l.account = ?"
                        + " JOIN travel_request r ON r.id = j.source_id JOIN traveller v ON v.id = r.traveller_id"
                        + " JOIN travel_programme p ON p.id = r.programme_id JOIN travel_event e ON e.id = r.event_id"
                        + " JOIN country c ON c.code = v.residence"
                        + " WHERE j.fund_id = ? AND j.source_type = ? AND j.event_type IN (?, ?)"
                        + " AND j.event_date BETWEEN ? AND ? ORDER BY j.event_date, j.id")
                .setParameter(1, Account.TRAVEL_AND_FELLOWSHIPS.name()).setParameter(2, ctx.fundId())
                .setParameter(3, TravelRequest.SOURCE_TYPE).setParameter(4, JournalEvent.TRAVEL_PAID.name())
                .setParameter(5, JournalEvent.TRAVEL_PAYMENT_REVERSED.name()).setParameter(6, ctx.yearStart())
                .setParameter(7, ctx.yearEnd()).getResultList();
        List<TravelRow> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new TravelRow(Sql.date(r[0]), Sql.integer(r[2]), (String) r[3], ctx.text("programme." + r[4]),
                    (String) r[5], r[6] + " (" + r[7] + ")", (String) r[8], (String) r[9],
                    ctx.text("devStatus." + r[10]), ctx.text("gender." + r[11]), ctx.text("group." + r[12]),
                    ctx.text(Sql.bool(r[13]) ? "travel.mag.yes" : "travel.mag.no"), Sql.date(r[14]), Sql.date(r[15]),
                    (String) r[16], Sql.decimal(r[17]).setScale(2),
                    JournalEvent.TRAVEL_PAYMENT_REVERSED.name().equals(r[1])));
        }
        return out;
    }

    @Override
    public void write(ReportContext ctx, XlsxWriter xlsx) {
        SheetWriter sheet = xlsx.sheet(sheetName(ctx.locale()));
        ctx.heading(sheet, "travel.title");
        List<TravelRow> rows = read(ctx);
        sheet.header(ctx.text("column.date"), ctx.text("column.request"), ctx.text("column.traveller"),
                ctx.text("column.programme"), ctx.text("column.event"), ctx.text("column.place"),
                ctx.text("column.residence"), ctx.text("column.region"), ctx.text("column.devStatus"),
                ctx.text("column.gender"), ctx.text("column.group"), ctx.text("column.mag"), ctx.text("column.departure"),
                ctx.text("column.return"), ctx.text("column.paymentReference"), ctx.text("column.usd"),
                ctx.text("column.kind"));
        int first = sheet.nextRow();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        String payment = ctx.text("travel.payment");
        String reversal = ctx.text("travel.reversal");
        for (TravelRow t : rows) {
            total = total.add(t.usd());
            sheet.row().date(t.date()).integer(t.requestId()).text(t.traveller()).text(t.programme()).text(t.event())
                    .text(t.place()).text(t.residence()).text(t.region()).text(t.status()).text(t.gender())
                    .text(t.group()).text(t.mag()).date(t.departure()).date(t.returnDate()).text(t.reference())
                    .usd(t.usd()).text(t.reversal() ? reversal : payment);
        }
        int last = sheet.nextRow() - 1;
        RowWriter totalRow = sheet.row().bold(ctx.text("travel.total")).skipTo(USD);
        totalRow.formulaTotal(last < first ? "0" : "SUM(" + SheetWriter.cellRef(first, USD) + ":"
                + SheetWriter.cellRef(last, USD) + ")", total);
        ctx.total(TOTAL, sheet, totalRow.rowIndex(), USD, total);

        Range detail = new Range(first, last, payment, reversal);
        int[] programmeTable = null;
        for (Dimension by : DIMENSIONS) {
            sheet.blankRow();
            int[] table = byGroup(ctx, sheet, rows, by, detail, total);
            if (by.column() == PROGRAMME) {
                programmeTable = table;
            }
        }
        if (programmeTable != null && programmeTable[1] >= programmeTable[0]) {
            List<String> labels = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (Map.Entry<String, BigDecimal[]> g : sums(rows, TravelRow::programme).entrySet()) {
                labels.add(g.getKey());
                values.add(g.getValue()[1].doubleValue());
            }
            XSSFDrawing drawing = xlsx.xssf().getSheet(sheet.name()).createDrawingPatriarch();
            ChartsSection.bar(drawing, 5, programmeTable[0] - 1, ctx.text("travel.chart", String.valueOf(ctx.year())),
                    XDDFDataSourcesFactory.fromArray(labels.toArray(String[]::new),
                            ChartsSection.range(sheet, programmeTable[0], programmeTable[1], 0)),
                    List.of(XDDFDataSourcesFactory.fromArray(values.toArray(Double[]::new),
                            ChartsSection.range(sheet, programmeTable[0], programmeTable[1], 2))),
                    List.of(ctx.text("column.usd")));
        }
    }

    /** The detail rows' range and the two kinds' labels, which the group formulas count by. */
    private record Range(int first, int last, String payment, String reversal) {
    }

    /** A table of totals: the detail column it groups by, its name in the bundle, and the row's value in it. */
    private record Dimension(int column, String name, Function<TravelRow, String> key) {
    }

    private static final List<Dimension> DIMENSIONS = List.of(new Dimension(PROGRAMME, "programme", TravelRow::programme),
            new Dimension(REGION, "region", TravelRow::region), new Dimension(STATUS, "devStatus", TravelRow::status),
            new Dimension(GENDER, "gender", TravelRow::gender), new Dimension(GROUP, "group", TravelRow::group));

    /** Trips (payments less reversals) and USD per group, groups sorted by name. */
    private static Map<String, BigDecimal[]> sums(List<TravelRow> rows, Function<TravelRow, String> key) {
        Map<String, BigDecimal[]> out = new java.util.TreeMap<>();
        for (TravelRow t : rows) {
            BigDecimal[] s = out.computeIfAbsent(key.apply(t), k -> new BigDecimal[] {BigDecimal.ZERO,
                    BigDecimal.ZERO.setScale(2)});
            s[0] = s[0].add(t.reversal() ? BigDecimal.ONE.negate() : BigDecimal.ONE);
            s[1] = s[1].add(t.usd());
        }
        return out;
    }

    /**
     * One table of totals by a detail column: trips as COUNTIFS of payments less reversals, USD as
     * SUMIF, both over the detail rows, and a total row that must equal the sheet's total; returns its first and last
     * group rows.
     */
    private static int[] byGroup(ReportContext ctx, SheetWriter sheet, List<TravelRow> rows, Dimension by,
            Range detail, BigDecimal total) {
        sheet.row().bold(ctx.text("travel.by." + by.name()));
        sheet.header(ctx.text("column." + by.name()), ctx.text("column.trips"), ctx.text("column.usd"));
        String groups = range(detail, by.column());
        String kinds = range(detail, KIND);
        String amounts = range(detail, USD);
        int first = sheet.nextRow();
        long trips = 0;
        for (Map.Entry<String, BigDecimal[]> g : sums(rows, by.key()).entrySet()) {
            RowWriter row = sheet.row().text(g.getKey());
            String label = SheetWriter.cellRef(row.rowIndex(), 0);
            String kind = "\"" + detail.payment().replace("\"", "\"\"") + "\"";
            String undone = "\"" + detail.reversal().replace("\"", "\"\"") + "\"";
            row.integerFormula("COUNTIFS(" + groups + "," + label + "," + kinds + "," + kind + ")-COUNTIFS(" + groups
                    + "," + label + "," + kinds + "," + undone + ")", g.getValue()[0].longValue());
            row.formula("SUMIF(" + groups + "," + label + "," + amounts + ")", g.getValue()[1]);
            trips += g.getValue()[0].longValue();
        }
        int last = sheet.nextRow() - 1;
        RowWriter sum = sheet.row().bold(ctx.text("column.total"));
        sum.integerFormula(last < first ? "0" : "SUM(" + SheetWriter.cellRef(first, 1) + ":"
                + SheetWriter.cellRef(last, 1) + ")", trips);
        sum.formulaTotal(last < first ? "0" : "SUM(" + SheetWriter.cellRef(first, 2) + ":"
                + SheetWriter.cellRef(last, 2) + ")", total);
        return new int[] {first, last};
    }

    /** The detail rows' cells of one column, absolute so that every group's formula reads the same rows. */
    private static String range(Range detail, int column) {
        return absolute(SheetWriter.cellRef(detail.first(), column)) + ":"
                + absolute(SheetWriter.cellRef(Math.max(detail.first(), detail.last()), column));
    }

    private static String absolute(String cellRef) {
        return cellRef.replaceAll("^([A-Z]+)(\\d+)$", "\\$$1\\$$2");
    }

    @Override
    public List<ReconciliationRow> reconciliation(ReportContext ctx) {
        List<ReconciliationRow> rows = new ArrayList<>();
        ctx.total(TOTAL).ifPresent(cell -> {
            rows.add(new ReconciliationRow(ctx.text("reconciliation.travelExpense"), cell,
                    ctx.ledgerSums().debitLessCredit(List.of(Account.TRAVEL_AND_FELLOWSHIPS), LedgerSums.Period.YEAR),
                    BigDecimal.ZERO));
            rows.add(new ReconciliationRow(ctx.text("reconciliation.travelCash"), cell,
                    ctx.ledgerSums().debitLessCredit(Account.CASH, LedgerSums.Period.YEAR, TravelRequest.SOURCE_TYPE,
                            true).negate(), BigDecimal.ZERO));
        });
        return rows;
    }
}
