package org.trustfund.expenditure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import org.trustfund.platform.UnknownRecordException;
import org.trustfund.reference.Fund;

/**
 * What a fund can still commit: its cash, less the obligations not yet paid (the memo account the obligations post
 * to), less the trips approved but not yet obligated (so two approvals cannot both spend the same dollars). Read
 * from the ledger and the requests; {@link #locked} first locks the fund's row so that approvals of one fund are
 * decided one after the other.
 */
@ApplicationScoped
public class AvailableBalance {

    @PersistenceContext
    private EntityManager em;

    protected AvailableBalance() {
    }

    /** For tests outside the container. */
    public AvailableBalance(EntityManager em) {
        this.em = em;
    }

    /** The figures in US dollars. */
    public record Figures(long fundId, BigDecimal cash, BigDecimal openObligations, BigDecimal approvedNotObligated,
            BigDecimal available) {
    }

    public Figures of(long fundId) {
        if (em.find(Fund.class, fundId) == null) {
            throw new UnknownRecordException("fund.unknown", fundId);
        }
        Object[] row = (Object[]) em.createNativeQuery("SELECT"
                        + " COALESCE(SUM(CASE WHEN l.account = 'CASH' THEN l.debit - l.credit END), 0),"
                        + " COALESCE(SUM(CASE WHEN l.account = 'OPEN_OBLIGATIONS' THEN l.debit - l.credit END), 0)"
                        + " FROM journal j JOIN journal_line l ON l.journal_id = j.id"
                        + " WHERE j.fund_id = ? AND l.account IN ('CASH', 'OPEN_OBLIGATIONS')")
                .setParameter(1, fundId).getSingleResult();
        BigDecimal cash = decimal(row[0]);
        BigDecimal obligations = decimal(row[1]);
        BigDecimal approved = decimal(em.createNativeQuery("SELECT COALESCE(SUM(costed_usd), 0) FROM travel_request"
                + " WHERE fund_id = ? AND status = 'APPROVED'").setParameter(1, fundId).getSingleResult());
        return new Figures(fundId, cash, obligations, approved, cash.subtract(obligations).subtract(approved));
    }

    /** As {@link #of}, after locking the fund for the rest of the transaction. */
    public Figures locked(long fundId) {
        Fund fund = em.find(Fund.class, fundId, LockModeType.PESSIMISTIC_WRITE);
        if (fund == null) {
            throw new UnknownRecordException("fund.unknown", fundId);
        }
        return of(fundId);
    }

    private static BigDecimal decimal(Object value) {
        BigDecimal d = value == null ? BigDecimal.ZERO : value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return d.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
