package org.trustfund.report;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.stream.Collectors;
import org.trustfund.ledger.Account;

/**
 * The reconciliation's side of the ledger: each figure read by its own query, independent of the aggregate the
 * sheets are written from, so a mistake in either shows as a difference.
 */
final class LedgerSums {

    private LedgerSums() {
    }

    /** Debits less credits of the fund's lines on {@code accounts}, for journals dated from {@code from} (null: the
     * beginning) to {@code to}. */
    static BigDecimal debitLessCredit(EntityManager em, long fundId, Collection<Account> accounts, LocalDate from,
            LocalDate to) {
        String in = accounts.stream().map(a -> "'" + a.name() + "'").collect(Collectors.joining(","));
        Object value = em.createNativeQuery("SELECT COALESCE(SUM(l.debit) - SUM(l.credit), 0) FROM journal j"
                        + " JOIN journal_line l ON l.journal_id = j.id WHERE j.fund_id = ? AND j.event_date BETWEEN ? AND ?"
                        + " AND l.account IN (" + in + ")")
                .setParameter(1, fundId).setParameter(2, from == null ? LocalDate.of(1900, 1, 1) : from)
                .setParameter(3, to).getSingleResult();
        return Sql.decimal(value).setScale(2);
    }

    static BigDecimal creditLessDebit(EntityManager em, long fundId, Collection<Account> accounts, LocalDate from,
            LocalDate to) {
        return debitLessCredit(em, fundId, accounts, from, to).negate();
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
