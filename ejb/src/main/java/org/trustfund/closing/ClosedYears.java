package org.trustfund.closing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.trustfund.platform.BusinessException;
import org.trustfund.reference.Fund;

/**
 * The guard of closed years: nothing is posted or recorded with a date in a fund's closed year. The ledger asks
 * it for every journal (the net under every path); the recording points ask it first, so that the person reads
 * the refusal at the date they typed. One look-up by the unique (fund, year) index.
 */
@ApplicationScoped
public class ClosedYears {

    /*
     * A year is closed when it, or any later year of the fund, is closed: closing a year closes the ones before it
     * (the fund's first closing may be of any year). A shared lock on the records read: a closing cannot be
     * confirmed while a transaction that found the year open is still posting into it, and such a transaction
     * waits for a confirmation under way and then sees it.
     */
    private static final String STATUS = "SELECT status FROM fund_year WHERE fund_id = ? AND year >= ?"
            + " AND status IN ('CLOSED', 'REOPEN_PROPOSED') LIMIT 1 LOCK IN SHARE MODE";

    @PersistenceContext
    private EntityManager em;

    protected ClosedYears() {
    }

    /** For tests outside the container. */
    public ClosedYears(EntityManager em) {
        this.em = em;
    }

    /**
     * @param field the input that carries the date, or null (then the message is not tied to an input)
     * @throws BusinessException {@code period.closed} if the date's year is closed for the fund
     */
    public void requireOpen(long fundId, LocalDate date, String field) {
        if (date != null && isClosed(fundId, date.getYear())) {
            Fund fund = em.find(Fund.class, fundId);
            throw new BusinessException(field, "period.closed", String.valueOf(date.getYear()),
                    fund == null ? String.valueOf(fundId) : fund.getCode());
        }
    }

    public boolean isClosed(long fundId, int year) {
        return em.createNativeQuery(STATUS).setParameter(1, fundId).setParameter(2, year)
                .getResultStream().findFirst().isPresent();
    }

    /** Answers for one call that checks many rows (an import): each fund and year is looked up once. */
    public Lookup lookup() {
        return new Lookup();
    }

    /** Closed or not, by fund and year, remembered for the life of one call. */
    public final class Lookup {
        private final Map<Long, Map<Integer, Boolean>> known = new HashMap<>();

        private Lookup() {
        }

        public boolean isClosed(long fundId, LocalDate date) {
            return date != null && known.computeIfAbsent(fundId, f -> new HashMap<>())
                    .computeIfAbsent(date.getYear(), y -> ClosedYears.this.isClosed(fundId, y));
        }
    }
}
