package org.trustfund.contribution;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditLog;
import org.trustfund.donor.Donor;
import org.trustfund.ledger.Account;
import org.trustfund.ledger.Journal;
import org.trustfund.ledger.JournalEvent;
import org.trustfund.ledger.Ledger;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.Changes;
import org.trustfund.pledge.Instalment;
import org.trustfund.pledge.Pledge;
import org.trustfund.pledge.PledgeRepository;
import org.trustfund.reference.AcceptedCurrency;
import org.trustfund.reference.ExchangeRate;
import org.trustfund.reference.ExchangeRates;
import org.trustfund.reference.Fund;
import org.trustfund.security.Caller;
import org.trustfund.security.CallerAccess;
import org.trustfund.security.Roles;

/**
 * Records, certifies and reverses contributions. Recording posts nothing; certification by a second
 * person posts one balanced journal: cash at the received-date rate, the receivable cleared at its carrying
 * amount, the difference as realized exchange gain or loss, and any unapplied part as revenue.
 */
@Stateless
@RolesAllowed(Roles.FINANCE_OFFICER)
public class ContributionService {

    private static final String ENTITY = "Contribution";
    private static final RoundingMode USD_ROUNDING = ExchangeRate.USD_ROUNDING;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PledgeRepository pledges;

    @Inject
    private ExchangeRates rates;

    @Inject
    private Ledger ledger;

    @Inject
    private AuditLog audit;

    @Inject
    private CallerAccess access;

    @Inject
    private Caller caller;

    private final Clock clock = Clock.systemUTC();

    public ContributionService() {
    }

    /** For tests outside the container: the same rules on a plain entity manager. */
    public ContributionService(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
        this.pledges = new PledgeRepository(em);
        this.rates = new ExchangeRates(em);
        this.ledger = new Ledger(em);
        this.audit = new AuditLog(new org.trustfund.audit.AuditRepository(em), caller);
        this.access = new CallerAccess(em, caller);
    }

    public Contribution record(ContributionInput input) {
        Contribution contribution = newContribution(input, null, null, caller.name());
        em.persist(contribution);
        em.flush();
        audit.record(AuditAction.CREATE, ENTITY, contribution.getId(), describe(contribution).toString());
        return contribution;
    }

    /** Records the correct contribution in place of a reversed one; the new one names the one it replaces. */
    public Contribution recordReplacement(long reversedId, ContributionInput input) {
        Contribution reversed = em.find(Contribution.class, reversedId);
        if (reversed == null) {
            throw new BusinessException("contribution.unknown", reversedId);
        }
        if (reversed.getStatus() != ContributionStatus.REVERSED) {
            throw new BusinessException("contribution.wrongStatus", reversed.getStatus());
        }
        Contribution contribution = newContribution(input, reversed, null, caller.name());
        em.persist(contribution);
        em.flush();
        audit.record(AuditAction.CREATE, ENTITY, contribution.getId(),
                describe(contribution).value("replaces", reversedId).toString());
        return contribution;
    }

    /**
     * Builds a recorded contribution from typed input, with every check; also used by the import, which
     * records many at once. Not persisted.
     */
    public Contribution newContribution(ContributionInput input, Contribution replaces, Long batchId, String by) {
        Donor donor = input.donorId() <= 0 ? null : em.find(Donor.class, input.donorId());
        if (donor == null) {
            throw new BusinessException("donor", "donor.unknown", input.donorId());
        }
        Fund fund = input.fundId() <= 0 ? null : em.find(Fund.class, input.fundId());
        if (fund == null) {
            throw new BusinessException("fund", "fund.unknown", input.fundId());
        }
        checkAmountAndDate(input);
        ExchangeRate rate = rates.require(input.amount().currencyCode(), input.receivedDate(), "receivedDate",
                input.staleRateReason());
        Contribution contribution = new Contribution(donor, fund, input.receivedDate(), input.amount(),
                input.bankReference(), rate, replaces, batchId, clock.instant(), by);
        contribution.explainRate(input.staleRateReason());
        apply(contribution, input.applications());
        return contribution;
    }

    private void checkAmountAndDate(ContributionInput input) {
        if (input.amount() == null) {
            throw new BusinessException("amount", "amount.required");
        }
        if (!input.amount().isPositive()) {
            throw new BusinessException("amount", "amount.notPositive");
        }
        if (em.find(AcceptedCurrency.class, input.amount().currencyCode()) == null) {
            throw new BusinessException("currency", "currency.notAccepted", input.amount().currencyCode());
        }
        if (input.receivedDate() == null) {
            throw new BusinessException("receivedDate", "contribution.receivedDate.required");
        }
        if (input.receivedDate().isAfter(LocalDate.now(clock))) {
            throw new BusinessException("receivedDate", "contribution.receivedDate.future");
        }
    }

    private void apply(Contribution contribution, Map<Long, Money> requested) {
        Map<Instalment, Money> amounts = new LinkedHashMap<>();
        Map<Long, Money> open = new LinkedHashMap<>();
        if (requested != null) {
            for (Map.Entry<Long, Money> e : requested.entrySet()) {
                Instalment instalment = em.find(Instalment.class, e.getKey());
                if (instalment == null) {
                    throw new BusinessException("applications", "instalment.unknown", e.getKey());
                }
                amounts.put(instalment, e.getValue());
                Map<Long, Money> paid = pledges.paidByInstalment(instalment.getPledge(), contribution.getId());
                open.put(instalment.getId(), instalment.getAmount()
                        .minus(paid.getOrDefault(instalment.getId(), Money.zero(instalment.getAmount().currency()))));
            }
        }
        contribution.applyTo(amounts, open);
    }

    /**
     * Suggests how to apply an amount to the donor's open instalments in that fund and currency: oldest
     * due date first, each up to what is still open on it.
     */
    public List<SuggestedApplication> suggestApplications(long donorId, long fundId, Money amount) {
        List<SuggestedApplication> out = new ArrayList<>();
        if (amount == null) {
            return out;
        }
        Money left = amount;
        List<Instalment> candidates = new ArrayList<>();
        for (Pledge pledge : pledges.openPledges(donorId, fundId)) {
            if (pledge.getAmount().isSameCurrency(amount)) {
                candidates.addAll(pledge.getInstalments());
            }
        }
        candidates.sort(java.util.Comparator.comparing(Instalment::getDueDate).thenComparing(Instalment::getId));
        Map<Long, Map<Long, Money>> paidByPledge = new LinkedHashMap<>();
        for (Instalment i : candidates) {
            Map<Long, Money> paid = paidByPledge.computeIfAbsent(i.getPledge().getId(),
                    k -> pledges.paidByInstalment(i.getPledge(), null));
            Money open = i.getAmount().minus(paid.getOrDefault(i.getId(), Money.zero(i.getAmount().currency())));
            if (!open.isPositive()) {
                continue;
            }
            Money suggested = left.isPositive() ? left.min(open) : Money.zero(amount.currency());
            left = left.minus(suggested);
            out.add(new SuggestedApplication(i.getId(), i.getPledge().getId(), i.getSeq(), i.getDueDate(), i.getAmount(),
                    open, suggested));
        }
        return out;
    }

    /** The officer corrects a contribution that was sent back (or not yet certified). */
    public Contribution correct(long id, long expectedVersion, ContributionInput input) {
        Contribution contribution = load(id, expectedVersion);
        Changes before = describe(contribution);
        Donor donor = em.find(Donor.class, input.donorId());
        Fund fund = em.find(Fund.class, input.fundId());
        if (donor == null) {
            throw new BusinessException("donor", "donor.unknown", input.donorId());
        }
        if (fund == null) {
            throw new BusinessException("fund", "fund.unknown", input.fundId());
        }
        checkAmountAndDate(input);
        ExchangeRate rate = rates.require(input.amount().currencyCode(), input.receivedDate(), "receivedDate",
                input.staleRateReason());
        contribution.correct(donor, fund, input.receivedDate(), input.amount(), input.bankReference(), rate);
        contribution.explainRate(input.staleRateReason());
        em.flush();
        apply(contribution, input.applications());
        audit.record(AuditAction.UPDATE, ENTITY, id, "before: " + before + " | after: " + describe(contribution));
        return contribution;
    }

    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    public Contribution certify(long id, long expectedVersion) {
        Contribution contribution = load(id, expectedVersion);
        contribution.certify(caller.name(), clock.instant());
        // Another contribution may have been certified against the same instalments meanwhile.
        for (ContributionApplication a : contribution.getApplications()) {
            Instalment i = a.getInstalment();
            Money paid = pledges.paidByInstalment(i.getPledge(), id).getOrDefault(i.getId(), Money.zero(i.getAmount().currency()));
            Money open = i.getAmount().minus(paid);
            if (a.getAmount().isGreaterThan(open)) {
                throw new BusinessException("contribution.apply.exceedsInstalment", i.getSeq(), i.getDueDate(),
                        a.getAmount().toString(), open.toString());
            }
        }
        ledger.post(certificationJournal(contribution));
        settlePledges(contribution, null);
        audit.record(AuditAction.UPDATE, ENTITY, id, Changes.of().field("status", "RECORDED", "CERTIFIED")
                .value("recordedBy", contribution.getRecordedBy()).toString());
        return contribution;
    }

    /**
     * The journal for a certified contribution. The contribution's US dollar value is shared among the
     * instalments it pays and the unapplied rest in proportion to their amounts, so the parts add up to
     * the cent. For each part that pays a signed pledge, the receivable is cleared at its carrying amount
     * and the difference is a realized exchange gain (credit) or loss (debit).
     */
    Journal certificationJournal(Contribution c) {
        Money usdTotal = c.usdValue();
        Map<Pledge, Money> byPledge = new LinkedHashMap<>();
        for (ContributionApplication a : c.getApplications()) {
            byPledge.merge(a.getInstalment().getPledge(), a.getAmount(), Money::plus);
        }
        List<BigDecimal> weights = new ArrayList<>();
        byPledge.values().forEach(m -> weights.add(m.amount()));
        weights.add(c.unapplied().amount());
        List<Money> usdParts = usdTotal.allocate(weights);

        Journal.Builder journal = Journal.builder(JournalEvent.CONTRIBUTION_CERTIFIED, c.getFund().getId(),
                        c.getDonor().getId(), c.getReceivedDate(), Contribution.SOURCE_TYPE, c.getId(),
                        "Contribution " + c.getId() + " (" + c.getBankReference() + ") " + c.getAmount()
                                + (c.getRate() == null ? "" : " at " + c.getUnitsPerUsd().toPlainString() + " per USD"))
                .debit(Account.CASH, usdTotal, c.getAmount(), null);
        int i = 0;
        for (Map.Entry<Pledge, Money> e : byPledge.entrySet()) {
            Pledge pledge = e.getKey();
            Money applied = e.getValue();
            Money usdPart = usdParts.get(i++);
            if (!pledge.isAgreementSigned()) {
                journal.credit(Account.CONTRIBUTION_REVENUE, usdPart, applied, null);
                continue;
            }
            Ledger.ReceivableBalance balance = ledger.receivable(pledge.getId());
            Money carrying = carryingAmountOf(applied, balance);
            journal.credit(Account.CONTRIBUTIONS_RECEIVABLE, carrying, applied, pledge.getId());
            journal.credit(Account.REALIZED_EXCHANGE_GAIN_LOSS, usdPart.minus(carrying));
        }
        journal.credit(Account.CONTRIBUTION_REVENUE, usdParts.get(i), c.unapplied(), null);
        return journal.build(clock.instant(), caller.name());
    }

    /** The share of a receivable's US dollar carrying amount that {@code applied} clears. */
    static Money carryingAmountOf(Money applied, Ledger.ReceivableBalance balance) {
        BigDecimal owed = balance.inCurrency();
        if (owed.signum() <= 0) {
            return Money.zero(AcceptedCurrency.USD);
        }
        if (applied.amount().compareTo(owed) >= 0) {
            return Money.of(balance.usd(), AcceptedCurrency.USD);
        }
        BigDecimal share = balance.usd().multiply(applied.amount()).divide(owed, 2, USD_ROUNDING);
        return Money.of(share, AcceptedCurrency.USD);
    }

    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    public Contribution sendBack(long id, long expectedVersion, String reason) {
        Contribution contribution = load(id, expectedVersion);
        contribution.sendBack(caller.name(), reason);
        audit.record(AuditAction.UPDATE, ENTITY, id, Changes.of().field("status", "RECORDED", "RETURNED")
                .value("reason", contribution.getReturnedReason()).toString());
        return contribution;
    }

    /**
     * Reverses a certified contribution: its journals are mirrored by reversing journals, the pledges it
     * paid are reopened, and the contribution stays visible as reversed. Record the correct one anew.
     */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
    public Contribution reverse(long id, long expectedVersion, String reason) {
        Contribution contribution = load(id, expectedVersion);
        contribution.reverse(caller.name(), reason, clock.instant());
        LocalDate today = LocalDate.now(clock);
        for (Journal posted : ledger.journalsOf(Contribution.SOURCE_TYPE, id)) {
            if (posted.getReversesJournalId() == null) {
                ledger.post(posted.reversal(JournalEvent.CONTRIBUTION_REVERSED, today,
                        "Reversal of contribution " + id + ": " + contribution.getReversalReason())
                        .build(clock.instant(), caller.name()));
            }
        }
        settlePledges(contribution, id);
        audit.record(AuditAction.UPDATE, ENTITY, id, Changes.of().field("status", "CERTIFIED", "REVERSED")
                .value("reason", contribution.getReversalReason()).toString());
        return contribution;
    }

    private void settlePledges(Contribution c, Long excluded) {
        Set<Pledge> affected = new LinkedHashSet<>();
        c.getApplications().forEach(a -> affected.add(a.getInstalment().getPledge()));
        for (Pledge p : affected) {
            p.settle(pledges.totalPaid(p, excluded));
        }
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
    public Contribution find(long id) {
        Contribution c = em.find(Contribution.class, id);
        if (c == null) {
            throw new BusinessException("contribution.unknown", id);
        }
        access.requireDonorAccess(c.getDonor().getId());
        c.getApplications().size();
        return c;
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
    public List<Contribution> search(ContributionQuery query, int first, int pageSize) {
        ContributionQuery q = restrictToCaller(query);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        // First the page's ids, from the contribution table's indexes alone; then those rows with what the list
        // shows of each. Fetching donor, country and fund in the paging query itself let MariaDB start from the
        // small tables and sort every contribution (3.2 s for the first page at 377,000 rows).
        CriteriaQuery<Long> ids = cb.createQuery(Long.class);
        Root<Contribution> c = ids.from(Contribution.class);
        ContributionQuery.Sort sort = q.sort() == null ? ContributionQuery.Sort.RECEIVED : q.sort();
        Path<?> sortBy = switch (sort) {
            case RECEIVED -> c.get("receivedDate");
            case DONOR -> c.get("donor").get("name");
            case AMOUNT_USD -> c.get("usdAmount");
            case STATUS -> c.get("status");
        };
        // The id as second key keeps pages apart when the first key repeats. The donor sort takes the donor's
        // id instead: keys from both tables make the database sort every matching row (4.5 s at 130,000 rows
        // against 46 ms, benchmark/README.md); one donor's contributions then come in the order of the index
        // the plan reads, which the database does not promise to keep from one page to the next.
        Path<?> tieBreak = sort == ContributionQuery.Sort.DONOR ? c.get("donor").get("id") : c.get("id");
        ids.select(c.get("id")).where(predicates(cb, c, q))
                .orderBy(q.descending() ? cb.desc(sortBy) : cb.asc(sortBy), q.descending() ? cb.desc(tieBreak) : cb.asc(tieBreak));
        List<Long> page = em.createQuery(ids).setFirstResult(first).setMaxResults(pageSize).getResultList();
        if (page.isEmpty()) {
            return List.of();
        }
        CriteriaQuery<Contribution> rowsQuery = cb.createQuery(Contribution.class);
        Root<Contribution> row = rowsQuery.from(Contribution.class);
        // Fetched as a chain: EclipseLink leaves a JPQL "JOIN FETCH d.country" to one more query per country.
        row.fetch("donor").fetch("country");
        row.fetch("fund");
        row.fetch("rate", jakarta.persistence.criteria.JoinType.LEFT);
        row.fetch("replaces", jakarta.persistence.criteria.JoinType.LEFT);
        rowsQuery.where(row.get("id").in(page));
        Map<Long, Contribution> rows = new HashMap<>();
        em.createQuery(rowsQuery).getResultList().forEach(found -> rows.put(found.getId(), found));
        return page.stream().map(rows::get).toList();
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
    public long count(ContributionQuery query) {
        ContributionQuery q = restrictToCaller(query);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> cq = cb.createQuery(Long.class);
        Root<Contribution> c = cq.from(Contribution.class);
        cq.select(cb.count(c)).where(predicates(cb, c, q));
        return em.createQuery(cq).getSingleResult();
    }

    /** A donor user sees only their own donor's contributions, whatever filter they send. */
    private ContributionQuery restrictToCaller(ContributionQuery q) {
        if (access.isStaff()) {
            return q;
        }
        long own = access.linkedDonor()
                .orElseThrow(CallerAccess.AccessDeniedException::new);
        return new ContributionQuery(own, q.donorName(), q.status(), q.currency(), q.from(), q.to(), q.sort(), q.descending());
    }

    private static Predicate[] predicates(CriteriaBuilder cb, Root<Contribution> c, ContributionQuery q) {
        List<Predicate> where = new ArrayList<>();
        if (q.donorId() != null) {
            where.add(cb.equal(c.get("donor").get("id"), q.donorId()));
        }
        if (q.donorName() != null && !q.donorName().isBlank()) {
            String escaped = q.donorName().trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            where.add(cb.like(cb.lower(c.get("donor").get("name")), "%" + escaped + "%", '\\'));
        }
        if (q.status() != null) {
            where.add(cb.equal(c.get("status"), q.status()));
        }
        if (q.currency() != null && !q.currency().isBlank()) {
            where.add(cb.equal(c.get("amount").get("currency"), q.currency()));
        }
        if (q.from() != null) {
            where.add(cb.greaterThanOrEqualTo(c.get("receivedDate"), q.from()));
        }
        if (q.to() != null) {
            where.add(cb.lessThanOrEqualTo(c.get("receivedDate"), q.to()));
        }
        return where.toArray(Predicate[]::new);
    }

    private Contribution load(long id, long expectedVersion) {
        Contribution c = em.find(Contribution.class, id);
        if (c == null) {
            throw new BusinessException("contribution.unknown", id);
        }
        if (c.getVersion() != expectedVersion) {
            throw new BusinessException("record.changedByAnother");
        }
        return c;
    }

    private static Changes describe(Contribution c) {
        return Changes.of().value("donor", c.getDonor().getId()).value("fund", c.getFund().getCode())
                .value("received", c.getReceivedDate()).value("amount", c.getAmount())
                .value("rate", c.getUnitsPerUsd().toPlainString()
                        + (c.getStaleRateReason() == null ? "" : " of " + c.getRate().getEffectiveDate()
                                + ", stale rate used because: " + c.getStaleRateReason()))
                .value("usd", c.usdValue())
                .value("bankReference", c.getBankReference())
                .value("applications", c.getApplications().stream()
                        .map(a -> "instalment " + a.getInstalment().getId() + ": " + a.getAmount()).toList());
    }

}
