package org.trustfund.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.trustfund.expenditure.Expenditure;
import org.trustfund.expenditure.ExpenditureCategory;
import org.trustfund.ledger.Account;
import org.trustfund.ledger.JournalEvent;
import org.trustfund.money.CurrencyUnits;
import org.trustfund.spreadsheet.RowWriter;
import org.trustfund.spreadsheet.SheetWriter;
import org.trustfund.spreadsheet.XlsxWriter;

/**
 * Sheet "Expenditure": the other expenditure certified in the year (a reversal is a negative row dated when it took
 * effect), read from the journals that posted it, with its original currency and rate; the totals by category as
 * formulas over those rows; then the programme support cost charged in the year, each charge with the base and rate
 * it used. Both totals are reconciled to the ledger.
 */
@ApplicationScoped
public class ExpenditureSection implements AnnualReportSection {

    static final String TOTAL = "expenditure.totalUsd";
    static final String PSC = "expenditure.pscUsd";
    private static final int CATEGORY = 2;
    private static final int USD = 8;
    private static final int PSC_AMOUNT = 6;

    @Override
    public int order() {
        return 67;
    }

    @Override
    public String sheetName(Locale locale) {
        return ReportContext.texts(locale).getString("sheet.expenditure");
    }

    /** One certified expense, or (reversal) its undoing. */
    public record ExpenseRow(LocalDate date, long id, String category, String reference, String description,
            String currency, BigDecimal amount, BigDecimal unitsPerUsd, LocalDate rateDate, BigDecimal usd,
            boolean reversal) {
    }

    /** One programme support cost charge posted in the year, or the reversal of one. */
    public record PscRow(LocalDate date, long id, int year, BigDecimal base, BigDecimal rate, BigDecimal due,
            BigDecimal amount, Long reverses) {
    }

    public static List<ExpenseRow> expenses(ReportContext ctx) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = ctx.em().createNativeQuery("SELECT j.event_date, j.event_type, x.id, x.category,"
                        + " x.reference, x.description, x.currency, x.amount, x.units_per_usd, l.credit - l.debit,"
                        + " r.effective_date FROM journal j JOIN journal_line l ON l.journal_id = j.id AND l.account = ?"
                        + " JOIN other_expenditure x ON x.id = j.source_id LEFT JOIN exchange_rate r ON r.id = x.rate_id"
                        + " WHERE j.fund_id = ? AND j.source_type = ? AND j.event_type IN (?, ?)"
                        + " AND j.event_date BETWEEN ? AND ? ORDER BY j.event_date, j.id")
                .setParameter(1, Account.CASH.name()).setParameter(2, ctx.fundId())
                .setParameter(3, Expenditure.SOURCE_TYPE).setParameter(4, JournalEvent.EXPENDITURE_CERTIFIED.name())
                .setParameter(5, JournalEvent.EXPENDITURE_REVERSED.name()).setParameter(6, ctx.yearStart())
                .setParameter(7, ctx.yearEnd()).getResultList();
        List<ExpenseRow> out = new ArrayList<>();
        for (Object[] r : rows) {
            boolean reversal = JournalEvent.EXPENDITURE_REVERSED.name().equals(r[1]);
            BigDecimal amount = Sql.decimal(r[7]);
            out.add(new ExpenseRow(Sql.date(r[0]), Sql.integer(r[2]), ctx.text("expenseCategory." + r[3]),
                    (String) r[4], (String) r[5], (String) r[6], reversal ? amount.negate() : amount, Sql.decimal(r[8]),
                    Sql.date(r[10]), Sql.decimal(r[9]).setScale(2), reversal));
        }
        return out;
    }

    public static List<PscRow> pscCharges(ReportContext ctx) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = ctx.em().createNativeQuery("SELECT charge_date, id, year, base_usd, rate, due_usd,"
                        + " amount_usd, reverses_id FROM psc_charge WHERE fund_id = ? AND charge_date BETWEEN ? AND ?"
                        + " ORDER BY charge_date, id")
                .setParameter(1, ctx.fundId()).setParameter(2, ctx.yearStart()).setParameter(3, ctx.yearEnd())
                .getResultList();
        List<PscRow> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new PscRow(Sql.date(r[0]), Sql.integer(r[1]), (int) Sql.integer(r[2]),
                    Sql.decimal(r[3]).setScale(2), Sql.decimal(r[4]), Sql.decimal(r[5]).setScale(2),
                    Sql.decimal(r[6]).setScale(2), r[7] == null ? null : Sql.integer(r[7])));
        }
        return out;
    }

    @Override
    public void write(ReportContext ctx, XlsxWriter xlsx) {
        SheetWriter sheet = xlsx.sheet(sheetName(ctx.locale()));
        ctx.heading(sheet, "expenditure.title");
        List<ExpenseRow> expenses = expenses(ctx);
        sheet.header(ctx.text("column.date"), ctx.text("column.expenditure"), ctx.text("column.category"),
                ctx.text("column.reference"), ctx.text("column.description"), ctx.text("column.currency"),
                ctx.text("column.amount"), ctx.text("column.rate"), ctx.text("column.usd"), ctx.text("column.kind"));
        int first = sheet.nextRow();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (ExpenseRow x : expenses) {
            total = total.add(x.usd());
            if (x.rateDate() != null) {
                ctx.rateUsed(x.currency(), x.rateDate(), x.unitsPerUsd(), "rates.use.expenditure");
            }
            sheet.row().date(x.date()).integer(x.id()).text(x.category()).text(x.reference()).text(x.description())
                    .text(x.currency()).amount(x.amount(), CurrencyUnits.of(x.currency())).rate(x.unitsPerUsd())
                    .usd(x.usd()).text(ctx.text(x.reversal() ? "expenditure.reversal" : "expenditure.certified"));
        }
        int last = sheet.nextRow() - 1;
        RowWriter totalRow = sheet.row().bold(ctx.text("expenditure.total")).skipTo(USD);
        totalRow.formulaTotal(last < first ? "0" : "SUM(" + SheetWriter.cellRef(first, USD) + ":"
                + SheetWriter.cellRef(last, USD) + ")", total);
        ctx.total(TOTAL, sheet, totalRow.rowIndex(), USD, total);

        sheet.blankRow();
        sheet.row().bold(ctx.text("expenditure.byCategory"));
        sheet.header(ctx.text("column.category"), ctx.text("column.usd"));
        Map<String, BigDecimal> byCategory = new TreeMap<>();
        for (ExpenditureCategory c : ExpenditureCategory.values()) {
            byCategory.put(ctx.text("expenseCategory." + c.name()), BigDecimal.ZERO.setScale(2));
        }
        expenses.forEach(x -> byCategory.merge(x.category(), x.usd(), BigDecimal::add));
        String categories = "$" + colRow(first, CATEGORY) + ":$" + colRow(Math.max(first, last), CATEGORY);
        String amounts = "$" + colRow(first, USD) + ":$" + colRow(Math.max(first, last), USD);
        int groupFirst = sheet.nextRow();
        for (Map.Entry<String, BigDecimal> c : byCategory.entrySet()) {
            RowWriter row = sheet.row().text(c.getKey());
            row.formula(last < first ? "0" : "SUMIF(" + categories + "," + SheetWriter.cellRef(row.rowIndex(), 0) + ","
                    + amounts + ")", c.getValue());
        }
        int groupLast = sheet.nextRow() - 1;
        sheet.row().bold(ctx.text("column.total")).formulaTotal("SUM(" + SheetWriter.cellRef(groupFirst, 1) + ":"
                + SheetWriter.cellRef(groupLast, 1) + ")", total);

        sheet.blankRow();
        sheet.row().bold(ctx.text("expenditure.psc"));
        sheet.header(ctx.text("column.date"), ctx.text("column.charge"), ctx.text("column.year"),
                ctx.text("column.pscBase"), ctx.text("column.pscRate"), ctx.text("column.pscDue"),
                ctx.text("column.usd"), ctx.text("column.kind"));
        int pscFirst = sheet.nextRow();
        BigDecimal psc = BigDecimal.ZERO.setScale(2);
        for (PscRow c : pscCharges(ctx)) {
            psc = psc.add(c.amount());
            sheet.row().date(c.date()).integer(c.id()).integer(c.year()).usd(c.base()).rate(c.rate()).usd(c.due())
                    .usd(c.amount()).text(c.reverses() == null ? ctx.text("expenditure.pscCharge")
                            : ctx.text("expenditure.pscReversal", String.valueOf(c.reverses())));
        }
        int pscLast = sheet.nextRow() - 1;
        RowWriter pscRow = sheet.row().bold(ctx.text("expenditure.pscTotal")).skipTo(PSC_AMOUNT);
        pscRow.formulaTotal(pscLast < pscFirst ? "0" : "SUM(" + SheetWriter.cellRef(pscFirst, PSC_AMOUNT) + ":"
                + SheetWriter.cellRef(pscLast, PSC_AMOUNT) + ")", psc);
        ctx.total(PSC, sheet, pscRow.rowIndex(), PSC_AMOUNT, psc);
    }

    /** "C12" as "C$12": the column free, the row fixed (the caller adds the column's $). */
    private static String colRow(int row, int column) {
        return SheetWriter.cellRef(row, column).replaceAll("^([A-Z]+)(\\d+)$", "$1\\$$2");
    }

    @Override
    public List<ReconciliationRow> reconciliation(ReportContext ctx) {
        List<ReconciliationRow> rows = new ArrayList<>();
        ctx.total(TOTAL).ifPresent(cell -> {
            List<Account> accounts = java.util.Arrays.stream(ExpenditureCategory.values())
                    .map(ExpenditureCategory::account).toList();
            rows.add(new ReconciliationRow(ctx.text("reconciliation.expenditureExpense"), cell,
                    ctx.ledgerSums().debitLessCredit(accounts, LedgerSums.Period.YEAR), BigDecimal.ZERO));
            rows.add(new ReconciliationRow(ctx.text("reconciliation.expenditureCash"), cell,
                    ctx.ledgerSums().debitLessCredit(Account.CASH, LedgerSums.Period.YEAR, Expenditure.SOURCE_TYPE,
                            true).negate(), BigDecimal.ZERO));
        });
        ctx.total(PSC).ifPresent(cell -> rows.add(new ReconciliationRow(ctx.text("reconciliation.psc"), cell,
                ctx.ledgerSums().debitLessCredit(List.of(Account.PROGRAMME_SUPPORT_COSTS), LedgerSums.Period.YEAR),
                BigDecimal.ZERO)));
        return rows;
    }
}
