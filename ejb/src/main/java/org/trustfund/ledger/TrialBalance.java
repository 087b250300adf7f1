package org.trustfund.ledger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.trustfund.reference.Fund;
import org.trustfund.security.Roles;

/**
 * A fund's trial balance for a period, read from the ledger with one SQL aggregate: for each account, the
 * balance brought forward, the period's debits and credits, and the balance carried forward.
 */
@Stateless
@RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR})
public class TrialBalance {

    /*
     * One pass over the fund's journals up to the period's end (ix_journal_fund_date), each joined to its lines:
     * what is dated before the period is the opening balance, the rest the period's movements.
     */
    private static final String AGGREGATE = "SELECT l.account,"
            + " SUM(CASE WHEN j.event_date < ? THEN l.debit - l.credit ELSE 0 END),"
            + " SUM(CASE WHEN j.event_date >= ? THEN l.debit ELSE 0 END),"
            + " SUM(CASE WHEN j.event_date >= ? THEN l.credit ELSE 0 END)"
            + " FROM journal j FORCE INDEX (ix_journal_fund_date) JOIN journal_line l ON l.journal_id = j.id"
            + " WHERE j.fund_id = ? AND j.event_date <= ? GROUP BY l.account";

    private static final BigDecimal NONE = new BigDecimal("0.00");

    @PersistenceContext
    private EntityManager em;

    private final Clock clock;

    public TrialBalance() {
        this.clock = Clock.systemUTC();
    }

    /** For use outside the container (tests, the benchmark). */
    public TrialBalance(EntityManager em) {
        this.em = em;
        this.clock = Clock.systemUTC();
    }

    /**
     * @param from first day of the period; null for 1 January of the current year
     * @param to last day of the period; null for today
     * @throws org.trustfund.platform.BusinessException {@code fund.unknown}, {@code ledger.period.reversed}
     */
    public TrialBalanceReport of(long fundId, LocalDate from, LocalDate to) {
        LocalDate start = from == null ? LedgerPeriod.defaultFrom(clock) : from;
        LocalDate end = to == null ? LedgerPeriod.defaultTo(clock) : to;
        LedgerPeriod.requireOrdered(start, end);
        Fund fund = LedgerPeriod.requireFund(em, fundId);
        @SuppressWarnings("unchecked")
        List<Object[]> sums = em.createNativeQuery(AGGREGATE)
                .setParameter(1, start)
                .setParameter(2, start)
                .setParameter(3, start)
                .setParameter(4, fundId)
                .setParameter(5, end)
                .getResultList();
        Map<Account, Object[]> byAccount = new EnumMap<>(Account.class);
        for (Object[] row : sums) {
            byAccount.put(Account.valueOf((String) row[0]), row);
        }
        List<TrialBalanceRow> rows = new ArrayList<>();
        for (Account account : Account.values()) {
            Object[] row = byAccount.get(account);
            rows.add(row == null ? new TrialBalanceRow(account, NONE, NONE, NONE)
                    : new TrialBalanceRow(account, money(row[1]), money(row[2]), money(row[3])));
        }
        return new TrialBalanceReport(fundId, fund.getCode(), fund.getName(), start, end, rows);
    }

    private static BigDecimal money(Object value) {
        return Ledger.toDecimal(value).setScale(2);
    }
}
