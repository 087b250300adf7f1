package org.trustfund.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.trustfund.money.CurrencyUnits;
import org.trustfund.spreadsheet.RowWriter;
import org.trustfund.spreadsheet.SheetWriter;
import org.trustfund.spreadsheet.XlsxWriter;

/**
 * The trial balance and the journal list as xlsx, written with {@link XlsxWriter}: a title, the filter on top,
 * a header row, then the rows (journal lines streamed from {@link JournalService#forEachLine}, so an export of a
 * whole year keeps a bounded heap). Labels come from {@code text}, a lookup in the caller's language (the web
 * module's resource bundles); keys are listed in the ledger bundle under {@code led.xlsx.*}, {@code led.account.*},
 * {@code led.kind.*}, {@code led.side.*} and {@code led.event.*}.
 */
public final class LedgerWorkbooks {

    /** The trial balance's columns, for the totals' formulas. */
    static final int OPENING = 3;
    static final int CLOSING = 6;

    private LedgerWorkbooks() {
    }

    /**
     * One sheet: each account with its opening balance, the period's debits and credits, the closing balance as
     * a formula (opening + debits − credits) and on its normal side; totals as SUM formulas.
     */
    public static void trialBalance(TrialBalanceReport report, Function<String, String> text, String generatedBy,
            Instant generatedAt, OutputStream out) throws IOException {
        String title = text.apply("led.xlsx.tb.title") + " " + report.fundCode() + " " + report.from() + " – "
                + report.to();
        try (XlsxWriter xlsx = XlsxWriter.create()) {
            xlsx.properties(title, text.apply("led.xlsx.tb.title"), generatedBy, "trial balance");
            SheetWriter sheet = xlsx.sheet(text.apply("led.xlsx.tb.sheet"));
            sheet.title(title);
            sheet.line(text.apply("led.xlsx.fund") + ": " + report.fundCode() + " – " + report.fundName());
            sheet.line(text.apply("led.xlsx.period") + ": " + report.from() + " – " + report.to());
            sheet.line(text.apply("led.xlsx.tb.signs"));
            sheet.line(text.apply("led.xlsx.generated") + ": " + generatedAt.toString().replace('T', ' ')
                    .replaceAll("\\.\\d+", "") + " (UTC), " + generatedBy);
            sheet.blankRow();
            sheet.header(text.apply("led.tb.account"), text.apply("led.tb.kind"), text.apply("led.tb.normalSide"),
                    text.apply("led.tb.opening"), text.apply("led.tb.debits"), text.apply("led.tb.credits"),
                    text.apply("led.tb.closing"), text.apply("led.tb.closingNormal"));
            int firstRow = sheet.nextRow();
            for (TrialBalanceRow r : report.rows()) {
                RowWriter row = sheet.row();
                int i = row.rowIndex();
                row.text(text.apply("led.account." + r.account().name()))
                        .text(text.apply("led.kind." + r.kind().name()))
                        .text(text.apply("led.side." + r.normalSide()))
                        .usd(r.opening()).usd(r.debits()).usd(r.credits())
                        .formula(ref(i, OPENING) + "+" + ref(i, OPENING + 1) + "-" + ref(i, OPENING + 2), r.closing())
                        .formula((r.account().isDebitNormal() ? "" : "-") + ref(i, CLOSING), r.closingOnNormalSide());
            }
            int lastRow = sheet.nextRow() - 1;
            RowWriter total = sheet.row().bold(text.apply("led.tb.total")).blank().blank();
            total.formulaTotal(sum(firstRow, lastRow, OPENING), report.totalOpening())
                    .formulaTotal(sum(firstRow, lastRow, OPENING + 1), report.totalDebits())
                    .formulaTotal(sum(firstRow, lastRow, OPENING + 2), report.totalCredits())
                    .formulaTotal(sum(firstRow, lastRow, CLOSING), report.totalClosing());
            sheet.print(report.fundCode() + " · " + report.from() + " – " + report.to());
            xlsx.write(out);
        }
    }

    /**
     * One sheet: every line of the journals the query selects, in its order, each with its journal's date, id,
     * event, donor, description, source and who posted it; the filter written above the table.
     */
    public static void journals(JournalService journals, JournalQuery query, List<String> filterLines,
            Function<String, String> text, String generatedBy, Instant generatedAt, OutputStream out)
            throws IOException {
        String title = text.apply("led.xlsx.journals.title");
        try (XlsxWriter xlsx = XlsxWriter.create()) {
            xlsx.properties(title, title, generatedBy, "journals");
            SheetWriter sheet = xlsx.sheet(text.apply("led.xlsx.journals.sheet"));
            sheet.title(title);
            filterLines.forEach(sheet::line);
            sheet.line(text.apply("led.xlsx.generated") + ": " + generatedAt.toString().replace('T', ' ')
                    .replaceAll("\\.\\d+", "") + " (UTC), " + generatedBy);
            sheet.blankRow();
            sheet.header(text.apply("led.j.date"), text.apply("led.j.id"), text.apply("led.j.event"),
                    text.apply("led.j.fund"), text.apply("led.j.donor"), text.apply("led.j.description"),
                    text.apply("led.line.account"), text.apply("led.line.debit"), text.apply("led.line.credit"),
                    text.apply("led.line.currency"), text.apply("led.line.currencyAmount"), text.apply("led.line.pledge"),
                    text.apply("led.j.source"), text.apply("led.j.postedBy"), text.apply("led.j.postedAt"));
            journals.forEachLine(query, r -> {
                    JournalSummary j = r.journal();
                    JournalLineView l = r.line();
                    RowWriter row = sheet.row().date(j.eventDate()).integer(j.id())
                            .text(text.apply("led.event." + j.event().name())).text(j.fundCode()).text(j.donorName())
                            .text(j.description()).text(text.apply("led.account." + l.account().name()))
                            .usd(l.debit()).usd(l.credit()).text(l.currency());
                    if (l.currencyAmount() == null) {
                        row.blank();
                    } else {
                        row.amount(l.currencyAmount(), digits(l.currency()));
                    }
                    if (l.pledgeId() == null) {
                        row.blank();
                    } else {
                        row.integer(l.pledgeId());
                    }
                    row.text(j.sourceType() + " " + j.sourceId()).text(j.postedBy()).timestamp(j.postedAt());
                });
            sheet.print(title);
            xlsx.write(out);
        }
    }

    /**
     * The filter of a journal list in words, one line per filter set ("Fund: IGF"), for the top of its export.
     *
     * @param fundCode the code of the query's fund, or null when the query names none
     * @param donorName the name of the query's donor, or null
     */
    public static List<String> filterLines(JournalQuery q, String fundCode, String donorName,
            Function<String, String> text) {
        List<String> lines = new ArrayList<>();
        String all = text.apply("led.xlsx.filter.all");
        lines.add(text.apply("led.xlsx.fund") + ": " + (fundCode == null ? all : fundCode));
        lines.add(text.apply("led.xlsx.account") + ": "
                + (q.account() == null ? all : text.apply("led.account." + q.account().name())));
        lines.add(text.apply("led.xlsx.donor") + ": " + (donorName == null ? all : donorName));
        lines.add(text.apply("led.xlsx.event") + ": "
                + (q.event() == null ? all : text.apply("led.event." + q.event().name())));
        lines.add(text.apply("led.xlsx.from") + ": " + (q.from() == null ? all : q.from().toString()));
        lines.add(text.apply("led.xlsx.to") + ": " + (q.to() == null ? all : q.to().toString()));
        lines.add(text.apply("led.xlsx.sort") + ": " + text.apply("led.sort." + q.sort().name()) + " "
                + text.apply(q.descending() ? "led.sort.descending" : "led.sort.ascending"));
        return lines;
    }

    private static int digits(String currency) {
        try {
            return CurrencyUnits.of(currency);
        } catch (RuntimeException e) {
            return 4; // as stored: a currency no longer known still shows every digit kept
        }
    }

    private static String ref(int row, int column) {
        return SheetWriter.cellRef(row, column);
    }

    private static String sum(int firstRow, int lastRow, int column) {
        return "SUM(" + ref(firstRow, column) + ":" + ref(lastRow, column) + ")";
    }
}
