package org.trustfund.report;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.trustfund.ledger.Account;
import org.trustfund.ledger.JournalEvent;

/**
 * A fund's ledger summed by account and journal event, in three periods: before the prior year, the prior year and
 * the report's year. One aggregate query; every statement figure of both years comes from it.
 */
public final class LedgerTotals {

    /** Debits less credits per account and event, for one period. */
    private final Map<Account, Map<JournalEvent, BigDecimal>> before = new EnumMap<>(Account.class);
    private final Map<Account, Map<JournalEvent, BigDecimal>> prior = new EnumMap<>(Account.class);
    private final Map<Account, Map<JournalEvent, BigDecimal>> year = new EnumMap<>(Account.class);

    private LedgerTotals() {
    }

    /** The ledger of {@code fundId} up to 31 December of {@code reportYear}. */
    public static LedgerTotals read(EntityManager em, long fundId, int reportYear) {
        LocalDate priorStart = LocalDate.of(reportYear - 1, 1, 1);
        LocalDate yearStart = LocalDate.of(reportYear, 1, 1);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT l.account, j.event_type,"
                        + " SUM(CASE WHEN j.event_date < ? THEN l.debit - l.credit ELSE 0 END),"
                        + " SUM(CASE WHEN j.event_date >= ? AND j.event_date < ? THEN l.debit - l.credit ELSE 0 END),"
                        + " SUM(CASE WHEN j.event_date >= ? THEN l.debit - l.credit ELSE 0 END)"
                        + " FROM journal j FORCE INDEX (ix_journal_fund_date) JOIN journal_line l ON l.journal_id = j.id"
                        + " WHERE j.fund_id = ? AND j.event_date <= ? GROUP BY l.account, j.event_type")
                .setParameter(1, priorStart).setParameter(2, priorStart).setParameter(3, yearStart)
                .setParameter(4, yearStart).setParameter(5, fundId).setParameter(6, LocalDate.of(reportYear, 12, 31))
                .getResultList();
        LedgerTotals t = new LedgerTotals();
        for (Object[] r : rows) {
            Account account = Account.valueOf((String) r[0]);
            JournalEvent event = JournalEvent.valueOf((String) r[1]);
            t.before.computeIfAbsent(account, a -> new EnumMap<>(JournalEvent.class)).put(event, Sql.decimal(r[2]));
            t.prior.computeIfAbsent(account, a -> new EnumMap<>(JournalEvent.class)).put(event, Sql.decimal(r[3]));
            t.year.computeIfAbsent(account, a -> new EnumMap<>(JournalEvent.class)).put(event, Sql.decimal(r[4]));
        }
        return t;
    }

    /** What a line of the statement of financial performance shows for the year (or the prior year). */
    public BigDecimal movement(StatementLine line, boolean priorYear) {
        return signed(line, sum(line, priorYear ? prior : year));
    }

    /**
     * What a line of the statement of financial position shows at the end of the year (or of the prior year); for the
     * fund balance line, the fund balance at that date.
     */
    public BigDecimal balance(StatementLine line, boolean priorYear) {
        BigDecimal b = sum(line, before).add(sum(line, prior));
        return signed(line, priorYear ? b : b.add(sum(line, year)));
    }

    /** The fund balance at the start of the year (or of the prior year). */
    public BigDecimal openingFundBalance(boolean priorYear) {
        BigDecimal b = sum(StatementLine.FUND_BALANCE, before);
        return signed(StatementLine.FUND_BALANCE, priorYear ? b : b.add(sum(StatementLine.FUND_BALANCE, prior)));
    }

    private static BigDecimal sum(StatementLine line, Map<Account, Map<JournalEvent, BigDecimal>> period) {
        BigDecimal total = BigDecimal.ZERO;
        for (Account a : line.accounts()) {
            for (Map.Entry<JournalEvent, BigDecimal> e : period.getOrDefault(a, Map.of()).entrySet()) {
                if (line.takes(a, e.getKey())) {
                    total = total.add(e.getValue());
                }
            }
        }
        return total;
    }

    private static BigDecimal signed(StatementLine line, BigDecimal debitLessCredit) {
        return (line.section().isDebitNormal() ? debitLessCredit : debitLessCredit.negate()).setScale(2);
    }
}
