package org.trustfund.report;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.trustfund.ledger.Account;

/**
 * The reconciliation's side of the ledger: balances per account read by a query of their own, independent of the
 * aggregate the sheets are written from (no split by event, no statement lines), so a mistake in either shows as a
 * difference. One query for every reconciliation row, read when the first row asks.
 */
public final class LedgerSums {

    /** The periods the reconciliation compares. */
    public enum Period { YEAR, TO_YEAR_END, TO_PRIOR_YEAR_END }

    private final Map<Account, BigDecimal[]> byAccount = new EnumMap<>(Account.class);
    /** The same, by the kind of record that posted (journal source type), for sheets that show one kind only. */
    private final Map<Account, Map<String, BigDecimal[]>> bySource = new EnumMap<>(Account.class);

    private LedgerSums() {
    }

    static LedgerSums read(EntityManager em, long fundId, int year) {
        LocalDate yearStart = LocalDate.of(year, 1, 1);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT l.account, COALESCE(j.source_type, ''),"
                        + " SUM(CASE WHEN j.event_date >= ? THEN l.debit - l.credit ELSE 0 END),"
                        + " SUM(l.debit - l.credit),"
                        + " SUM(CASE WHEN j.event_date < ? THEN l.debit - l.credit ELSE 0 END)"
                        + " FROM journal j JOIN journal_line l ON l.journal_id = j.id"
                        + " WHERE j.fund_id = ? AND j.event_date <= ? GROUP BY l.account, COALESCE(j.source_type, '')")
                .setParameter(1, yearStart).setParameter(2, yearStart).setParameter(3, fundId)
                .setParameter(4, LocalDate.of(year, 12, 31)).getResultList();
        LedgerSums sums = new LedgerSums();
        for (Object[] r : rows) {
            Account account = Account.valueOf((String) r[0]);
            BigDecimal[] v = {Sql.decimal(r[2]), Sql.decimal(r[3]), Sql.decimal(r[4])};
            sums.bySource.computeIfAbsent(account, a -> new java.util.HashMap<>()).put((String) r[1], v);
            BigDecimal[] all = sums.byAccount.computeIfAbsent(account,
                    a -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            for (int i = 0; i < all.length; i++) {
                all[i] = all[i].add(v[i]);
            }
        }
        return sums;
    }

    /** Debits less credits of the fund's lines on {@code accounts} in the period. */
    public BigDecimal debitLessCredit(Collection<Account> accounts, Period period) {
        BigDecimal total = BigDecimal.ZERO;
        for (Account a : accounts) {
            BigDecimal[] v = byAccount.get(a);
            if (v != null) {
                total = total.add(v[period.ordinal()]);
            }
        }
        return total.setScale(2);
    }

    /**
     * Debits less credits of the lines on {@code account} in the period posted by records of {@code sourceType}
     * ({@code only}) or by every other kind of record ({@code !only}).
     */
    public BigDecimal debitLessCredit(Account account, Period period, String sourceType, boolean only) {
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal[]> e : bySource.getOrDefault(account, Map.of()).entrySet()) {
            if (e.getKey().equals(sourceType) == only) {
                total = total.add(e.getValue()[period.ordinal()]);
            }
        }
        return total.setScale(2);
    }

    public BigDecimal creditLessDebit(Collection<Account> accounts, Period period) {
        return debitLessCredit(accounts, period).negate();
    }

    static java.util.Set<Account> ofKind(Account.Kind... kinds) {
        java.util.Set<Account> out = java.util.EnumSet.noneOf(Account.class);
        for (Account a : Account.values()) {
            for (Account.Kind k : kinds) {
                if (a.kind() == k) {
                    out.add(a);
                }
            }
        }
        return out;
    }
}
