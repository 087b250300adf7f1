package org.trustfund.travel;

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
import org.trustfund.expenditure.AvailableBalance;
import org.trustfund.ledger.Account;
import org.trustfund.ledger.Journal;
import org.trustfund.ledger.JournalEvent;
import org.trustfund.ledger.Ledger;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.Changes;
import org.trustfund.platform.ConcurrentChangeException;
import org.trustfund.platform.UnknownRecordException;
import org.trustfund.reference.AcceptedCurrency;
import org.trustfund.reference.Country;
import org.trustfund.reference.DevelopmentStatus;
import org.trustfund.reference.ExchangeRate;
import org.trustfund.reference.ExchangeRates;
import org.trustfund.reference.Fund;
import org.trustfund.security.Caller;
import org.trustfund.security.Roles;

/**
 * Travel and fellowship disbursements from request to post-trip report, and the reference data they need (events,
 * programme budgets, DSA rates, travellers). The transaction and role boundary: a finance officer requests, obligates,
 * pays and records reports; a certifying officer who did not request approves or rejects, and reverses a payment.
 * Obligating posts a commitment to the memo accounts; paying releases it and posts the expense against cash; a
 * cancellation releases or reverses what was posted, never deletes.
 */
@Stateless
@RolesAllowed(Roles.FINANCE_OFFICER)
public class TravelService {

    public static final String ENTITY = "TravelRequest";

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
    private AvailableBalance balance;

    private final Clock clock = Clock.systemUTC();

    public TravelService() {
    }

    /** For tests outside the container. */
    public TravelService(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
        this.rates = new ExchangeRates(em);
        this.ledger = new Ledger(em);
        this.audit = new AuditLog(new org.trustfund.audit.AuditRepository(em), caller);
        this.closedYears = new ClosedYears(em);
        this.balance = new AvailableBalance(em);
    }

    // Events, programmes, budgets.

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public List<TravelEvent> events() {
        return em.createQuery("SELECT e FROM TravelEvent e JOIN FETCH e.country ORDER BY e.startDate DESC, e.id DESC",
                TravelEvent.class).getResultList();
    }

    public TravelEvent createEvent(EventInput input) {
        TravelEvent event = new TravelEvent(input, country(input.countryCode()), clock.instant(), caller.name());
        em.persist(event);
        em.flush();
        audit.record(AuditAction.CREATE, "TravelEvent", event.getId(), Changes.of().value("name", event.getName())
                .value("type", event.getType()).value("place", event.getCity() + ", " + event.getCountry().getCode())
                .value("from", event.getStartDate()).value("to", event.getEndDate()).toString());
        return event;
    }

    public TravelEvent changeEvent(long id, long expectedVersion, EventInput input) {
        TravelEvent event = em.find(TravelEvent.class, id);
        if (event == null) {
            throw new UnknownRecordException("travel.event.unknown", id);
        }
        ConcurrentChangeException.requireVersion(event.getVersion(), expectedVersion);
        String before = event.label();
        event.change(input, country(input.countryCode()));
        em.flush();
        audit.record(AuditAction.UPDATE, "TravelEvent", id, Changes.of().field("event", before, event.label()).toString());
        return event;
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public List<Programme> programmes() {
        return em.createQuery("SELECT p FROM Programme p ORDER BY p.id", Programme.class).getResultList();
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public Optional<ProgrammeBudget> budget(long programmeId, long fundId, int year) {
        return em.createNamedQuery("ProgrammeBudget.find", ProgrammeBudget.class).setParameter("programme", programmeId)
                .setParameter("fund", fundId).setParameter("year", year).getResultStream().findFirst();
    }

    /** Sets a programme's budget for a fund and year; a change of an existing one needs a reason. */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
    public ProgrammeBudget setBudget(long programmeId, long fundId, int year, BigDecimal amountUsd, String reason,
            long expectedVersion) {
        Programme programme = programme(programmeId);
        Fund fund = fund(fundId);
        ProgrammeBudget budget = budget(programmeId, fundId, year).orElse(null);
        if (budget == null) {
            ConcurrentChangeException.requireVersion(0, expectedVersion);
            budget = new ProgrammeBudget(programme, fund, year, amountUsd, clock.instant(), caller.name());
            em.persist(budget);
            em.flush();
            audit.record(AuditAction.CREATE, "ProgrammeBudget", budget.getId(), Changes.of()
                    .value("programme", programme.getCode()).value("fund", fund.getCode()).value("year", year)
                    .value("amount", budget.getAmountUsd()).toString());
            return budget;
        }
        ConcurrentChangeException.requireVersion(budget.getVersion(), expectedVersion);
        BigDecimal before = budget.getAmountUsd();
        budget.set(amountUsd, reason, clock.instant(), caller.name(), true);
        em.flush();
        audit.record(AuditAction.UPDATE, "ProgrammeBudget", budget.getId(), Changes.of()
                .value("programme", programme.getCode()).value("fund", fund.getCode()).value("year", year)
                .field("amount", before, budget.getAmountUsd()).value("reason", budget.getReason()).toString());
        return budget;
    }

    /** What a programme has approved in a fund and year (by departure date): trips approved, obligated or paid. */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public BigDecimal programmeCommitted(long programmeId, long fundId, int year) {
        Object sum = em.createNativeQuery("SELECT COALESCE(SUM(COALESCE(paid_usd, obligated_usd, costed_usd)), 0)"
                        + " FROM travel_request WHERE programme_id = ? AND fund_id = ? AND departure_date BETWEEN ? AND ?"
                        + " AND status IN ('APPROVED', 'OBLIGATED', 'PAID', 'REPORTED')")
                .setParameter(1, programmeId).setParameter(2, fundId).setParameter(3, LocalDate.of(year, 1, 1))
                .setParameter(4, LocalDate.of(year, 12, 31)).getSingleResult();
        return new BigDecimal(sum.toString()).setScale(2);
    }

    /** The budget left, or empty if the programme has no budget for that fund and year. */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public Optional<BigDecimal> programmeRemaining(long programmeId, long fundId, int year) {
        return budget(programmeId, fundId, year)
                .map(b -> b.getAmountUsd().subtract(programmeCommitted(programmeId, fundId, year)));
    }

    // DSA rates.

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public List<DsaRate> dsaRates(String countryCode, int max) {
        String where = countryCode == null || countryCode.isBlank() ? "" : " WHERE r.country.code = :country";
        jakarta.persistence.TypedQuery<DsaRate> q = em.createQuery("SELECT r FROM DsaRate r JOIN FETCH r.country" + where
                + " ORDER BY r.country.code, r.city, r.effectiveMonth DESC", DsaRate.class);
        if (!where.isEmpty()) {
            q.setParameter("country", countryCode.strip().toUpperCase(java.util.Locale.ROOT));
        }
        return q.setMaxResults(max).getResultList();
    }

    /** The rate in force for a place on a date: the place's latest from the first of that month or before. */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public Optional<DsaRate> dsaInForce(String countryCode, String city, LocalDate date) {
        if (countryCode == null || city == null || city.isBlank() || date == null) {
            return Optional.empty();
        }
        return em.createNamedQuery("DsaRate.inForce", DsaRate.class).setParameter("country", countryCode)
                .setParameter("city", city.strip().toLowerCase(java.util.Locale.ROOT))
                .setParameter("month", date.withDayOfMonth(1)).setMaxResults(1).getResultStream().findFirst();
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
    public DsaRate recordDsaRate(String countryCode, String city, LocalDate month, BigDecimal rateUsd) {
        Country country = countryCode == null ? null : em.find(Country.class, countryCode.strip().toUpperCase(java.util.Locale.ROOT));
        DsaRate.check(countryCode, country, city, month, rateUsd);
        Optional<DsaRate> same = em.createNamedQuery("DsaRate.exact", DsaRate.class)
                .setParameter("country", country.getCode()).setParameter("city", city.strip().toLowerCase(java.util.Locale.ROOT))
                .setParameter("month", month.withDayOfMonth(1)).getResultStream().findFirst();
        if (same.isPresent()) {
            throw new BusinessException("month", "travel.dsa.exists", same.get().getCity(), country.getCode(),
                    month.withDayOfMonth(1).toString().substring(0, 7), same.get().getRateUsd().toPlainString());
        }
        DsaRate rate = new DsaRate(country, city, month, rateUsd, clock.instant(), caller.name());
        em.persist(rate);
        em.flush();
        audit.record(AuditAction.CREATE, "DsaRate", rate.getId(), Changes.of().value("place", rate.getCity() + ", "
                + country.getCode()).value("month", rate.getEffectiveMonth()).value("rate", rate.getRateUsd()).toString());
        return rate;
    }

    // Travellers.

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public List<Traveller> travellers(String name, int max) {
        String escaped = name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                .replace("%", "\\%").replace("_", "\\_");
        return em.createQuery("SELECT t FROM Traveller t WHERE LOWER(t.name) LIKE :name ESCAPE '\\' ORDER BY t.name, t.id",
                Traveller.class).setParameter("name", "%" + escaped + "%").setMaxResults(max).getResultList();
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public Traveller traveller(long id) {
        Traveller t = em.find(Traveller.class, id);
        if (t == null) {
            throw new UnknownRecordException("travel.traveller.unknown", id);
        }
        return t;
    }

    public Traveller createTraveller(TravellerInput input) {
        Traveller t = new Traveller(input, countryOrNull(input.nationality()), countryOrNull(input.residence()),
                clock.instant(), caller.name());
        em.persist(t);
        em.flush();
        audit.record(AuditAction.CREATE, "Traveller", t.getId(), describe(t).toString());
        return t;
    }

    public Traveller changeTraveller(long id, long expectedVersion, TravellerInput input) {
        Traveller t = traveller(id);
        ConcurrentChangeException.requireVersion(t.getVersion(), expectedVersion);
        String before = describe(t).toString();
        t.change(input, countryOrNull(input.nationality()), countryOrNull(input.residence()));
        em.flush();
        audit.record(AuditAction.UPDATE, "Traveller", id, "before: " + before + " | after: " + describe(t));
        return t;
    }

    private static Changes describe(Traveller t) {
        return Changes.of().value("name", t.getName()).value("gender", t.getGender())
                .value("nationality", t.getNationality().getCode()).value("residence", t.getResidence().getCode())
                .value("group", t.getStakeholderGroup()).value("mag", t.isMagMember()).value("email", t.getEmail());
    }

    // Requests.

    /** What the request would cost and what applies to it, without saving anything. */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
    public Costing preview(TravelInput input) {
        TravelRequest.check(input);
        TravelRequest.Resolved r = resolve(input);
        String city = TravelRequest.placeOf(input, r.event());
        int nights = TravelRequest.nights(input.departureDate(), input.returnDate());
        int days = !input.asks().includesDsa() ? 0 : input.dsaDays() == null ? nights : input.dsaDays();
        BigDecimal dsaRate = input.dsaRateUsd() != null ? input.dsaRateUsd()
                : r.dsaRate() == null ? BigDecimal.ZERO : r.dsaRate().getRateUsd();
        BigDecimal dsaUsd = input.asks().includesDsa() ? dsaRate.multiply(BigDecimal.valueOf(days)).setScale(2)
                : BigDecimal.ZERO.setScale(2);
        BigDecimal costs = nz(input.ticketAmount()).add(nz(input.otherAmount()));
        BigDecimal costsUsd = r.rate() == null ? costs.setScale(2, ExchangeRate.USD_ROUNDING)
                : r.rate().toUsd(Money.of(costs, input.currency())).amount().setScale(2, ExchangeRate.USD_ROUNDING);
        LocalDate sixWeeks = r.event().getStartDate().minusWeeks(TravelRequest.WEEKS_AHEAD);
        return new Costing(city, r.event().getCountry().getCode(), r.dsaRate() == null ? null : r.dsaRate().getRateUsd(),
                r.dsaRate() == null ? null : r.dsaRate().getEffectiveMonth(), nights, dsaUsd, costsUsd,
                costsUsd.add(dsaUsd).add(nz(input.terminalUsd()).setScale(2)),
                r.rate() == null ? BigDecimal.ONE : r.rate().getUnitsPerUsd(), input.requestedOn().isAfter(sixWeeks),
                sixWeeks, r.residenceStatus(), TravelRequest.eligible(r.residenceStatus()), r.traveller().isMagMember());
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    public TravelRequest request(TravelInput input) {
        TravelRequest.check(input);
        TravelRequest t = new TravelRequest(input, resolve(input), clock.instant(), caller.name());
        em.persist(t);
        em.flush();
        audit.record(AuditAction.CREATE, ENTITY, t.getId(), describe(t).toString());
        return t;
    }

    public TravelRequest correct(long id, long expectedVersion, TravelInput input) {
        TravelRequest t = load(id, expectedVersion);
        String before = describe(t).toString();
        TravelRequest.check(input);
        t.correct(input, resolve(input));
        em.flush();
        audit.record(AuditAction.UPDATE, ENTITY, id, "before: " + before + " | after: " + describe(t));
        return t;
    }

    /** Looks up what the input names, with every missing record reported at its field. */
    private TravelRequest.Resolved resolve(TravelInput in) {
        org.trustfund.platform.FieldErrors errors = new org.trustfund.platform.FieldErrors();
        Traveller traveller = in.travellerId() <= 0 ? null : em.find(Traveller.class, in.travellerId());
        if (traveller == null) {
            errors.add("traveller", "travel.traveller.unknown", in.travellerId());
        }
        Programme programme = in.programmeId() <= 0 ? null : em.find(Programme.class, in.programmeId());
        if (programme == null) {
            errors.add("programme", "travel.programme.unknown", in.programmeId());
        }
        TravelEvent event = in.eventId() <= 0 ? null : em.find(TravelEvent.class, in.eventId());
        if (event == null) {
            errors.add("event", "travel.event.unknown", in.eventId());
        }
        Fund fund = in.fundId() <= 0 ? null : em.find(Fund.class, in.fundId());
        if (fund == null) {
            errors.add("fund", "fund.unknown", in.fundId());
        }
        if (em.find(AcceptedCurrency.class, in.currency()) == null) {
            errors.add("currency", "currency.notAccepted", in.currency());
        }
        LocalDate today = LocalDate.now(clock);
        if (in.requestedOn().isAfter(today)) {
            errors.add("requestedOn", "travel.requestedOn.future");
        }
        if (event != null && (in.returnDate().isBefore(event.getStartDate())
                || in.departureDate().isAfter(event.getEndDate()))) {
            errors.add("departureDate", "travel.dates.outsideEvent", event.getStartDate().toString(),
                    event.getEndDate().toString());
        }
        if (fund != null && in.departureDate().isBefore(fund.getStartDate())) {
            errors.add("departureDate", "travel.dates.beforeFund", fund.getStartDate().toString());
        }
        errors.throwIfAny();
        closedYears.requireOpen(fund.getId(), in.departureDate(), "departureDate");
        ExchangeRate rate = rates.require(in.currency(), in.requestedOn(), "requestedOn", in.staleRateReason());
        DsaRate dsa = in.asks().includesDsa()
                ? dsaInForce(event.getCountry().getCode(), TravelRequest.placeOf(in, event), in.departureDate()).orElse(null)
                : null;
        Country residence = em.createNamedQuery("Country.findWithStatuses", Country.class)
                .setParameter("code", traveller.getResidence().getCode()).getSingleResult();
        DevelopmentStatus status = residence.statusOn(in.departureDate()).orElse(null);
        return new TravelRequest.Resolved(traveller, programme, event, fund, dsa, rate, status);
    }

    /**
     * A certifying officer who did not request it approves. Beyond the programme's remaining budget or the fund's
     * available balance it is refused unless {@code overrideReason} says why. The fund is locked while deciding.
     */
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    public TravelRequest approve(long id, long expectedVersion, String overrideReason) {
        TravelRequest t = load(id, expectedVersion);
        AvailableBalance.Figures figures = balance.locked(t.getFund().getId());
        // Reloaded after the lock: another approval of the same fund may have committed in between.
        em.refresh(t);
        ConcurrentChangeException.requireVersion(t.getVersion(), expectedVersion);
        int year = t.getDepartureDate().getYear();
        Money remaining = programmeRemaining(t.getProgramme().getId(), t.getFund().getId(), year)
                .map(r -> Money.of(r, AcceptedCurrency.USD)).orElse(null);
        t.approve(caller.name(), clock.instant(), overrideReason, remaining,
                Money.of(figures.available(), AcceptedCurrency.USD));
        em.flush();
        audit.record(AuditAction.UPDATE, ENTITY, id, Changes.of().field("status", TravelStatus.REQUESTED, t.getStatus())
                .value("costed", t.getCostedUsd()).value("available", figures.available())
                .value("programmeRemaining", remaining).value("eligible", t.isEligible())
                .value("override", t.getOverrideReason()).toString());
        return t;
    }

    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    public TravelRequest reject(long id, long expectedVersion, String reason) {
        TravelRequest t = load(id, expectedVersion);
        t.reject(caller.name(), clock.instant(), reason);
        em.flush();
        audit.record(AuditAction.UPDATE, ENTITY, id, Changes.of().field("status", TravelStatus.REQUESTED, t.getStatus())
                .value("reason", t.getClosedReason()).toString());
        return t;
    }

    /** The obligation: the costing at the rate of its date, posted to the memo accounts of commitments. */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
    public TravelRequest obligate(long id, long expectedVersion, LocalDate date, String staleRateReason) {
        TravelRequest t = load(id, expectedVersion);
        if (date != null) {
            closedYears.requireOpen(t.getFund().getId(), date, "obligationDate");
            if (date.isAfter(LocalDate.now(clock))) {
                throw new BusinessException("obligationDate", "date.future");
            }
        }
        ExchangeRate fx = date == null ? null : rates.require(t.getCurrency(), date, "obligationDate", staleRateReason);
        t.obligate(date, fx, caller.name());
        Money usd = Money.of(t.getObligatedUsd(), AcceptedCurrency.USD);
        ledger.post(Journal.builder(JournalEvent.TRAVEL_OBLIGATED, t.getFund().getId(), null, date,
                        TravelRequest.SOURCE_TYPE, id, "Travel " + id + " obligated: " + t.getTraveller().getName()
                                + " to " + t.getEvent().getName())
                .debit(Account.OPEN_OBLIGATIONS, usd).credit(Account.OBLIGATIONS_RESERVE, usd)
                .build(clock.instant(), caller.name()));
        audit.record(AuditAction.UPDATE, ENTITY, id, Changes.of().field("status", TravelStatus.APPROVED, t.getStatus())
                .value("date", date).value("usd", t.getObligatedUsd()).toString());
        return t;
    }

    /**
     * Paid, by someone other than the approver: the obligation is released and the expense posted against cash at
     * the rate of the payment date.
     */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
    public TravelRequest pay(long id, long expectedVersion, LocalDate date, String reference, String staleRateReason) {
        TravelRequest t = load(id, expectedVersion);
        if (date != null && t.getStatus() == TravelStatus.OBLIGATED) {
            closedYears.requireOpen(t.getFund().getId(), date, "paymentDate");
            if (date.isAfter(LocalDate.now(clock))) {
                throw new BusinessException("paymentDate", "date.future");
            }
        }
        ExchangeRate fx = date == null || t.getStatus() != TravelStatus.OBLIGATED ? null
                : rates.require(t.getCurrency(), date, "paymentDate", staleRateReason);
        t.pay(date, reference, fx, caller.name());
        Money obligated = Money.of(t.getObligatedUsd(), AcceptedCurrency.USD);
        Money paid = Money.of(t.getPaidUsd(), AcceptedCurrency.USD);
        String who = t.getTraveller().getName() + " to " + t.getEvent().getName();
        ledger.post(Journal.builder(JournalEvent.TRAVEL_OBLIGATION_RELEASED, t.getFund().getId(), null, date,
                        TravelRequest.SOURCE_TYPE, id, "Travel " + id + " paid: obligation released (" + who + ")")
                .debit(Account.OBLIGATIONS_RESERVE, obligated).credit(Account.OPEN_OBLIGATIONS, obligated)
                .build(clock.instant(), caller.name()));
        ledger.post(Journal.builder(JournalEvent.TRAVEL_PAID, t.getFund().getId(), null, date, TravelRequest.SOURCE_TYPE,
                        id, "Travel " + id + " paid, ref. " + t.getPaymentReference() + " (" + who + ")")
                .debit(Account.TRAVEL_AND_FELLOWSHIPS, paid, t.getCurrency().equals(AcceptedCurrency.USD) ? null
                        : t.costsInCurrency(), null)
                .credit(Account.CASH, paid, t.getCurrency().equals(AcceptedCurrency.USD) ? null : t.costsInCurrency(), null)
                .build(clock.instant(), caller.name()));
        audit.record(AuditAction.UPDATE, ENTITY, id, Changes.of().field("status", TravelStatus.OBLIGATED, t.getStatus())
                .value("date", date).value("reference", t.getPaymentReference()).value("usd", t.getPaidUsd())
                .value("obligated", t.getObligatedUsd()).toString());
        return t;
    }

    public TravelRequest reportReceived(long id, long expectedVersion, LocalDate on) {
        TravelRequest t = load(id, expectedVersion);
        t.reportReceived(on, LocalDate.now(clock), caller.name());
        em.flush();
        audit.record(AuditAction.UPDATE, ENTITY, id, Changes.of().field("status", TravelStatus.PAID, t.getStatus())
                .value("reportReceivedOn", on).toString());
        return t;
    }

    /**
     * Cancelled with a reason. An open obligation is released (dated today); a paid trip needs a certifying officer
     * and its payment is reversed (dated today), the original payment kept.
     */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
    public TravelRequest cancel(long id, long expectedVersion, String reason) {
        TravelRequest t = load(id, expectedVersion);
        if (t.getStatus() == TravelStatus.PAID && !caller.isInRole(Roles.CERTIFYING_OFFICER)) {
            throw new BusinessException("travel.cancel.paidNeedsCertifier");
        }
        TravelStatus before = t.cancel(caller.name(), clock.instant(), reason);
        LocalDate today = LocalDate.now(clock);
        if (before == TravelStatus.OBLIGATED || before == TravelStatus.PAID) {
            for (Journal posted : ledger.journalsOf(TravelRequest.SOURCE_TYPE, id)) {
                boolean undo = before == TravelStatus.OBLIGATED ? posted.getEventType() == JournalEvent.TRAVEL_OBLIGATED
                        : posted.getEventType() == JournalEvent.TRAVEL_PAID;
                if (undo && posted.getReversesJournalId() == null) {
                    ledger.post(posted.reversal(before == TravelStatus.OBLIGATED ? JournalEvent.TRAVEL_OBLIGATION_RELEASED
                                    : JournalEvent.TRAVEL_PAYMENT_REVERSED, today,
                            "Travel " + id + " cancelled: " + t.getClosedReason()).build(clock.instant(), caller.name()));
                }
            }
        }
        em.flush();
        audit.record(AuditAction.UPDATE, ENTITY, id, Changes.of().field("status", before, t.getStatus())
                .value("reason", t.getClosedReason()).toString());
        return t;
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public TravelRequest find(long id) {
        TravelRequest t = em.find(TravelRequest.class, id);
        if (t == null) {
            throw new UnknownRecordException("travel.unknown", id);
        }
        return t;
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public List<Long> journalIds(long id) {
        return ledger.journalsOf(TravelRequest.SOURCE_TYPE, id).stream().map(Journal::getId).toList();
    }

    /** Newest departure first. */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public List<TravelRequest> search(TravelQuery q, int first, int max) {
        org.trustfund.platform.Period.requireOrdered(q.from(), q.to());
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<TravelRequest> cq = cb.createQuery(TravelRequest.class);
        Root<TravelRequest> t = cq.from(TravelRequest.class);
        t.fetch("traveller");
        t.fetch("event");
        t.fetch("fund");
        t.fetch("programme");
        cq.select(t).where(predicates(cb, t, q)).orderBy(cb.desc(t.get("departureDate")), cb.desc(t.get("id")));
        return em.createQuery(cq).setFirstResult(first).setMaxResults(max).getResultList();
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public long count(TravelQuery q) {
        org.trustfund.platform.Period.requireOrdered(q.from(), q.to());
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> cq = cb.createQuery(Long.class);
        Root<TravelRequest> t = cq.from(TravelRequest.class);
        cq.select(cb.count(t)).where(predicates(cb, t, q));
        return em.createQuery(cq).getSingleResult();
    }

    /** Post-trip reports outstanding (paid, traveller back) and, of those, overdue (past the due day). */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public long[] reportsOutstandingAndOverdue() {
        LocalDate today = LocalDate.now(clock);
        Object[] row = (Object[]) em.createNativeQuery("SELECT COUNT(*), COALESCE(SUM(CASE WHEN return_date < ?"
                        + " THEN 1 ELSE 0 END), 0) FROM travel_request WHERE status = 'PAID' AND return_date < ?")
                .setParameter(1, today.minusDays(TravelRequest.REPORT_DUE_DAYS)).setParameter(2, today).getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    private Predicate[] predicates(CriteriaBuilder cb, Root<TravelRequest> t, TravelQuery q) {
        List<Predicate> where = new ArrayList<>();
        if (q.fundId() != null) {
            where.add(cb.equal(t.get("fund").get("id"), q.fundId()));
        }
        if (q.programmeId() != null) {
            where.add(cb.equal(t.get("programme").get("id"), q.programmeId()));
        }
        if (q.eventId() != null) {
            where.add(cb.equal(t.get("event").get("id"), q.eventId()));
        }
        if (q.status() != null) {
            where.add(cb.equal(t.get("status"), q.status()));
        }
        if (q.travellerName() != null && !q.travellerName().isBlank()) {
            String escaped = q.travellerName().strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_");
            where.add(cb.like(cb.lower(t.get("traveller").get("name")), "%" + escaped + "%", '\\'));
        }
        if (q.from() != null) {
            where.add(cb.greaterThanOrEqualTo(t.get("departureDate"), q.from()));
        }
        if (q.to() != null) {
            where.add(cb.lessThanOrEqualTo(t.get("departureDate"), q.to()));
        }
        if (q.reportsOutstanding()) {
            where.add(cb.equal(t.get("status"), TravelStatus.PAID));
            where.add(cb.lessThan(t.get("returnDate"), LocalDate.now(clock)));
        }
        return where.toArray(Predicate[]::new);
    }

    private TravelRequest load(long id, long expectedVersion) {
        TravelRequest t = em.find(TravelRequest.class, id);
        if (t == null) {
            throw new UnknownRecordException("travel.unknown", id);
        }
        ConcurrentChangeException.requireVersion(t.getVersion(), expectedVersion);
        return t;
    }

    private Programme programme(long id) {
        Programme p = em.find(Programme.class, id);
        if (p == null) {
            throw new UnknownRecordException("travel.programme.unknown", id);
        }
        return p;
    }

    private Fund fund(long id) {
        Fund f = em.find(Fund.class, id);
        if (f == null) {
            throw new UnknownRecordException("fund.unknown", id);
        }
        return f;
    }

    private Country country(String code) {
        return countryOrNull(code);
    }

    private Country countryOrNull(String code) {
        return code == null || code.isBlank() ? null : em.find(Country.class, code.strip().toUpperCase(java.util.Locale.ROOT));
    }

    private static Changes describe(TravelRequest t) {
        return Changes.of().value("traveller", t.getTraveller().getId()).value("programme", t.getProgramme().getCode())
                .value("event", t.getEvent().getId()).value("fund", t.getFund().getCode()).value("asks", t.getAsks())
                .value("requestedOn", t.getRequestedOn()).value("departure", t.getDepartureDate())
                .value("return", t.getReturnDate()).value("ticket", t.getTicketAmount().toPlainString() + " " + t.getCurrency())
                .value("other", t.getOtherAmount().toPlainString() + " " + t.getCurrency())
                .value("dsa", t.getDsaDays() + " x " + t.getDsaRateUsd() + " USD (" + t.getDsaCity() + ")"
                        + (t.getDsaRateReason() == null ? "" : ", rate typed because: " + t.getDsaRateReason())
                        + (t.getDsaDaysReason() == null ? "" : ", days typed because: " + t.getDsaDaysReason()))
                .value("terminal", t.getTerminalUsd()).value("usd", t.getCostedUsd())
                .value("residenceStatus", t.getResidenceStatus())
                .value("eligibilityReason", t.getEligibilityReason())
                .value("staleRateReason", t.getStaleRateReason());
    }
}
