package org.trustfund.closing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditLog;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.Changes;
import org.trustfund.platform.ConcurrentChangeException;
import org.trustfund.platform.UnknownRecordException;
import org.trustfund.pledge.ReceivableRevaluation;
import org.trustfund.reference.Fund;
import org.trustfund.security.Caller;
import org.trustfund.security.Roles;

/**
 * Closes and reopens a fund's years, each step by the role that may take it (rules in {@link FundYear}), audited.
 * Confirming a closing posts the year-end unrealized exchange difference (31 December) before the year closes.
 */
@Stateless
@RolesAllowed(Roles.FINANCE_OFFICER)
public class YearClosingService {

    static final String ENTITY = "FundYear";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ReceivableRevaluation revaluation;

    @Inject
    private AuditLog audit;

    @Inject
    private ClosedYears closedYears;

    @Inject
    private org.trustfund.expenditure.ProgrammeSupportCosts psc;

    @Inject
    private Caller caller;

    private final Clock clock;

    public YearClosingService() {
        this.clock = Clock.systemUTC();
    }

    /** For tests outside the container: the same rules on a plain entity manager. */
    public YearClosingService(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
        this.revaluation = new ReceivableRevaluation(em, caller);
        this.audit = new AuditLog(new org.trustfund.audit.AuditRepository(em), caller);
        this.closedYears = new ClosedYears(em);
        this.psc = new org.trustfund.expenditure.ProgrammeSupportCosts(em, caller);
        this.clock = Clock.systemUTC();
    }

    /** Every year of the fund from its start to the current one, oldest first. */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public List<YearSummary> years(long fundId) {
        Fund fund = fund(fundId);
        Map<Integer, FundYear> recorded = new HashMap<>();
        em.createNamedQuery("FundYear.ofFund", FundYear.class).setParameter("fund", fundId).getResultList()
                .forEach(y -> recorded.put(y.getFiscalYear(), y));
        List<YearSummary> out = new ArrayList<>();
        int last = Math.max(LocalDate.now(clock).getYear(), fund.getStartDate().getYear());
        Integer closedLater = null;
        for (int year = last; year >= fund.getStartDate().getYear(); year--) {
            FundYear y = recorded.get(year);
            if (y == null) {
                out.add(0, closedLater == null ? YearSummary.open(fundId, fund.getCode(), year)
                        : YearSummary.closedWith(fundId, fund.getCode(), year, closedLater));
            } else {
                out.add(0, YearSummary.of(y));
                if (closedLater == null && y.getStatus().refusesPostings()) {
                    closedLater = year;
                }
            }
        }
        return out;
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public YearSummary year(long fundId, int year) {
        Fund fund = fund(fundId);
        FundYear y = find(fundId, year, LockModeType.NONE);
        return y == null ? YearSummary.open(fundId, fund.getCode(), year) : YearSummary.of(y);
    }

    /** A finance officer proposes closing the year; {@code expectedVersion} 0 for a year without a record. */
    public YearSummary proposeClose(long fundId, int year, long expectedVersion) {
        FundYear y = load(fundId, year, expectedVersion, true);
        Instant now = clock.instant();
        if (closedYears.isClosed(fundId, year)) {
            throw new BusinessException("year", "closing.coveredByLater", String.valueOf(year), y.getFund().getCode());
        }
        y.proposeClose(LocalDate.now(clock), find(fundId, year - 1, LockModeType.NONE), isFirstClosing(fundId),
                waitingContributions(fundId, year), caller.name(), now);
        return saved(y, Changes.of().field("status", YearStatus.OPEN, y.getStatus()).value("year", year));
    }

    /**
     * A certifying officer who did not propose it confirms the closing: the open foreign-currency receivables are
     * restated at 31 December (the year-end unrealized exchange difference), the programme support cost still due on
     * the year's expenditure is charged at 31 December (nothing if it is already), then the year is closed.
     */
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    public YearSummary confirmClose(long fundId, int year, long expectedVersion) {
        FundYear y = load(fundId, year, expectedVersion, false);
        FundYear previous = find(fundId, year - 1, LockModeType.NONE);
        List<Long> waiting = waitingContributions(fundId, year);
        boolean first = isFirstClosing(fundId);
        y.requireConfirmable(previous, first, waiting, caller.name());
        int restated = revaluation.revalue(fundId, LocalDate.of(year, 12, 31)).size();
        java.math.BigDecimal pscPosted = psc.charge(fundId, year, LocalDate.of(year, 12, 31))
                .map(org.trustfund.expenditure.PscCharge::getAmountUsd).orElse(java.math.BigDecimal.ZERO.setScale(2));
        y.confirmClose(previous, first, waiting, caller.name(), clock.instant());
        return saved(y, Changes.of().field("status", YearStatus.CLOSE_PROPOSED, y.getStatus()).value("year", year)
                .value("proposedBy", y.getProposedBy()).value("receivablesRestated", restated)
                .value("pscPosted", pscPosted));
    }

    /**
     * A certifying officer rejects the closing or the reopening waiting on the year, with a reason.
     *
     * @param pending which: {@link YearStatus#CLOSE_PROPOSED} or {@link YearStatus#REOPEN_PROPOSED}
     */
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    public YearSummary reject(long fundId, int year, long expectedVersion, YearStatus pending, String reason) {
        FundYear y = load(fundId, year, expectedVersion, false);
        YearStatus before = y.getStatus();
        y.reject(pending, reason, caller.name(), clock.instant());
        return saved(y, Changes.of().field("status", before, y.getStatus()).value("year", year)
                .value("reason", reason == null ? null : reason.strip()));
    }

    /** A finance officer asks to reopen a closed year, saying why. */
    public YearSummary requestReopen(long fundId, int year, long expectedVersion, String reason) {
        FundYear y = load(fundId, year, expectedVersion, false);
        y.requestReopen(find(fundId, year + 1, LockModeType.NONE), reason, caller.name(), clock.instant());
        return saved(y, Changes.of().field("status", YearStatus.CLOSED, y.getStatus()).value("year", year)
                .value("reason", y.getReopenReason()));
    }

    /** A certifying officer who did not request it confirms the reopening. */
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    public YearSummary confirmReopen(long fundId, int year, long expectedVersion) {
        FundYear y = load(fundId, year, expectedVersion, false);
        y.confirmReopen(find(fundId, year + 1, LockModeType.NONE), caller.name(), clock.instant());
        return saved(y, Changes.of().field("status", YearStatus.REOPEN_PROPOSED, y.getStatus()).value("year", year)
                .value("requestedBy", y.getReopenRequestedBy()).value("reason", y.getReopenReason()));
    }

    /** Ids of the fund's contributions dated in the year that still await certification (recorded or sent back). */
    /** No year of the fund refuses postings yet: the first closing may be of any ended year (see FundYear). */
    private boolean isFirstClosing(long fundId) {
        return em.createQuery("SELECT COUNT(y) FROM FundYear y WHERE y.fund.id = :fund AND y.status IN"
                        + " (org.trustfund.closing.YearStatus.CLOSED, org.trustfund.closing.YearStatus.REOPEN_PROPOSED)", Long.class)
                .setParameter("fund", fundId).getSingleResult() == 0;
    }

    /** Contributions dated in the year or before it that still await certification: a closing covers them all. */
    List<Long> waitingContributions(long fundId, int year) {
        return em.createQuery("SELECT c.id FROM Contribution c WHERE c.fund.id = :fund AND c.receivedDate BETWEEN :from"
                        + " AND :to AND c.status IN (org.trustfund.contribution.ContributionStatus.RECORDED,"
                        + " org.trustfund.contribution.ContributionStatus.RETURNED) ORDER BY c.id", Long.class)
                .setParameter("fund", fundId).setParameter("from", LocalDate.of(1900, 1, 1))
                .setParameter("to", LocalDate.of(year, 12, 31)).setMaxResults(20).getResultList();
    }

    /**
     * The year's record, locked for the rest of the transaction (its first statement, so that what is read after
     * it is what was committed before it): a posting that found the year open finishes first, later ones wait.
     * With {@code createIfMissing}, a year without a record starts open.
     */
    private FundYear load(long fundId, int year, long expectedVersion, boolean createIfMissing) {
        FundYear y = find(fundId, year, LockModeType.PESSIMISTIC_WRITE);
        if (y == null) {
            Fund fund = fund(fundId);
            if (!createIfMissing) {
                // Never closed or proposed: open, as a year without a record is.
                throw new BusinessException("year", "closing.year.open", String.valueOf(year), fund.getCode());
            }
            y = new FundYear(fund, year);
        }
        ConcurrentChangeException.requireVersion(y.getVersion(), expectedVersion);
        return y;
    }

    private FundYear find(long fundId, int year, LockModeType lock) {
        return em.createNamedQuery("FundYear.find", FundYear.class).setParameter("fund", fundId)
                .setParameter("year", year).setLockMode(lock).getResultStream().findFirst().orElse(null);
    }

    private Fund fund(long fundId) {
        Fund fund = em.find(Fund.class, fundId);
        if (fund == null) {
            throw new UnknownRecordException("fund.unknown", fundId);
        }
        return fund;
    }

    private YearSummary saved(FundYear y, Changes changes) {
        boolean created = y.getId() == null;
        try {
            if (created) {
                em.persist(y);
            }
            em.flush();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.sql.SQLIntegrityConstraintViolationException) {
                    // Two first proposals of the same year at once: the unique (fund, year) key lets one through.
                    throw new ConcurrentChangeException();
                }
            }
            throw e;
        }
        audit.record(created ? AuditAction.CREATE : AuditAction.UPDATE, ENTITY, y.getId(),
                changes.value("fund", y.getFund().getCode()).toString());
        return YearSummary.of(y);
    }
}
