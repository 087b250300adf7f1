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
import org.trustfund.platform.AccessDeniedException;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.Changes;
import org.trustfund.platform.ConcurrentChangeException;
import org.trustfund.platform.UnknownRecordException;
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
 * amount, the difference as realized exchange gain or loss, and any unapplied part as unapplied receipts (if
 * the donor still owes the fund under a signed agreement) or revenue. Held receipts are applied later or, with
 * a second person's approval, recognised as a separate gift; a reversal also needs a second person.
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
    private ApprovalRequests approvals;

    @Inject
    private org.trustfund.acknowledgement.Acknowledgements acknowledgements;

    @Inject
    private Caller caller;

    @Inject
    private ClosedYears closedYears;

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
        this.approvals = new ApprovalRequests(em);
        this.acknowledgements = new org.trustfund.acknowledgement.Acknowledgements(em, caller);
        this.closedYears = new ClosedYears(em);
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
            throw new UnknownRecordException("contribution.unknown", reversedId);
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
        donor.requireActive();
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
        closedYears.requireOpen(input.fundId(), input.receivedDate(), "receivedDate");
    }

    /**
     * Applies a contribution as asked; {@code requested} null (the REST API and the import when nothing is said)
     * means what the page suggests: the donor's open instalments in the fund and currency, oldest due first.
     */
    private void apply(Contribution contribution, Map<Long, Money> requested) {
        Map<Long, Money> asked = requested;
        if (asked == null) {
            asked = new LinkedHashMap<>();
            for (SuggestedApplication s : suggestApplications(contribution.getDonor().getId(),
                    contribution.getFund().getId(), contribution.getAmount())) {
                if (s.suggested().isPositive()) {
                    asked.put(s.instalmentId(), s.suggested());
                }
            }
        }
        Map<Instalment, Money> amounts = new LinkedHashMap<>();
        Map<Long, Money> open = openOn(asked, contribution.getId(), amounts);
        contribution.applyTo(amounts, open);
    }

    /**
     * Resolves the instalments named in {@code requested} into {@code amounts} and returns what is still open on
     * each, by certified contributions other than {@code contributionId}.
     */
    private Map<Long, Money> openOn(Map<Long, Money> requested, Long contributionId, Map<Instalment, Money> amounts) {
        Map<Long, Money> open = new LinkedHashMap<>();
        Map<Long, Map<Long, Money>> paidByPledge = new HashMap<>();
        for (Map.Entry<Long, Money> e : requested.entrySet()) {
            Instalment instalment = e.getKey() == null ? null : em.find(Instalment.class, e.getKey());
            if (instalment == null) {
                throw new BusinessException("applications", "instalment.unknown", e.getKey());
            }
            amounts.put(instalment, e.getValue());
            Map<Long, Money> paid = paidByPledge.computeIfAbsent(instalment.getPledge().getId(),
                    k -> pledges.paidByInstalment(instalment.getPledge(), contributionId));
            open.put(instalment.getId(), instalment.getAmount()
                    .minus(paid.getOrDefault(instalment.getId(), Money.zero(instalment.getAmount().currency()))));
        }
        return open;
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
        donor.requireActive();
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
        settlePledges(contribution, null);
        contribution.holdUnappliedIf(pledges.hasOpenReceivable(contribution.getDonor().getId(),
                contribution.getFund().getId()));
        ledger.post(certificationJournal(contribution));
        acknowledgements.issue(org.trustfund.acknowledgement.AcknowledgedReceipt.of(contribution));
        audit.record(AuditAction.UPDATE, ENTITY, id, Changes.of().field("status", "RECORDED", "CERTIFIED")
                .value("recordedBy", contribution.getRecordedBy())
                .value("unappliedHeld", contribution.heldUnapplied()).toString());
        return contribution;
    }

    /**
     * The journal for a certified contribution. The contribution's US dollar value is shared among the
     * instalments it pays and the unapplied rest in proportion to their amounts, so the parts add up to
     * the cent. For each part that pays a signed pledge, the receivable is cleared at its carrying amount
     * and the difference is a realized exchange gain (credit) or loss (debit). The unapplied part is held as
     * unapplied receipts or is revenue, as decided at certification.
     */
    Journal certificationJournal(Contribution c) {
        Money usdTotal = c.usdValue();
        Map<Pledge, Money> byPledge = byPledge(c.getApplications());
        List<BigDecimal> weights = new ArrayList<>();
        byPledge.values().forEach(m -> weights.add(m.amount()));
        weights.add(c.unapplied().amount());
        List<Money> usdParts = usdTotal.allocate(weights);

        Journal.Builder journal = Journal.builder(JournalEvent.CONTRIBUTION_CERTIFIED, c.getFund().getId(),
                        c.getDonor().getId(), c.getReceivedDate(), Contribution.SOURCE_TYPE, c.getId(),
                        "Contribution " + c.getId() + " (" + c.getBankReference() + ") " + c.getAmount()
                                + (c.getRate() == null ? "" : " at " + c.getUnitsPerUsd().toPlainString() + " per USD"))
                .debit(Account.CASH, usdTotal, c.getAmount(), null);
        creditPledges(journal, byPledge, usdParts);
        journal.credit(c.isUnappliedHeld() ? Account.UNAPPLIED_RECEIPTS : Account.CONTRIBUTION_REVENUE,
                usdParts.get(byPledge.size()), c.unapplied(), null);
        return journal.build(clock.instant(), caller.name());
    }

    private static Map<Pledge, Money> byPledge(List<ContributionApplication> applications) {
        Map<Pledge, Money> byPledge = new LinkedHashMap<>();
        for (ContributionApplication a : applications) {
            byPledge.merge(a.getInstalment().getPledge(), a.getAmount(), Money::plus);
        }
        return byPledge;
    }

    /**
     * Credits what pays each pledge: revenue for an unsigned pledge; for a signed one the receivable at its
     * carrying amount and the rest as realized exchange gain or loss. {@code usdParts} holds each pledge's US
     * dollar share, in the same order.
     */
    private void creditPledges(Journal.Builder journal, Map<Pledge, Money> byPledge, List<Money> usdParts) {
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
    }

    /**
     * Applies receipts held for a certified contribution to instalments of the donor's pledges (part or all of
     * them). Posts, dated today: unapplied receipts debited at their share of the contribution's US dollar value,
     * the receivables cleared at their carrying amount, the difference realized exchange gain or loss.
     */
    public Contribution applyHeld(long id, long expectedVersion, Map<Long, Money> requested) {
        Contribution contribution = load(id, expectedVersion);
        // New application rows leave the contribution's own columns as they were, so its version would not move: a
        // form sent twice (double click, Back button) or two at once would each apply the same held amount.
        em.lock(contribution, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        if (requested == null || requested.isEmpty()) {
            throw new BusinessException("applications", "contribution.held.nothingApplied");
        }
        Ledger.PledgeBalance held = ledger.unappliedReceipts(Contribution.SOURCE_TYPE, id);
        Map<Instalment, Money> amounts = new LinkedHashMap<>();
        Map<Long, Money> open = openOn(requested, id, amounts);
        List<ContributionApplication> added = contribution.applyHeld(amounts, open, clock.instant(), caller.name());
        Money appliedNow = added.stream().map(ContributionApplication::getAmount)
                .reduce(Money.zero(contribution.getAmount().currency()), Money::plus);
        Money usdNow = shareOf(held, appliedNow);
        Map<Pledge, Money> byPledge = byPledge(added);
        List<Money> usdParts = usdNow.allocate(byPledge.values().stream().map(Money::amount).toList());
        Journal.Builder journal = Journal.builder(JournalEvent.UNAPPLIED_RECEIPTS_APPLIED, contribution.getFund().getId(),
                        contribution.getDonor().getId(), LocalDate.now(clock), Contribution.SOURCE_TYPE, id,
                        "Unapplied receipts of contribution " + id + " applied: " + appliedNow)
                .debit(Account.UNAPPLIED_RECEIPTS, usdNow, appliedNow, null);
        creditPledges(journal, byPledge, usdParts);
        ledger.post(journal.build(clock.instant(), caller.name()));
        em.flush();
        settlePledges(added);
        audit.record(AuditAction.UPDATE, ENTITY, id, Changes.of().value("appliedFromUnappliedReceipts", added.stream()
                        .map(a -> "instalment " + a.getInstalment().getId() + ": " + a.getAmount()).toList())
                .value("stillHeld", contribution.heldUnapplied()).toString());
        return contribution;
    }

    /**
     * The US dollar part of a held balance that {@code part} of it takes: all of it for the whole rest, else in
     * proportion, rounded half-even to the cent (the last application takes what is left, so nothing strays).
     */
    static Money shareOf(Ledger.PledgeBalance held, Money part) {
        if (held.inCurrency().signum() <= 0) {
            throw new BusinessException("applications", "contribution.held.none");
        }
        if (part.amount().compareTo(held.inCurrency()) >= 0) {
            return Money.of(held.usd(), AcceptedCurrency.USD);
        }
        return Money.of(held.usd().multiply(part.amount()).divide(held.inCurrency(), 2, USD_ROUNDING), AcceptedCurrency.USD);
    }

    /** Asks that the held receipts of a contribution become revenue as a separate gift; a second person approves. */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
    public ApprovalRequest requestSeparateGift(long id, long expectedVersion, String reason) {
        Contribution contribution = load(id, expectedVersion);
        if (!contribution.heldUnapplied().isPositive()) {
            throw new BusinessException("contribution.held.none");
        }
        return file(ApprovalKind.SEPARATE_GIFT, contribution, reason);
    }

    /**
     * A certifying officer who did not ask approves: the whole held rest becomes contribution revenue, dated
     * today.
     */
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    public Contribution approveSeparateGift(long requestId, long expectedVersion) {
        ApprovalRequest request = approvals.load(requestId, expectedVersion);
        request.requireKind(ApprovalKind.SEPARATE_GIFT);
        request.approve(caller.name(), clock.instant());
        Contribution contribution = em.find(Contribution.class, request.getSubjectId());
        Money rest = contribution.recogniseHeldAsGift();
        Ledger.PledgeBalance held = ledger.unappliedReceipts(Contribution.SOURCE_TYPE, contribution.getId());
        Money usd = Money.of(held.usd(), AcceptedCurrency.USD);
        ledger.post(Journal.builder(JournalEvent.SEPARATE_GIFT_RECOGNISED, contribution.getFund().getId(),
                        contribution.getDonor().getId(), LocalDate.now(clock), Contribution.SOURCE_TYPE, contribution.getId(),
                        "Unapplied receipts of contribution " + contribution.getId() + " recognised as a separate gift: "
                                + request.getReason())
                .debit(Account.UNAPPLIED_RECEIPTS, usd, rest, null)
                .credit(Account.CONTRIBUTION_REVENUE, usd, rest, null)
                .build(clock.instant(), caller.name()));
        decided(request, Changes.of().value("recognisedAsRevenue", rest).value("usd", usd));
        return contribution;
    }

    /** Asks for a certified contribution to be reversed; nothing is posted until a second person approves. */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
    public ApprovalRequest requestReversal(long id, long expectedVersion, String reason) {
        Contribution contribution = load(id, expectedVersion);
        contribution.requireReversible();
        return file(ApprovalKind.CONTRIBUTION_REVERSAL, contribution, reason);
    }

    private ApprovalRequest file(ApprovalKind kind, Contribution contribution, String reason) {
        ApprovalRequest request = approvals.file(new ApprovalRequest(kind, Contribution.SOURCE_TYPE, contribution.getId(),
                contribution.getFund().getId(), contribution.getDonor().getId(), null, reason, clock.instant(),
                caller.name()));
        audit.record(AuditAction.CREATE, ApprovalService.ENTITY, request.getId(), Changes.of().value("kind", kind)
                .value("contribution", contribution.getId()).value("reason", request.getReason()).toString());
        return request;
    }

    private void decided(ApprovalRequest request, Changes details) {
        audit.record(AuditAction.UPDATE, ApprovalService.ENTITY, request.getId(),
                details.field("status", "PENDING", request.getStatus()).value("kind", request.getKind())
                        .value("subject", request.getSubjectType() + " " + request.getSubjectId())
                        .value("requestedBy", request.getRequestedBy()).toString());
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
     * A certifying officer who did not ask approves a reversal: the contribution's journals (certification,
     * later applications, separate gift) are mirrored by reversing journals dated today, the pledges it paid are
     * reopened, and the contribution stays visible as reversed. Record the correct one anew.
     */
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    public Contribution approveReversal(long requestId, long expectedVersion) {
        ApprovalRequest request = approvals.load(requestId, expectedVersion);
        request.requireKind(ApprovalKind.CONTRIBUTION_REVERSAL);
        request.approve(caller.name(), clock.instant());
        Contribution contribution = em.find(Contribution.class, request.getSubjectId());
        long id = contribution.getId();
        contribution.reverse(caller.name(), request.getReason(), clock.instant());
        LocalDate today = LocalDate.now(clock);
        for (Journal posted : ledger.journalsOf(Contribution.SOURCE_TYPE, id)) {
            if (posted.getReversesJournalId() == null) {
                ledger.post(posted.reversal(JournalEvent.CONTRIBUTION_REVERSED, today,
                        "Reversal of contribution " + id + ": " + contribution.getReversalReason())
                        .build(clock.instant(), caller.name()));
            }
        }
        settlePledges(contribution, id);
        acknowledgements.cancel(org.trustfund.receipt.ReceiptKind.CASH, id, contribution.getReversalReason());
        audit.record(AuditAction.UPDATE, ENTITY, id, Changes.of().field("status", "CERTIFIED", "REVERSED")
                .value("reason", contribution.getReversalReason()).value("requestedBy", request.getRequestedBy())
                .value("request", request.getId()).toString());
        decided(request, Changes.of());
        return contribution;
    }

    private void settlePledges(Contribution c, Long excluded) {
        Set<Pledge> affected = new LinkedHashSet<>();
        c.getApplications().forEach(a -> affected.add(a.getInstalment().getPledge()));
        for (Pledge p : affected) {
            p.settle(pledges.totalPaid(p, excluded));
        }
    }

    private void settlePledges(List<ContributionApplication> applications) {
        Set<Pledge> affected = new LinkedHashSet<>();
        applications.forEach(a -> affected.add(a.getInstalment().getPledge()));
        for (Pledge p : affected) {
            p.settle(pledges.totalPaid(p, null));
        }
    }

    /** Unapplied receipts held per fund code, in US dollars as the ledger carries them (funds holding none left out). */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public Map<String, Money> unappliedReceiptsByFund() {
        Map<String, Money> out = new java.util.TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT f.code, SUM(l.credit) - SUM(l.debit) FROM journal_line l"
                        + " JOIN journal j ON j.id = l.journal_id JOIN fund f ON f.id = j.fund_id"
                        + " WHERE l.account = 'UNAPPLIED_RECEIPTS' GROUP BY f.code HAVING SUM(l.credit) - SUM(l.debit) <> 0")
                .getResultList();
        for (Object[] r : rows) {
            out.put((String) r[0], Money.of(r[1] instanceof BigDecimal d ? d : new BigDecimal(r[1].toString()),
                    AcceptedCurrency.USD));
        }
        return out;
    }

    /** What the donor's certified contributions hold as unapplied receipts, per currency (none: empty). */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
    public List<Money> heldUnappliedOfDonor(long donorId) {
        access.requireDonorAccess(donorId);
        Map<String, Money> byCurrency = new java.util.TreeMap<>();
        em.createQuery("SELECT c FROM Contribution c WHERE c.donor.id = :donor AND c.unappliedHeld = TRUE"
                        + " AND c.status = org.trustfund.contribution.ContributionStatus.CERTIFIED", Contribution.class)
                .setParameter("donor", donorId).getResultList()
                .forEach(c -> byCurrency.merge(c.getAmount().currencyCode(), c.heldUnapplied(), Money::plus));
        return List.copyOf(byCurrency.values());
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
    public Contribution find(long id) {
        Contribution c = em.find(Contribution.class, id);
        if (c == null) {
            throw new UnknownRecordException("contribution.unknown", id);
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

    /**
     * The list as an xlsx written to {@code out}: the rows {@link #search} would page through, in its order, with
     * the filter written on top. A donor user gets only their own donor's contributions, as in the list.
     *
     * @return how many contributions it lists
     */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
    public long export(ContributionQuery query, java.util.Locale locale, java.io.OutputStream out)
            throws java.io.IOException {
        return new ContributionExport(em).write(restrictToCaller(query), locale, caller.name(), clock.instant(), out);
    }

    /** A donor user sees only their own donor's contributions, whatever filter they send. */
    private ContributionQuery restrictToCaller(ContributionQuery q) {
        org.trustfund.platform.Period.requireOrdered(q.from(), q.to());
        if (access.isStaff()) {
            return q;
        }
        java.util.Set<Long> own = access.linkedDonors();
        if (own.isEmpty()) {
            throw new AccessDeniedException();
        }
        // Another donor's id in the filter is dropped: the list keeps to the user's own donors.
        Long donor = q.donorId() != null && own.contains(q.donorId()) ? q.donorId() : null;
        return new ContributionQuery(donor, q.donorName(), q.status(), q.currency(), q.from(), q.to(), q.sort(),
                q.descending(), List.copyOf(own));
    }

    /** The list's filter; the export (ContributionExport) applies the very same. */
    static Predicate[] predicates(CriteriaBuilder cb, Root<Contribution> c, ContributionQuery q) {
        List<Predicate> where = new ArrayList<>();
        if (q.donorId() != null) {
            where.add(cb.equal(c.get("donor").get("id"), q.donorId()));
        }
        if (q.donorScope() != null) {
            where.add(c.get("donor").get("id").in(q.donorScope()));
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
            throw new UnknownRecordException("contribution.unknown", id);
        }
        ConcurrentChangeException.requireVersion(c.getVersion(), expectedVersion);
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
