package org.trustfund.expenditure;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditLog;
import org.trustfund.closing.ClosedYears;
import org.trustfund.ledger.Account;
import org.trustfund.ledger.Journal;
import org.trustfund.ledger.JournalEvent;
import org.trustfund.ledger.Ledger;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.Changes;
import org.trustfund.platform.ConcurrentChangeException;
import org.trustfund.platform.UnknownRecordException;
import org.trustfund.receipt.ReceiptStatus;
import org.trustfund.reference.AcceptedCurrency;
import org.trustfund.reference.ExchangeRate;
import org.trustfund.reference.ExchangeRates;
import org.trustfund.reference.Fund;
import org.trustfund.security.Caller;
import org.trustfund.security.Roles;

/**
 * Records, certifies and reverses the fund's other expenditure, and runs the programme support cost of a year. The
 * role boundary of both: a finance officer records and runs the charge; a certifying officer who did not record an
 * expense certifies it (posting it, expense against cash) or reverses it; reversing a PSC charge is a certifying
 * officer's decision too.
 */
@Stateless
@RolesAllowed(Roles.FINANCE_OFFICER)
public class ExpenditureService {

    public static final String ENTITY = "Expenditure";

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

    @Inject
    private ProgrammeSupportCosts psc;

    @Inject
    private AvailableBalance balance;

    private final Clock clock = Clock.systemUTC();

    public ExpenditureService() {
    }

    /** For tests outside the container. */
    public ExpenditureService(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
        this.rates = new ExchangeRates(em);
        this.ledger = new Ledger(em);
        this.audit = new AuditLog(new org.trustfund.audit.AuditRepository(em), caller);
        this.closedYears = new ClosedYears(em);
        this.psc = new ProgrammeSupportCosts(em, caller);
        this.balance = new AvailableBalance(em);
    }

    public Expenditure record(ExpenditureInput input) {
        Resolved r = resolve(input);
        Expenditure e = new Expenditure(r.fund(), input, r.rate(), clock.instant(), caller.name());
        em.persist(e);
        em.flush();
        audit.record(AuditAction.CREATE, ENTITY, e.getId(), describe(e).toString());
        return e;
    }

    public Expenditure correct(long id, long expectedVersion, ExpenditureInput input) {
        Expenditure e = load(id, expectedVersion);
        String before = describe(e).toString();
        Resolved r = resolve(input);
        e.correct(r.fund(), input, r.rate());
        em.flush();
        audit.record(AuditAction.UPDATE, ENTITY, id, "before: " + before + " | after: " + describe(e));
        return e;
    }

    private record Resolved(Fund fund, ExchangeRate rate) {
    }

    private Resolved resolve(ExpenditureInput input) {
        Expenditure.check(input);
        Fund fund = input.fundId() <= 0 ? null : em.find(Fund.class, input.fundId());
        if (fund == null) {
            throw new BusinessException("fund", "fund.unknown", input.fundId());
        }
        if (em.find(AcceptedCurrency.class, input.amount().currencyCode()) == null) {
            throw new BusinessException("currency", "currency.notAccepted", input.amount().currencyCode());
        }
        if (input.date().isAfter(LocalDate.now(clock))) {
            throw new BusinessException("date", "expenditure.date.future");
        }
        if (input.date().isBefore(fund.getStartDate())) {
            throw new BusinessException("date", "expenditure.date.beforeFund", fund.getStartDate().toString());
        }
        closedYears.requireOpen(fund.getId(), input.date(), "date");
        ExchangeRate rate = rates.require(input.amount().currencyCode(), input.date(), "date", input.staleRateReason());
        return new Resolved(fund, rate);
    }

    /** A second person certifies: the expense is posted against cash at its US dollar value. */
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    public Expenditure certify(long id, long expectedVersion) {
        Expenditure e = load(id, expectedVersion);
        e.certify(caller.name(), clock.instant());
        ledger.post(Journal.builder(JournalEvent.EXPENDITURE_CERTIFIED, e.getFund().getId(), null, e.getDate(),
                        Expenditure.SOURCE_TYPE, e.getId(), "Expenditure " + e.getId() + " (" + e.getCategory() + ") "
                                + e.getAmount() + " ref. " + e.getReference())
                .debit(e.getCategory().account(), e.usdValue(), e.getAmount(), null)
                .credit(Account.CASH, e.usdValue(), e.getAmount(), null)
                .build(clock.instant(), caller.name()));
        audit.record(AuditAction.UPDATE, ENTITY, id, Changes.of().field("status", "RECORDED", "CERTIFIED")
                .value("recordedBy", e.getCertification().getRecordedBy()).toString());
        return e;
    }

    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    public Expenditure sendBack(long id, long expectedVersion, String reason) {
        Expenditure e = load(id, expectedVersion);
        e.sendBack(caller.name(), reason);
        audit.record(AuditAction.UPDATE, ENTITY, id, Changes.of().field("status", "RECORDED", "RETURNED")
                .value("reason", e.getCertification().getReturnedReason()).toString());
        return e;
    }

    /**
     * A certifying officer who did not record it reverses a certified expense: its journal is mirrored by one dated
     * today; both stay. Record the correct one anew.
     */
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    public Expenditure reverse(long id, long expectedVersion, String reason) {
        Expenditure e = load(id, expectedVersion);
        if (caller.name().equals(e.getCertification().getRecordedBy())) {
            throw new BusinessException("receipt.certify.ownEntry");
        }
        e.reverse(caller.name(), reason, clock.instant());
        LocalDate today = LocalDate.now(clock);
        for (Journal posted : ledger.journalsOf(Expenditure.SOURCE_TYPE, id)) {
            if (posted.getReversesJournalId() == null) {
                ledger.post(posted.reversal(JournalEvent.EXPENDITURE_REVERSED, today,
                        "Reversal of expenditure " + id + ": " + e.getCertification().getReversalReason())
                        .build(clock.instant(), caller.name()));
            }
        }
        audit.record(AuditAction.UPDATE, ENTITY, id, Changes.of().field("status", "CERTIFIED", "REVERSED")
                .value("reason", e.getCertification().getReversalReason()).toString());
        return e;
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public Expenditure find(long id) {
        Expenditure e = em.find(Expenditure.class, id);
        if (e == null) {
            throw new UnknownRecordException("expenditure.unknown", id);
        }
        return e;
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public List<Long> journalIds(long id) {
        return ledger.journalsOf(Expenditure.SOURCE_TYPE, id).stream().map(Journal::getId).toList();
    }

    /** Newest first. */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public List<Expenditure> search(ExpenditureQuery q, int first, int pageSize) {
        org.trustfund.platform.Period.requireOrdered(q.from(), q.to());
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Expenditure> cq = cb.createQuery(Expenditure.class);
        Root<Expenditure> e = cq.from(Expenditure.class);
        e.fetch("fund");
        cq.select(e).where(predicates(cb, e, q)).orderBy(cb.desc(e.get("date")), cb.desc(e.get("id")));
        return em.createQuery(cq).setFirstResult(first).setMaxResults(pageSize).getResultList();
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public long count(ExpenditureQuery q) {
        org.trustfund.platform.Period.requireOrdered(q.from(), q.to());
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> cq = cb.createQuery(Long.class);
        Root<Expenditure> e = cq.from(Expenditure.class);
        cq.select(cb.count(e)).where(predicates(cb, e, q));
        return em.createQuery(cq).getSingleResult();
    }

    /** The US dollars of the certified expenses the filter selects. */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public BigDecimal certifiedUsd(ExpenditureQuery q) {
        org.trustfund.platform.Period.requireOrdered(q.from(), q.to());
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<BigDecimal> cq = cb.createQuery(BigDecimal.class);
        Root<Expenditure> e = cq.from(Expenditure.class);
        List<Predicate> where = new ArrayList<>(List.of(predicates(cb, e, q)));
        where.add(cb.equal(e.get("certification").get("status"), ReceiptStatus.CERTIFIED));
        cq.select(cb.sum(e.<BigDecimal>get("usdAmount"))).where(where.toArray(Predicate[]::new));
        BigDecimal sum = em.createQuery(cq).getSingleResult();
        return (sum == null ? BigDecimal.ZERO : sum).setScale(2);
    }

    private static Predicate[] predicates(CriteriaBuilder cb, Root<Expenditure> e, ExpenditureQuery q) {
        List<Predicate> where = new ArrayList<>();
        if (q.fundId() != null) {
            where.add(cb.equal(e.get("fund").get("id"), q.fundId()));
        }
        if (q.category() != null) {
            where.add(cb.equal(e.get("category"), q.category()));
        }
        if (q.status() != null) {
            where.add(cb.equal(e.get("certification").get("status"), q.status()));
        }
        if (q.from() != null) {
            where.add(cb.greaterThanOrEqualTo(e.get("date"), q.from()));
        }
        if (q.to() != null) {
            where.add(cb.lessThanOrEqualTo(e.get("date"), q.to()));
        }
        return where.toArray(Predicate[]::new);
    }

    // Programme support costs.

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public ProgrammeSupportCosts.Computation pscFor(long fundId, int year) {
        return psc.compute(fundId, year);
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public List<PscCharge> pscCharges(long fundId, int year) {
        return psc.charges(fundId, year);
    }

    /** The period-end action: posts what is due and not yet charged; empty when there was nothing to post. */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
    public Optional<PscCharge> runPsc(long fundId, int year) {
        LocalDate date = psc.runDate(year);
        closedYears.requireOpen(fundId, date, "year");
        return psc.charge(fundId, year, date);
    }

    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    public PscCharge reversePsc(long chargeId, long expectedVersion, String reason) {
        return psc.reverse(chargeId, expectedVersion, reason);
    }

    /** As {@link #reversePsc(long, long, String)}, for a charge named under its fund: another fund's is unknown here. */
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    public PscCharge reversePsc(long fundId, long chargeId, long expectedVersion, String reason) {
        PscCharge charge = em.find(PscCharge.class, chargeId);
        if (charge == null || charge.getFund().getId() != fundId) {
            throw new UnknownRecordException("psc.unknown", chargeId);
        }
        return psc.reverse(chargeId, expectedVersion, reason);
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
    public PscRate setPscRate(long fundId, int year, BigDecimal rate, String reason, long expectedVersion) {
        closedYears.requireOpen(fundId, LocalDate.of(year, 12, 31), "year");
        return psc.setRate(fundId, year, rate, reason, expectedVersion);
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public Optional<PscRate> pscRate(long fundId, int year) {
        return psc.rateOf(fundId, year);
    }

    /** Cash less open obligations less approved trips not yet obligated. */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public AvailableBalance.Figures availableBalance(long fundId) {
        return balance.of(fundId);
    }

    private Expenditure load(long id, long expectedVersion) {
        Expenditure e = em.find(Expenditure.class, id);
        if (e == null) {
            throw new UnknownRecordException("expenditure.unknown", id);
        }
        ConcurrentChangeException.requireVersion(e.getVersion(), expectedVersion);
        return e;
    }

    private static Changes describe(Expenditure e) {
        return Changes.of().value("fund", e.getFund().getCode()).value("category", e.getCategory())
                .value("date", e.getDate()).value("amount", e.getAmount())
                .value("rate", e.getUnitsPerUsd().toPlainString() + (e.getStaleRateReason() == null ? ""
                        : ", stale rate used because: " + e.getStaleRateReason()))
                .value("usd", e.usdValue()).value("reference", e.getReference())
                .value("description", e.getDescription());
    }
}
