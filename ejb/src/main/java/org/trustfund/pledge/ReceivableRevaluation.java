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

    // A certifying officer runs it too: confirming a year's closing posts the year-end difference first.
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
    public List<Restatement> revalue(long fundId, LocalDate reportingDate) {
        if (reportingDate == null) {
            throw new BusinessException("reportingDate", "pledge.date.required");
        }
        closedYears.requireOpen(fundId, reportingDate, "reportingDate");
        List<Pledge> open = em.createQuery("SELECT p FROM Pledge p WHERE p.fund.id = :fund AND p.agreementDate IS NOT NULL"
                        + " AND p.agreementDate <= :date AND p.amount.currency <> 'USD'"
                        + " AND p.status IN (org.trustfund.pledge.PledgeStatus.AGREEMENT_SIGNED,"
                        + " org.trustfund.pledge.PledgeStatus.PARTLY_PAID) ORDER BY p.id", Pledge.class)
                .setParameter("fund", fundId).setParameter("date", reportingDate).getResultList();
        List<Restatement> done = new ArrayList<>();
        for (Pledge pledge : open) {
            Ledger.ReceivableBalance balance = ledger.receivable(pledge.getId());
            Money owed = Money.rounded(balance.inCurrency(), pledge.getAmount().currency(), RoundingMode.UNNECESSARY);
            if (!owed.isPositive()) {
                continue;
            }
            ExchangeRate rate = rates.inForce(owed.currencyCode(), reportingDate).orElseThrow(() -> new BusinessException(
                    "reportingDate", "rate.missing", owed.currencyCode(), reportingDate.toString()));
            if (rate.isStaleOn(reportingDate)) {
                // A restatement at an old rate would put a made-up gain or loss in the statements: no reason can
                // excuse it, so the month's rate must be entered first.
                throw new BusinessException("reportingDate", "revaluation.rate.stale", rate.getCurrency(),
                        java.time.YearMonth.from(reportingDate).toString(), rate.getEffectiveDate().toString());
            }
            Money carrying = Money.of(balance.usd(), AcceptedCurrency.USD);
            Money restated = rate.toUsd(owed);
            Money difference = restated.minus(carrying);
            if (difference.isZero()) {
                continue;
            }
            ledger.post(Journal.builder(JournalEvent.REVALUATION, fundId, pledge.getDonor().getId(), reportingDate,
                            Pledge.SOURCE_TYPE, pledge.getId(), "Revaluation of pledge " + pledge.getId() + " receivable "
                                    + owed + " at " + rate.getUnitsPerUsd().toPlainString() + " per USD on " + reportingDate)
                    .debit(Account.CONTRIBUTIONS_RECEIVABLE, difference, Money.zero(owed.currency()), pledge.getId())
                    .credit(Account.UNREALIZED_EXCHANGE_GAIN_LOSS, difference)
                    .build(clock.instant(), caller.name()));
            done.add(new Restatement(pledge.getId(), owed, carrying, restated, rate));
        }
        if (!done.isEmpty()) {
            audit.record(AuditAction.CREATE, "Revaluation", fundId, done.size() + " receivables restated at "
                    + reportingDate);
        }
        return done;
    }
}
