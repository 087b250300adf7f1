package org.trustfund.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.trustfund.closing.ClosedYears;

/**
 * Posts journals and reads balances. Runs in the calling service's transaction, so a financial record
 * and its journal are committed together or not at all.
 */
@ApplicationScoped
public class Ledger {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ClosedYears closedYears;

    protected Ledger() {
    }

    /** For tests outside the container. */
    public Ledger(EntityManager em) {
        this.em = em;
        this.closedYears = new ClosedYears(em);
    }

    /**
     * @throws org.trustfund.platform.BusinessException {@code period.closed} if the journal is dated in a closed
     *         year of its fund: every path that posts (pages, API, imports, period-end actions) comes through here
     */
    public Journal post(Journal journal) {
        closedYears.requireOpen(journal.getFundId(), journal.getEventDate(), null);
        em.persist(journal);
        return journal;
    }

    public List<Journal> journalsOf(String sourceType, long sourceId) {
        return em.createNamedQuery("Journal.findBySource", Journal.class)
                .setParameter("type", sourceType)
                .setParameter("id", sourceId)
                .getResultList();
    }

    /**
     * What a pledge's deferred revenue stands at (credits less debits: a liability), in US dollars and in the
     * pledge's currency.
     */
    public PledgeBalance deferredRevenue(long pledgeId) {
        PledgeBalance debitBalance = debitBalance(pledgeId, Account.DEFERRED_REVENUE);
        return new PledgeBalance(debitBalance.usd().negate(), debitBalance.inCurrency().negate());
    }

    /** What a pledge's receivable stands at: in US dollars (carrying amount) and in the pledge's currency. */
    public ReceivableBalance receivable(long pledgeId) {
        PledgeBalance debitBalance = debitBalance(pledgeId, Account.CONTRIBUTIONS_RECEIVABLE);
        return new ReceivableBalance(debitBalance.usd(), debitBalance.inCurrency());
    }

    /** Debits less credits of a pledge's lines on one account, in US dollars and in the pledge's currency. */
    private PledgeBalance debitBalance(long pledgeId, Account account) {
        Object[] row = (Object[]) em.createNativeQuery(
                        "SELECT COALESCE(SUM(debit) - SUM(credit), 0), COALESCE(SUM(currency_amount), 0)"
                                + " FROM journal_line WHERE pledge_id = ? AND account = ?")
                .setParameter(1, pledgeId)
                .setParameter(2, account.name())
                .getSingleResult();
        return new PledgeBalance(toDecimal(row[0]), toDecimal(row[1]));
    }

    /**
     * What a contribution holds as unapplied receipts (credits less debits of its journals' lines on that
     * account), in US dollars and in its currency.
     */
    public PledgeBalance unappliedReceipts(String sourceType, long sourceId) {
        Object[] row = (Object[]) em.createNativeQuery(
                        "SELECT COALESCE(SUM(l.credit) - SUM(l.debit), 0), COALESCE(-SUM(l.currency_amount), 0)"
                                + " FROM journal j JOIN journal_line l ON l.journal_id = j.id"
                                + " WHERE j.source_type = ? AND j.source_id = ? AND l.account = ?")
                .setParameter(1, sourceType)
                .setParameter(2, sourceId)
                .setParameter(3, Account.UNAPPLIED_RECEIPTS.name())
                .getSingleResult();
        return new PledgeBalance(toDecimal(row[0]), toDecimal(row[1]));
    }

    /** Debit-minus-credit balance of every account of a fund, up to and including a date. */
    public Map<Account, BigDecimal> balances(long fundId, java.time.LocalDate asOf) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT l.account, SUM(l.debit) - SUM(l.credit) FROM journal_line l"
                                + " JOIN journal j ON j.id = l.journal_id"
                                + " WHERE j.fund_id = ? AND j.event_date <= ? GROUP BY l.account")
                .setParameter(1, fundId)
                .setParameter(2, asOf)
                .getResultList();
        Map<Account, BigDecimal> balances = new EnumMap<>(Account.class);
        for (Object[] row : rows) {
            balances.put(Account.valueOf((String) row[0]), toDecimal(row[1]));
        }
        return balances;
    }

    static BigDecimal toDecimal(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    /** A receivable's balance: USD carrying amount and the amount owed in the pledge's currency. */
    public record ReceivableBalance(BigDecimal usd, BigDecimal inCurrency) {
    }

    /** A balance kept per pledge (or per contribution): in US dollars and in its currency. */
    public record PledgeBalance(BigDecimal usd, BigDecimal inCurrency) {
    }
}
