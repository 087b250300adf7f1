package org.trustfund.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trustfund.intermediary.IntermediaryTransfer;
import org.trustfund.ledger.Account;
import org.trustfund.money.CurrencyUnits;
import org.trustfund.spreadsheet.RowWriter;
import org.trustfund.spreadsheet.SheetWriter;
import org.trustfund.spreadsheet.XlsxWriter;

/**
 * Sheet "Intermediaries": each transfer received in the year with its gross, fees and net in its currency and in US
 * dollars (the net ties to the cash and contribution revenue the transfers posted); the original givers of those
 * transfers, anonymous ones and those who asked not to be named never named; and, apart and in no total, the gifts
 * reported by 31 December but not yet received. A reversal is its own negative row dated when it took effect.
 */
@ApplicationScoped
public class IntermediarySection implements AnnualReportSection {

    static final String NET = "transfers.netUsd";
    static final String GROSS = "transfers.grossUsd";
    static final String FEES = "transfers.feesUsd";
    private static final int GROSS_USD = 11;
    private static final int KIND = 14;

    @Override
    public int order() {
        return 64;
    }

    @Override
    public String sheetName(Locale locale) {
        return ReportContext.texts(locale).getString("sheet.intermediaries");
    }

    /** One row: a transfer received, or (reversal) the undoing of one. */
    public record TransferRow(long id, LocalDate date, String intermediary, String statementReference,
            String bankReference, String currency, BigDecimal gross, BigDecimal fees, BigDecimal net,
            BigDecimal unitsPerUsd, LocalDate rateDate, BigDecimal usdGross, BigDecimal usdFees, BigDecimal usdNet,
            boolean reversal, LocalDate receivedDate) {
    }

    /** A gift passed on, as the report may show it: the giver's name only when they may be named. */
    public record GiftRow(long transferId, String channel, String giver, String giverKind, LocalDate givenDate,
            String currency, BigDecimal amount, BigDecimal usd) {
    }

    public static List<TransferRow> read(ReportContext ctx) {
        List<TransferRow> out = new ArrayList<>();
        for (boolean reversals : new boolean[] {false, true}) {
            String date = reversals ? "DATE(t.reversed_at)" : "t.received_date";
            String where = reversals ? "t.status = 'REVERSED' AND DATE(t.reversed_at) BETWEEN ? AND ?"
                    : "t.status IN ('CERTIFIED', 'REVERSED') AND t.received_date BETWEEN ? AND ?";
            @SuppressWarnings("unchecked")
            List<Object[]> rows = ctx.em().createNativeQuery("SELECT t.id, " + date + ", d.name, t.statement_reference,"
                            + " t.bank_reference, t.currency, t.gross, t.fees, t.net, t.units_per_usd, r.effective_date,"
                            + " t.usd_gross, t.usd_fees, t.usd_net, t.received_date FROM intermediary_transfer t"
                            + " JOIN intermediary i ON i.id = t.intermediary_id JOIN donor d ON d.id = i.donor_id"
                            + " LEFT JOIN exchange_rate r ON r.id = t.rate_id"
                            + " WHERE t.fund_id = ? AND " + where + " ORDER BY " + date + ", t.id")
                    .setParameter(1, ctx.fundId()).setParameter(2, ctx.yearStart()).setParameter(3, ctx.yearEnd())
                    .getResultList();
            for (Object[] r : rows) {
                BigDecimal sign = reversals ? BigDecimal.ONE.negate() : BigDecimal.ONE;
                out.add(new TransferRow(Sql.integer(r[0]), Sql.date(r[1]), (String) r[2], (String) r[3], (String) r[4],
                        (String) r[5], Sql.decimal(r[6]).multiply(sign), Sql.decimal(r[7]).multiply(sign),
                        Sql.decimal(r[8]).multiply(sign), Sql.decimal(r[9]), Sql.date(r[10]),
                        Sql.decimal(r[11]).setScale(2).multiply(sign), Sql.decimal(r[12]).setScale(2).multiply(sign),
                        Sql.decimal(r[13]).setScale(2).multiply(sign), reversals, Sql.date(r[14])));
            }
        }
        return out;
    }

    /**
     * The gifts of the transfers received in the year; {@code creditedAtYearEnd} keeps only those whose transfer was
     * not reversed by 31 December (the soft credits of the year, which a later reversal does not change).
     */
    public static List<GiftRow> gifts(ReportContext ctx, boolean creditedAtYearEnd) {
        jakarta.persistence.Query query = ctx.em().createNativeQuery("SELECT t.id, d.name, g.giver_name, g.anonymous,"
                        + " g.publicly_named, g.giver_kind, g.given_date, t.currency, g.amount, g.usd_amount"
                        + " FROM transfer_gift g JOIN intermediary_transfer t ON t.id = g.transfer_id"
                        + " JOIN intermediary i ON i.id = t.intermediary_id JOIN donor d ON d.id = i.donor_id"
                        + " WHERE t.fund_id = ? AND t.received_date BETWEEN ? AND ?"
                        + (creditedAtYearEnd ? " AND (t.status = 'CERTIFIED' OR (t.status = 'REVERSED' AND DATE(t.reversed_at) > ?))"
                                : " AND t.status IN ('CERTIFIED', 'REVERSED')")
                        + " ORDER BY t.received_date, t.id, g.seq")
                .setParameter(1, ctx.fundId()).setParameter(2, ctx.yearStart()).setParameter(3, ctx.yearEnd());
        if (creditedAtYearEnd) {
            query.setParameter(4, ctx.yearEnd());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<GiftRow> out = new ArrayList<>();
        for (Object[] r : rows) {
            String giver = Sql.bool(r[3]) ? ctx.text("giver.anonymous")
                    : Sql.bool(r[4]) ? (String) r[2] : ctx.text("giver.notNamed");
            out.add(new GiftRow(Sql.integer(r[0]), (String) r[1], giver, ctx.text("giverKind." + r[5]), Sql.date(r[6]),
                    (String) r[7], Sql.decimal(r[8]), r[9] == null ? BigDecimal.ZERO.setScale(2) : Sql.decimal(r[9]).setScale(2)));
        }
        return out;
    }

    @Override
    public void write(ReportContext ctx, XlsxWriter xlsx) {
        SheetWriter sheet = xlsx.sheet(sheetName(ctx.locale()));
        ctx.heading(sheet, "intermediaries.title");
        sheet.row().bold(ctx.text("intermediaries.transfers"));
        sheet.header(ctx.text("column.date"), ctx.text("column.transfer"), ctx.text("column.intermediary"),
                ctx.text("column.statementReference"), ctx.text("column.bankReference"), ctx.text("column.currency"),
                ctx.text("column.gross"), ctx.text("column.fees"), ctx.text("column.net"), ctx.text("column.rate"),
                ctx.text("column.rateDate"), ctx.text("column.grossUsd"), ctx.text("column.feesUsd"),
                ctx.text("column.netUsd"), ctx.text("column.kind"));
        int first = sheet.nextRow();
        BigDecimal[] totals = {BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)};
        BigDecimal receiptsGross = BigDecimal.ZERO.setScale(2);
        String receipt = ctx.text("intermediaries.receipt");
        for (TransferRow t : read(ctx)) {
            totals[0] = totals[0].add(t.usdGross());
            totals[1] = totals[1].add(t.usdFees());
            totals[2] = totals[2].add(t.usdNet());
            if (!t.reversal()) {
                receiptsGross = receiptsGross.add(t.usdGross());
            }
            if (t.rateDate() != null) {
                ctx.rateUsed(t.currency(), t.rateDate(), t.unitsPerUsd(), "rates.use.transfers");
            }
            int units = CurrencyUnits.of(t.currency());
            sheet.row().date(t.date()).integer(t.id()).text(t.intermediary()).text(t.statementReference())
                    .text(t.bankReference()).text(t.currency()).amount(t.gross(), units).amount(t.fees(), units)
                    .amount(t.net(), units).rate(t.unitsPerUsd()).date(t.rateDate()).usd(t.usdGross())
                    .usd(t.usdFees()).usd(t.usdNet()).text(t.reversal()
                            ? ctx.text("intermediaries.reversal", t.receivedDate().toString()) : receipt);
        }
        int last = sheet.nextRow() - 1;
        RowWriter total = sheet.row().bold(ctx.text("column.total")).skipTo(GROSS_USD);
        String[] keys = {GROSS, FEES, NET};
        for (int i = 0; i < 3; i++) {
            int column = GROSS_USD + i;
            total.formulaTotal(last < first ? "0" : "SUM(" + SheetWriter.cellRef(first, column) + ":"
                    + SheetWriter.cellRef(last, column) + ")", totals[i]);
            ctx.total(keys[i], sheet, total.rowIndex(), column, totals[i]);
        }

        sheet.blankRow();
        sheet.row().bold(ctx.text("intermediaries.givers"));
        sheet.header(ctx.text("column.transfer"), ctx.text("column.intermediary"), ctx.text("column.giver"),
                ctx.text("column.giverKind"), ctx.text("column.givenDate"), ctx.text("column.currency"),
                ctx.text("column.amount"), ctx.text("column.usd"));
        int firstGift = sheet.nextRow();
        BigDecimal giftsUsd = BigDecimal.ZERO.setScale(2);
        for (GiftRow g : gifts(ctx, false)) {
            giftsUsd = giftsUsd.add(g.usd());
            sheet.row().integer(g.transferId()).text(g.channel()).text(g.giver()).text(g.giverKind()).date(g.givenDate())
                    .text(g.currency()).amount(g.amount(), CurrencyUnits.of(g.currency())).usd(g.usd());
        }
        int lastGift = sheet.nextRow() - 1;
        RowWriter giftTotal = sheet.row().bold(ctx.text("intermediaries.giversTotal")).skipTo(7);
        giftTotal.formulaTotal(lastGift < firstGift ? "0" : "SUM(" + SheetWriter.cellRef(firstGift, 7) + ":"
                + SheetWriter.cellRef(lastGift, 7) + ")", giftsUsd);
        // The gifts must add up to the gross of the transfers received (reversal rows aside): a check any reader can redo.
        String grossOfReceipts = last < first ? "0" : "SUMIF(" + SheetWriter.cellRef(first, KIND) + ":"
                + SheetWriter.cellRef(last, KIND) + ",\"" + receipt.replace("\"", "\"\"") + "\","
                + SheetWriter.cellRef(first, GROSS_USD) + ":" + SheetWriter.cellRef(last, GROSS_USD) + ")";
        sheet.row().bold(ctx.text("intermediaries.giversCheck")).skipTo(7).formulaTotal(
                SheetWriter.cellRef(giftTotal.rowIndex(), 7) + "-" + grossOfReceipts, giftsUsd.subtract(receiptsGross));

        sheet.blankRow();
        pending(ctx, sheet);
    }

    /** Gifts an intermediary had reported by 31 December but not sent by then: shown, never income, in no total. */
    private static void pending(ReportContext ctx, SheetWriter sheet) {
        sheet.row().bold(ctx.text("intermediaries.pending"));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = ctx.em().createNativeQuery("SELECT t.id, d.name, t.statement_reference, DATE(t.recorded_at),"
                        + " t.currency, t.gross, t.fees, (SELECT COUNT(*) FROM transfer_gift g WHERE g.transfer_id = t.id)"
                        + " FROM intermediary_transfer t JOIN intermediary i ON i.id = t.intermediary_id"
                        + " JOIN donor d ON d.id = i.donor_id"
                        + " WHERE t.fund_id = ? AND DATE(t.recorded_at) <= ?"
                        + " AND (t.received_date IS NULL OR t.received_date > ?)"
                        + " AND NOT (t.status = 'REVERSED' AND DATE(t.reversed_at) <= ?)"
                        + " ORDER BY t.recorded_at, t.id")
                .setParameter(1, ctx.fundId()).setParameter(2, ctx.yearEnd()).setParameter(3, ctx.yearEnd())
                .setParameter(4, ctx.yearEnd()).getResultList();
        if (rows.isEmpty()) {
            sheet.line(ctx.text("intermediaries.pendingNone"));
            return;
        }
        sheet.header(ctx.text("column.transfer"), ctx.text("column.intermediary"), ctx.text("column.statementReference"),
                ctx.text("column.recordedOn"), ctx.text("column.currency"), ctx.text("column.gross"),
                ctx.text("column.fees"), ctx.text("column.gifts"));
        for (Object[] r : rows) {
            int units = CurrencyUnits.of((String) r[4]);
            sheet.row().integer(Sql.integer(r[0])).text((String) r[1]).text((String) r[2]).date(Sql.date(r[3]))
                    .text((String) r[4]).amount(Sql.decimal(r[5]), units).amount(Sql.decimal(r[6]), units)
                    .integer(Sql.integer(r[7]));
        }
    }

    @Override
    public List<ReconciliationRow> reconciliation(ReportContext ctx) {
        List<ReconciliationRow> rows = new ArrayList<>();
        ctx.total(NET).ifPresent(cell -> {
            rows.add(new ReconciliationRow(ctx.text("reconciliation.transfersCash"), cell,
                    ctx.ledgerSums().debitLessCredit(Account.CASH, LedgerSums.Period.YEAR,
                            IntermediaryTransfer.SOURCE_TYPE, true), BigDecimal.ZERO));
            rows.add(new ReconciliationRow(ctx.text("reconciliation.transfersRevenue"), cell,
                    ctx.ledgerSums().debitLessCredit(Account.CONTRIBUTION_REVENUE, LedgerSums.Period.YEAR,
                            IntermediaryTransfer.SOURCE_TYPE, true).negate(), BigDecimal.ZERO));
        });
        return rows;
    }
}
