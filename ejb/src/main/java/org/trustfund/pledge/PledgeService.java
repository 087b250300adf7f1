package org.trustfund.pledge;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trustfund.approval.ApprovalKind;
import org.trustfund.approval.ApprovalRequest;
import org.trustfund.approval.ApprovalRequests;
import org.trustfund.approval.ApprovalService;
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditLog;
import org.trustfund.closing.ClosedYears;
import org.trustfund.donor.Donor;
import org.trustfund.ledger.Account;
import org.trustfund.ledger.Journal;
import org.trustfund.ledger.JournalEvent;
import org.trustfund.ledger.Ledger;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.FieldErrors;
import org.trustfund.platform.Changes;
import org.trustfund.platform.ConcurrentChangeException;
import org.trustfund.platform.UnknownRecordException;
import org.trustfund.reference.AcceptedCurrency;
import org.trustfund.reference.ExchangeRate;
import org.trustfund.reference.ExchangeRates;
import org.trustfund.reference.Fund;
import org.trustfund.security.Caller;
import org.trustfund.security.CallerAccess;
import org.trustfund.security.Roles;

/**
 * Records pledges and moves them through their lifecycle. The events that change what the donor owes
 * under a signed agreement (signing, revising, writing off) post their journal in the same transaction.
 */
@Stateless
@RolesAllowed(Roles.FINANCE_OFFICER)
public class PledgeService {

    private static final String ENTITY = "Pledge";

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
    private ApprovalRequests approvals;

    @Inject
    private Caller caller;

    @Inject
    private ClosedYears closedYears;

    private final Clock clock = Clock.systemUTC();

    public PledgeService() {
    }

    /** For tests outside the container: the same rules on a plain entity manager. */
    public PledgeService(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
        this.pledges = new PledgeRepository(em);
        this.rates = new ExchangeRates(em);
        this.ledger = new Ledger(em);
        this.audit = new AuditLog(new org.trustfund.audit.AuditRepository(em), caller);
        this.access = new CallerAccess(em, caller);
        this.approvals = new ApprovalRequests(em);
        this.closedYears = new ClosedYears(em);
    }

    public Pledge create(PledgeInput input) {
        FieldErrors errors = new FieldErrors();
        Donor donor = em.find(Donor.class, input.donorId());
        if (donor == null) {
            errors.add("donor", "donor.unknown", input.donorId());
        }
        donor.requireActive();
        Fund fund = em.find(Fund.class, input.fundId());
        if (fund == null) {
            errors.add("fund", "fund.unknown", input.fundId());
        }
        errors.check(() -> requireAcceptedCurrency(input.amount()));
        Pledge pledge = null;
        if (donor != null && fund != null) {
            try {
                pledge = new Pledge(donor, fund, input.amount(), input.purpose(), input.firstYear(), input.lastYear(),
                        input.pledgedOn(), input.schedule(), clock.instant(), caller.name());
            } catch (BusinessException e) {
                errors.add(e);
            }
        }
        errors.throwIfAny();
        em.persist(pledge);
        em.flush();
        audit.record(AuditAction.CREATE, ENTITY, pledge.getId(), Changes.of().value("donor", donor.getId())
                .value("fund", fund.getCode()).value("amount", pledge.getAmount())
                .value("years", input.firstYear() + "–" + input.lastYear())
                .value("schedule", input.schedule()).toString());
        return pledge;
    }

    private void requireAcceptedCurrency(Money amount) {
        if (amount == null) {
            throw new BusinessException("amount", "amount.required");
        }
        if (em.find(AcceptedCurrency.class, amount.currencyCode()) == null) {
            throw new BusinessException("currency", "currency.notAccepted", amount.currencyCode());
        }
    }

    /**
     * Records the signed Standard Trust Fund Agreement: what is still owed becomes a receivable and revenue,
     * in US dollars at the operational rate of the signing date.
     */
    public Pledge signAgreement(long id, long expectedVersion, LocalDate date, String reference) {
        return signAgreement(id, expectedVersion, date, reference, null);
    }

    /**
     * Records the signed agreement: the receivable at the signing date's rate, matched by revenue, or by
     * deferred revenue while the agreement's {@code conditions} (null or blank: none) are not met.
     */
    public Pledge signAgreement(long id, long expectedVersion, LocalDate date, String reference, String conditions) {
        return signAgreement(id, expectedVersion, date, reference, conditions, null);
    }

    /** As above; a rate from before the signing date's month is used only with {@code staleRateReason}, kept. */
    public Pledge signAgreement(long id, long expectedVersion, LocalDate date, String reference, String conditions,
            String staleRateReason) {
        Pledge pledge = load(id, expectedVersion);
        closedYears.requireOpen(pledge.getFund().getId(), date, "agreementDate");
        String currency = pledge.getAmount().currencyCode();
        ExchangeRate rate = date == null ? null : rates.require(currency, date, "agreementDate", staleRateReason);
        pledge.signAgreement(date, reference, rate, conditions, staleRateReason, LocalDate.now(clock));
        Money owed = pledge.getAmount().minus(pledges.totalPaid(pledge, null));
        if (owed.isPositive()) {
            Money usd = rate == null ? owed : rate.toUsd(owed);
            ledger.post(Journal.builder(JournalEvent.AGREEMENT_SIGNED, pledge.getFund().getId(), pledge.getDonor().getId(),
                            date, Pledge.SOURCE_TYPE, pledge.getId(), "Agreement " + pledge.getAgreementReference()
                                    + " signed for pledge " + pledge.getId())
                    .debit(Account.CONTRIBUTIONS_RECEIVABLE, usd, owed, pledge.getId())
                    .credit(revenueAccount(pledge), usd, owed, pledge.isRevenueDeferred() ? pledge.getId() : null)
                    .build(clock.instant(), caller.name()));
        }
        audit.record(AuditAction.UPDATE, ENTITY, id, Changes.of().field("status", PledgeStatus.PLEDGED, pledge.getStatus())
                .value("agreementDate", date).value("agreementReference", pledge.getAgreementReference())
                .value("conditions", pledge.getAgreementConditions())
                .value("rate", (rate == null ? "USD" : rate.toString()) + (pledge.getAgreementStaleRateReason() == null ? ""
                        : ", stale rate used because: " + pledge.getAgreementStaleRateReason())).toString());
        return pledge;
    }

    /**
     * Revises amount and schedule (see {@link Pledge#revise}). Under a signed agreement the change of what
     * is owed moves the receivable, at the agreement's rate.
     */
    public Pledge revise(long id, long expectedVersion, Money newAmount, List<ScheduleLine> schedule, String reason) {
        Pledge pledge = load(id, expectedVersion);
        Map<Long, Money> paidById = pledges.paidByInstalment(pledge, null);
        Map<Integer, Money> paidBySeq = new HashMap<>();
        for (Instalment i : pledge.getInstalments()) {
            paidBySeq.put(i.getSeq(), paidById.getOrDefault(i.getId(), Money.zero(pledge.getAmount().currency())));
        }
        Money before = pledge.getAmount();
        PledgeRevision revision = pledge.revise(newAmount, schedule, reason, paidBySeq, clock.instant(), caller.name());
        Money change = pledge.getAmount().minus(before);
        if (pledge.isAgreementSigned() && !change.isZero()) {
            ExchangeRate rate = pledge.getAgreementRate();
            Money usd = rate == null ? change : rate.toUsd(change.abs());
            if (rate != null && change.isNegative()) {
                usd = usd.negate();
            }
            ledger.post(Journal.builder(JournalEvent.PLEDGE_REVISED, pledge.getFund().getId(), pledge.getDonor().getId(),
                            LocalDate.now(clock), Pledge.SOURCE_TYPE, pledge.getId(),
                            "Pledge " + pledge.getId() + " revised: " + revision.getReason())
                    .debit(Account.CONTRIBUTIONS_RECEIVABLE, usd, change, pledge.getId())
                    .credit(revenueAccount(pledge), usd, change, pledge.isRevenueDeferred() ? pledge.getId() : null)
                    .build(clock.instant(), caller.name()));
        }
        pledge.settle(pledges.totalPaid(pledge, null));
        audit.record(AuditAction.UPDATE, ENTITY, id, Changes.of().field("amount", before, pledge.getAmount())
                .field("schedule", revision.getScheduleBefore(), revision.getScheduleAfter())
                .value("reason", revision.getReason()).value("revision", revision.getRevision()).toString());
        return pledge;
    }

    /**
     * The agreement's conditions are met: the pledge's deferred revenue, as the ledger holds it, becomes
     * revenue on that date.
     */
    public Pledge recordConditionsMet(long id, long expectedVersion, LocalDate on) {
        Pledge pledge = load(id, expectedVersion);
        closedYears.requireOpen(pledge.getFund().getId(), on, "conditionsMetOn");
        pledge.recordConditionsMet(on, LocalDate.now(clock));
        Ledger.PledgeBalance deferred = ledger.deferredRevenue(pledge.getId());
        Money usd = Money.of(deferred.usd(), AcceptedCurrency.USD);
        Money original = Money.rounded(deferred.inCurrency(), pledge.getAmount().currency(), java.math.RoundingMode.UNNECESSARY);
        if (!usd.isZero()) {
            ledger.post(Journal.builder(JournalEvent.CONDITIONS_MET, pledge.getFund().getId(), pledge.getDonor().getId(),
                            on, Pledge.SOURCE_TYPE, pledge.getId(), "Conditions of agreement " + pledge.getAgreementReference()
                                    + " met for pledge " + pledge.getId())
                    .debit(Account.DEFERRED_REVENUE, usd, original, pledge.getId())
                    .credit(Account.CONTRIBUTION_REVENUE, usd, original, null)
                    .build(clock.instant(), caller.name()));
        }
        audit.record(AuditAction.UPDATE, ENTITY, id, Changes.of().value("conditionsMetOn", on)
                .value("deferredRevenueRecognized", usd).toString());
        return pledge;
    }

    /** Revenue at once, or deferred revenue while the agreement's conditions are not met (IPSAS 23). */
    private static Account revenueAccount(Pledge pledge) {
        return pledge.isRevenueDeferred() ? Account.DEFERRED_REVENUE : Account.CONTRIBUTION_REVENUE;
    }

    /** Asks for what is still owed on a pledge to be written off; nothing is posted until a second person approves. */
    public ApprovalRequest requestWriteOff(long id, long expectedVersion, LocalDate on, String reason) {
        Pledge pledge = load(id, expectedVersion);
        pledge.requireWriteOffAllowed(on, reason, LocalDate.now(clock));
        if (on != null) {
            closedYears.requireOpen(pledge.getFund().getId(), on, "writtenOffOn");
        }
        ApprovalRequest request = approvals.file(new ApprovalRequest(ApprovalKind.PLEDGE_WRITE_OFF, Pledge.SOURCE_TYPE,
                id, pledge.getFund().getId(), pledge.getDonor().getId(), on, reason, clock.instant(), caller.name()));
        audit.record(AuditAction.CREATE, ApprovalService.ENTITY, request.getId(), Changes.of()
                .value("kind", request.getKind()).value("pledge", id).value("writtenOffOn", on)
                .value("reason", request.getReason()).toString());
        return request;
    }

    /**
     * A certifying officer who did not ask approves a write-off: what is still owed is given up on the requested
     * date. Under a signed agreement the receivable's remaining balance is expensed, or, while the agreement's
     * conditions are unmet, taken back out of the deferred revenue that matched it.
     */
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    public Pledge approveWriteOff(long requestId, long expectedVersion) {
        ApprovalRequest request = approvals.load(requestId, expectedVersion);
        request.requireKind(ApprovalKind.PLEDGE_WRITE_OFF);
        request.approve(caller.name(), clock.instant());
        Pledge pledge = pledges.find(request.getSubjectId());
        long id = pledge.getId();
        LocalDate on = request.getEffectiveDate();
        PledgeStatus before = pledge.getStatus();
        closedYears.requireOpen(pledge.getFund().getId(), on, "writtenOffOn");
        pledge.writeOff(on, request.getReason(), LocalDate.now(clock));
        if (pledge.isAgreementSigned()) {
            Ledger.ReceivableBalance balance = ledger.receivable(pledge.getId());
            Money usd = Money.of(balance.usd(), AcceptedCurrency.USD);
            Money owed = Money.rounded(balance.inCurrency(), pledge.getAmount().currency(), java.math.RoundingMode.UNNECESSARY);
            if (!usd.isZero() || !owed.isZero()) {
                ledger.post(Journal.builder(JournalEvent.PLEDGE_WRITTEN_OFF, pledge.getFund().getId(),
                                pledge.getDonor().getId(), on, Pledge.SOURCE_TYPE, pledge.getId(),
                                "Pledge " + pledge.getId() + " written off: " + pledge.getWriteOffReason())
                        .debit(pledge.isRevenueDeferred() ? Account.DEFERRED_REVENUE : Account.PLEDGE_WRITE_OFFS, usd,
                                pledge.isRevenueDeferred() ? owed : null, pledge.isRevenueDeferred() ? pledge.getId() : null)
                        .credit(Account.CONTRIBUTIONS_RECEIVABLE, usd, owed, pledge.getId())
                        .build(clock.instant(), caller.name()));
            }
        }
        audit.record(AuditAction.UPDATE, ENTITY, id, Changes.of().field("status", before, pledge.getStatus())
                .value("writtenOffOn", on).value("reason", pledge.getWriteOffReason())
                .value("requestedBy", request.getRequestedBy()).value("request", request.getId()).toString());
        audit.record(AuditAction.UPDATE, ApprovalService.ENTITY, request.getId(), Changes.of()
                .field("status", "PENDING", request.getStatus()).value("kind", request.getKind())
                .value("subject", "Pledge " + id).value("requestedBy", request.getRequestedBy()).toString());
        return pledge;
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
    public Pledge find(long id) {
        Pledge pledge = pledges.find(id);
        if (pledge == null) {
            throw new UnknownRecordException("pledge.unknown", id);
        }
        access.requireDonorAccess(pledge.getDonor().getId());
        pledge.getInstalments().size();
        pledge.getRevisions().size();
        return pledge;
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
    public List<Pledge> byDonor(long donorId) {
        access.requireDonorAccess(donorId);
        return pledges.byDonor(donorId);
    }

    /** The donor's pledges, newest first, each with what has been paid on it and what is overdue today. */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
    public List<PledgeSummary> summariesForDonor(long donorId) {
        access.requireDonorAccess(donorId);
        LocalDate today = LocalDate.now(clock);
        Map<Long, Money> paid = pledges.paidByInstalmentOfDonor(donorId);
        return pledges.byDonor(donorId).stream().map(p -> {
            Money none = Money.zero(p.getAmount().currency());
            Money paidOnPledge = p.getInstalments().stream().map(i -> paid.getOrDefault(i.getId(), none))
                    .reduce(none, Money::plus);
            return new PledgeSummary(p, paidOnPledge, p.overdue(today, i -> paid.getOrDefault(i.getId(), none)));
        }).toList();
    }

    /** What certified contributions have paid on each instalment of all the donor's pledges, by instalment id. */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
    public Map<Long, Money> paidByInstalmentOfDonor(long donorId) {
        access.requireDonorAccess(donorId);
        return pledges.paidByInstalmentOfDonor(donorId);
    }

    /** What certified contributions have paid on each instalment, by instalment id. */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
    public Map<Long, Money> paidByInstalment(long pledgeId) {
        return pledges.paidByInstalment(find(pledgeId), null);
    }

    /** A page of the pledge list (staff only: it reads every donor's pledges). */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public List<PledgeRow> search(PledgeQuery query, int first, int pageSize) {
        return new PledgeList(em).page(query, first, pageSize);
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public long count(PledgeQuery query) {
        return new PledgeList(em).count(query);
    }

    /** The list as an xlsx written to {@code out}: what {@link #search} pages through, in its order, the filter on top. */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public long export(PledgeQuery query, java.util.Locale locale, java.io.OutputStream out) throws java.io.IOException {
        return new PledgeList(em).export(query, locale, caller.name(), clock.instant(), out);
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public List<OverdueInstalment> overdue(LocalDate asOf, int max) {
        return pledges.overdue(asOf, max);
    }

    private Pledge load(long id, long expectedVersion) {
        Pledge pledge = pledges.find(id);
        if (pledge == null) {
            throw new UnknownRecordException("pledge.unknown", id);
        }
        ConcurrentChangeException.requireVersion(pledge.getVersion(), expectedVersion);
        return pledge;
    }

}
