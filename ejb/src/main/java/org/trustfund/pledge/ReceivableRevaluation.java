package org.trustfund.pledge;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditLog;
import org.trustfund.closing.ClosedYears;
import org.trustfund.ledger.Account;
import org.trustfund.ledger.Journal;
import org.trustfund.ledger.JournalEvent;
import org.trustfund.ledger.Ledger;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.reference.AcceptedCurrency;
import org.trustfund.reference.ExchangeRate;
import org.trustfund.reference.ExchangeRates;
import org.trustfund.security.Caller;
import org.trustfund.security.Roles;

/**
 * Restates open receivables in other currencies at the operational rate of a reporting date. The
 * difference from their carrying amount is an unrealized exchange gain or loss, posted per pledge. Running
 * it twice for the same date posts nothing the second time.
 */
@Stateless
@RolesAllowed(Roles.FINANCE_OFFICER)
public class ReceivableRevaluation {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ExchangeRates rates;

    @Inject
    private Ledger ledger;

    @Inject
    private AuditLog audit;

    @Inject
    private Caller caller;

    @Inject
    private ClosedYears closedYears;

    private final Clock clock = Clock.systemUTC();

    public ReceivableRevaluation() {
    }

    /** For tests outside the container: the same rules on a plain entity manager. */
    public ReceivableRevaluation(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
        this.rates = new ExchangeRates(em);
        this.ledger = new Ledger(em);
        this.audit = new AuditLog(new org.trustfund.audit.AuditRepository(em), caller);
        this.closedYears = new ClosedYears(em);
    }

    /** One pledge's restatement. */
    public record Restatement(long pledgeId, Money owed, Money carryingBefore, Money restated, ExchangeRate rate)
            implements Serializable {
        public Money gainOrLoss() {
            return restated.minus(carryingBefore);
        }
    }

    /**
     * The restatements a revaluation on {@code reportingDate} would post, without posting them: for each signed
     * pledge in another currency, what is owed and its carrying amount as the ledger stood at the end of that date
     * (so a later payment or write-off does not change a past year's figures), restated at the rate in force then.
     * The annual report of an open year shows these as a preview; {@link #revalue} posts the same.
     */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR})
    public List<Restatement> preview(long fundId, LocalDate reportingDate) {
        if (reportingDate == null) {
            throw new BusinessException("reportingDate", "pledge.date.required");
        }
        // One aggregate over the fund's receivable lines up to the date, per pledge in another currency: read from
        // the fund's journals by date and their lines' covering index (V18), as the report's other totals are.
        // Driven from the pledges, the lines were fetched row by row (1 s for the largest fund on a million lines).
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT p.id, p.currency, SUM(l.debit) - SUM(l.credit),"
                        + " SUM(l.currency_amount) FROM journal j FORCE INDEX (ix_journal_fund_date)"
                        + " JOIN journal_line l ON l.journal_id = j.id AND l.account = 'CONTRIBUTIONS_RECEIVABLE'"
                        + " JOIN pledge p ON p.id = l.pledge_id"
                        + " WHERE j.fund_id = ? AND j.event_date <= ? AND p.fund_id = ? AND p.currency <> 'USD'"
                        + " GROUP BY p.id, p.currency HAVING SUM(l.currency_amount) > 0 ORDER BY p.id")
                .setParameter(1, fundId).setParameter(2, reportingDate).setParameter(3, fundId).getResultList();
        List<Restatement> out = new ArrayList<>();
        java.util.Map<String, ExchangeRate> rateOf = new java.util.HashMap<>();
        for (Object[] row : rows) {
            long pledgeId = ((Number) row[0]).longValue();
            String currency = (String) row[1];
            Money owed = Money.rounded(decimal(row[3]), Money.currency(currency), RoundingMode.UNNECESSARY);
            ExchangeRate rate = rateOf.computeIfAbsent(currency, c -> rates.inForce(c, reportingDate)
                    .orElseThrow(() -> new BusinessException("reportingDate", "rate.missing", c, reportingDate.toString())));
            if (rate.isStaleOn(reportingDate)) {
                // A restatement at an old rate would put a made-up gain or loss in the statements: no reason can
                // excuse it, so the month's rate must be entered first.
                throw new BusinessException("reportingDate", "revaluation.rate.stale", rate.getCurrency(),
                        java.time.YearMonth.from(reportingDate).toString(), rate.getEffectiveDate().toString());
            }
            Money carrying = Money.of(decimal(row[2]), AcceptedCurrency.USD);
            Money restated = rate.toUsd(owed);
            if (!restated.minus(carrying).isZero()) {
                out.add(new Restatement(pledgeId, owed, carrying, restated, rate));
            }
        }
        return out;
    }

    private static java.math.BigDecimal decimal(Object value) {
        return value instanceof java.math.BigDecimal d ? d : new java.math.BigDecimal(value.toString());
    }

    /**
     * Posts the {@link #preview} restatements, dated {@code reportingDate}, one journal per pledge. Posting moves the
     * carrying amounts to the restated ones, so running it again for the same date posts nothing.
     */
    // A certifying officer runs it too: confirming a year's closing posts the year-end difference first.
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
    public List<Restatement> revalue(long fundId, LocalDate reportingDate) {
        if (reportingDate == null) {
            throw new BusinessException("reportingDate", "pledge.date.required");
        }
        closedYears.requireOpen(fundId, reportingDate, "reportingDate");
        List<Restatement> done = preview(fundId, reportingDate);
        for (Restatement r : done) {
            Pledge pledge = em.find(Pledge.class, r.pledgeId());
            Money difference = r.gainOrLoss();
            ledger.post(Journal.builder(JournalEvent.REVALUATION, fundId, pledge.getDonor().getId(), reportingDate,
                            Pledge.SOURCE_TYPE, pledge.getId(), "Revaluation of pledge " + pledge.getId() + " receivable "
                                    + r.owed() + " at " + r.rate().getUnitsPerUsd().toPlainString() + " per USD on "
                                    + reportingDate)
                    .debit(Account.CONTRIBUTIONS_RECEIVABLE, difference, Money.zero(r.owed().currency()), pledge.getId())
                    .credit(Account.UNREALIZED_EXCHANGE_GAIN_LOSS, difference)
                    .build(clock.instant(), caller.name()));
        }
        if (!done.isEmpty()) {
            audit.record(AuditAction.CREATE, "Revaluation", fundId, done.size() + " receivables restated at "
                    + reportingDate);
        }
        return done;
    }
}
