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
 * difference. One query for every account, read when the first row asks, and one per kind of record a sheet asks
 * about.
 */
public final class LedgerSums {

    /** The kinds of records that pay cash out of the fund (the receipts' sheets reconcile cash without them). */
    static final List<String> SPENDING = List.of(org.trustfund.travel.TravelRequest.SOURCE_TYPE,
            org.trustfund.expenditure.Expenditure.SOURCE_TYPE, org.trustfund.expenditure.PscCharge.SOURCE_TYPE);

    /** The periods the reconciliation compares. */
    public enum Period { YEAR, TO_YEAR_END, TO_PRIOR_YEAR_END }

    private final Map<Account, BigDecimal[]> byAccount = new EnumMap<>(Account.class);
    /**
     * The same for the lines posted by one kind of record (journal source type), read when a sheet that shows one
     * kind only asks: through the source index, so it reads that kind's journals, not the fund's.
     */
    private final Map<String, Map<Account, BigDecimal[]>> bySource = new java.util.HashMap<>();
    private final EntityManager em;
    private final long fundId;
    private final int year;

    private LedgerSums(EntityManager em, long fundId, int year) {
        this.em = em;
        this.fundId = fundId;
        this.year = year;
    }

    static LedgerSums read(EntityManager em, long fundId, int year) {
        LedgerSums sums = new LedgerSums(em, fundId, year);
        sums.byAccount.putAll(sums.query("", null));
        return sums;
    }

    private Map<Account, BigDecimal[]> query(String where, String sourceType) {
        LocalDate yearStart = LocalDate.of(year, 1, 1);
        jakarta.persistence.Query q = em.createNativeQuery("SELECT l.account,"
                        + " SUM(CASE WHEN j.event_date >= ? THEN l.debit - l.credit ELSE 0 END),"
                        + " SUM(l.debit - l.credit),"
                        + " SUM(CASE WHEN j.event_date < ? THEN l.debit - l.credit ELSE 0 END)"
                        + " FROM journal j JOIN journal_line l ON l.journal_id = j.id"
                        + " WHERE j.fund_id = ? AND j.event_date <= ?" + where + " GROUP BY l.account")
                .setParameter(1, yearStart).setParameter(2, yearStart).setParameter(3, fundId)
                .setParameter(4, LocalDate.of(year, 12, 31));
        if (sourceType != null) {
            q.setParameter(5, sourceType);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        Map<Account, BigDecimal[]> out = new EnumMap<>(Account.class);
        for (Object[] r : rows) {
            out.put(Account.valueOf((String) r[0]), new BigDecimal[] {Sql.decimal(r[1]), Sql.decimal(r[2]), Sql.decimal(r[3])});
        }
        return out;
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
        BigDecimal[] ofSource = bySource.computeIfAbsent(sourceType, t -> query(" AND j.source_type = ?", t)).get(account);
        BigDecimal kind = ofSource == null ? BigDecimal.ZERO : ofSource[period.ordinal()];
        return (only ? kind : debitLessCredit(List.of(account), period).subtract(kind)).setScale(2);
    }

    /**
     * Debits less credits of the lines on {@code account} in the period posted by every kind of record but
     * {@code sourceTypes}: the cash that came in, without what travel, expenditure and PSC paid out.
     */
    public BigDecimal debitLessCreditExcept(Account account, Period period, Collection<String> sourceTypes) {
        BigDecimal total = debitLessCredit(List.of(account), period);
        for (String type : sourceTypes) {
            total = total.subtract(debitLessCredit(account, period, type, true));
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
