package org.trustfund.inkind;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import org.trustfund.platform.AccessDeniedException;
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
import org.trustfund.security.CallerAccess;
import org.trustfund.security.Roles;

/**
 * Records, certifies and reverses in-kind contributions. Certifying goods posts one balanced journal (in-kind
 * expense against in-kind revenue, at the US dollar value of the first day); certifying services posts nothing —
 * they are disclosed. A reversal waits for a second person, as a cash contribution's does.
 */
@Stateless
@RolesAllowed(Roles.FINANCE_OFFICER)
public class InKindService {

    public static final String ENTITY = "InKindContribution";

    @PersistenceContext
    private EntityManager em;

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

    public InKindService() {
    }

    /** For tests outside the container: the same rules on a plain entity manager. */
    public InKindService(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
        this.rates = new ExchangeRates(em);
        this.ledger = new Ledger(em);
        this.audit = new AuditLog(new org.trustfund.audit.AuditRepository(em), caller);
        this.access = new CallerAccess(em, caller);
        this.approvals = new ApprovalRequests(em);
        this.acknowledgements = new org.trustfund.acknowledgement.Acknowledgements(em, caller);
        this.closedYears = new ClosedYears(em);
    }

    public InKindContribution record(InKindInput input) {
        return persist(input, null);
    }

    /** Records the correct entry in place of a reversed one; the new one names the one it replaces. */
    public InKindContribution recordReplacement(long reversedId, InKindInput input) {
        InKindContribution reversed = em.find(InKindContribution.class, reversedId);
        if (reversed == null) {
            throw new UnknownRecordException("inKind.unknown", reversedId);
        }
        if (reversed.getStatus() != ReceiptStatus.REVERSED) {
            throw new BusinessException("receipt.wrongStatus", reversed.getStatus());
        }
        return persist(input, reversed);
    }

    private InKindContribution persist(InKindInput input, InKindContribution replaces) {
        Resolved r = resolve(input);
        InKindContribution gift = new InKindContribution(r.donor, r.fund, input, r.rate, replaces, clock.instant(),
                caller.name());
        em.persist(gift);
        em.flush();
        Changes details = describe(gift);
        if (replaces != null) {
            details.value("replaces", replaces.getId());
        }
        audit.record(AuditAction.CREATE, ENTITY, gift.getId(), details.toString());
        return gift;
    }

    public InKindContribution correct(long id, long expectedVersion, InKindInput input) {
        InKindContribution gift = load(id, expectedVersion);
        String before = describe(gift).toString();
        Resolved r = resolve(input);
        gift.correct(r.donor, r.fund, input, r.rate);
        em.flush();
        audit.record(AuditAction.UPDATE, ENTITY, id, "before: " + before + " | after: " + describe(gift));
        return gift;
    }

    private record Resolved(Donor donor, Fund fund, ExchangeRate rate) {
    }

    /** Checks the whole input (every field at once), then what needs the database: donor, fund, year, rate. */
    private Resolved resolve(InKindInput input) {
        InKindContribution.check(input);
        Donor donor = input.donorId() <= 0 ? null : em.find(Donor.class, input.donorId());
        if (donor == null) {
            throw new BusinessException("donor", "donor.unknown", input.donorId());
        }
        donor.requireActive();
        Fund fund = input.fundId() <= 0 ? null : em.find(Fund.class, input.fundId());
        if (fund == null) {
            throw new BusinessException("fund", "fund.unknown", input.fundId());
        }
        if (em.find(AcceptedCurrency.class, input.fairValue().currencyCode()) == null) {
            throw new BusinessException("currency", "currency.notAccepted", input.fairValue().currencyCode());
        }
        if (input.startDate().isAfter(LocalDate.now(clock))) {
            throw new BusinessException("startDate", "inKind.date.future");
        }
        closedYears.requireOpen(input.fundId(), input.startDate(), "startDate");
        ExchangeRate rate = rates.require(input.fairValue().currencyCode(), input.startDate(), "startDate",
                input.staleRateReason());
        return new Resolved(donor, fund, rate);
    }

    /** Certified by a second person; goods and premises are posted, services only counted in the disclosure. */
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    public InKindContribution certify(long id, long expectedVersion) {
        InKindContribution gift = load(id, expectedVersion);
        gift.certify(caller.name(), clock.instant());
        if (gift.isRecognized()) {
            ledger.post(certificationJournal(gift));
        } else {
            // Nothing is posted, but a service certified into a closed year would change its disclosure.
            closedYears.requireOpen(gift.getFund().getId(), gift.getStartDate(), null);
        }
        acknowledgements.issue(org.trustfund.acknowledgement.AcknowledgedReceipt.of(gift));
        audit.record(AuditAction.UPDATE, ENTITY, id, Changes.of().field("status", "RECORDED", "CERTIFIED")
                .value("recordedBy", gift.getCertification().getRecordedBy())
                .value("posted", gift.isRecognized()).toString());
        return gift;
    }

    Journal certificationJournal(InKindContribution g) {
        return Journal.builder(JournalEvent.IN_KIND_CERTIFIED, g.getFund().getId(), g.getDonor().getId(),
                        g.getStartDate(), InKindContribution.SOURCE_TYPE, g.getId(),
                        "In kind " + g.getId() + " (" + g.getCategory() + ") " + g.getFairValue()
                                + (g.getRate() == null ? "" : " at " + g.getUnitsPerUsd().toPlainString() + " per USD"))
                .debit(Account.IN_KIND_EXPENSE, g.usdValue(), g.getFairValue(), null)
                .credit(Account.IN_KIND_REVENUE, g.usdValue(), g.getFairValue(), null)
                .build(clock.instant(), caller.name());
    }

    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    public InKindContribution sendBack(long id, long expectedVersion, String reason) {
        InKindContribution gift = load(id, expectedVersion);
        gift.sendBack(caller.name(), reason);
        audit.record(AuditAction.UPDATE, ENTITY, id, Changes.of().field("status", "RECORDED", "RETURNED")
                .value("reason", gift.getCertification().getReturnedReason()).toString());
        return gift;
    }

    /** Asks for a certified entry to be reversed; nothing changes until a second person approves. */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
    public ApprovalRequest requestReversal(long id, long expectedVersion, String reason) {
        InKindContribution gift = load(id, expectedVersion);
        gift.requireReversible();
        ApprovalRequest request = approvals.file(new ApprovalRequest(ApprovalKind.IN_KIND_REVERSAL,
                InKindContribution.SOURCE_TYPE, id, gift.getFund().getId(), gift.getDonor().getId(), null, reason,
                clock.instant(), caller.name()));
        audit.record(AuditAction.CREATE, ApprovalService.ENTITY, request.getId(), Changes.of()
                .value("kind", request.getKind()).value("inKind", id).value("reason", request.getReason()).toString());
        return request;
    }

    /**
     * A certifying officer who did not ask approves: the certification journal (goods) is mirrored by a reversing
     * journal dated today; the entry stays visible as reversed. Record the correct one anew.
     */
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    public InKindContribution approveReversal(long requestId, long expectedVersion) {
        ApprovalRequest request = approvals.load(requestId, expectedVersion);
        request.requireKind(ApprovalKind.IN_KIND_REVERSAL);
        request.approve(caller.name(), clock.instant());
        InKindContribution gift = em.find(InKindContribution.class, request.getSubjectId());
        gift.reverse(caller.name(), request.getReason(), clock.instant());
        LocalDate today = LocalDate.now(clock);
        for (Journal posted : ledger.journalsOf(InKindContribution.SOURCE_TYPE, gift.getId())) {
            if (posted.getReversesJournalId() == null) {
                ledger.post(posted.reversal(JournalEvent.IN_KIND_REVERSED, today,
                        "Reversal of in kind " + gift.getId() + ": " + gift.getCertification().getReversalReason())
                        .build(clock.instant(), caller.name()));
            }
        }
        acknowledgements.cancel(org.trustfund.receipt.ReceiptKind.IN_KIND, gift.getId(),
                gift.getCertification().getReversalReason());
        audit.record(AuditAction.UPDATE, ENTITY, gift.getId(), Changes.of().field("status", "CERTIFIED", "REVERSED")
                .value("reason", gift.getCertification().getReversalReason())
                .value("requestedBy", request.getRequestedBy()).value("request", request.getId()).toString());
        audit.record(AuditAction.UPDATE, ApprovalService.ENTITY, request.getId(), Changes.of()
                .field("status", "PENDING", request.getStatus()).value("kind", request.getKind())
                .value("subject", request.getSubjectType() + " " + request.getSubjectId())
                .value("requestedBy", request.getRequestedBy()).toString());
        return gift;
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
    public InKindContribution find(long id) {
        InKindContribution gift = em.find(InKindContribution.class, id);
        if (gift == null) {
            throw new UnknownRecordException("inKind.unknown", id);
        }
        access.requireDonorAccess(gift.getDonor().getId());
        return gift;
    }

    /**
     * The entries the filter selects, newest first, as an xlsx: value in its currency and in US dollars, whether
     * recognized or disclosed, valuation basis and status; the certified goods and services totalled apart.
     */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public long export(InKindQuery query, java.util.Locale locale, java.io.OutputStream out) throws java.io.IOException {
        InKindQuery q = restrictToCaller(query);
        org.trustfund.spreadsheet.ListExport text = org.trustfund.spreadsheet.ListExport.in(locale);
        List<String> filters = new ArrayList<>();
        if (q.donorId() != null) {
            filters.add(text.text("inKind.filter.donor", String.valueOf(q.donorId())));
        }
        if (q.donorName() != null && !q.donorName().isBlank()) {
            filters.add(text.text("inKind.filter.donorName", q.donorName().trim()));
        }
        if (q.fundId() != null) {
            Fund fund = em.find(Fund.class, q.fundId());
            filters.add(text.text("inKind.filter.fund", fund == null ? String.valueOf(q.fundId()) : fund.getCode()));
        }
        if (q.nature() != null) {
            filters.add(text.text("inKind.filter.nature", text.enumText("inKind.nature.", q.nature())));
        }
        if (q.category() != null) {
            filters.add(text.text("inKind.filter.category", text.enumText("inKind.category.", q.category())));
        }
        if (q.status() != null) {
            filters.add(text.text("inKind.filter.status", text.enumText("receipt.", q.status())));
        }
        text.period(filters, "inKind.filter.date", q.from(), q.to());
        long written = 0;
        java.util.Map<InKindNature, java.math.BigDecimal> certified = certifiedUsd(q);
        try (org.trustfund.spreadsheet.XlsxWriter xlsx = org.trustfund.spreadsheet.XlsxWriter.create()) {
            org.trustfund.spreadsheet.SheetWriter sheet = text.begin(xlsx, "inKind.title", filters, text.text("inKind.sort"),
                    caller.name(), clock.instant(), "inKind.column.id", "inKind.column.date", "inKind.column.endDate",
                    "inKind.column.donor", "inKind.column.fund", "inKind.column.event", "inKind.column.description",
                    "inKind.column.category", "inKind.column.nature", "inKind.column.currency", "inKind.column.amount",
                    "inKind.column.usd", "inKind.column.basis", "inKind.column.reference", "inKind.column.status");
            for (int from = 0;; from += org.trustfund.spreadsheet.ListExport.CHUNK) {
                List<InKindContribution> chunk = search(q, from, org.trustfund.spreadsheet.ListExport.CHUNK);
                for (InKindContribution g : chunk) {
                    sheet.row().integer(g.getId()).date(g.getStartDate()).date(g.getEndDate()).text(g.getDonor().getName())
                            .text(g.getFund().getCode()).text(g.getEventName()).text(g.getDescription())
                            .text(text.enumText("inKind.category.", g.getCategory()))
                            .text(text.enumText("inKind.nature.", g.getNature())).text(g.getFairValue().currencyCode())
                            .amount(g.getFairValue().amount(), org.trustfund.money.CurrencyUnits.of(g.getFairValue().currencyCode()))
                            .usd(g.getUsdAmount()).text(text.enumText("inKind.basis.", g.getValuationBasis()))
                            .text(g.getSupportingReference()).text(text.enumText("receipt.", g.getStatus()));
                    written++;
                }
                em.clear();
                if (chunk.size() < org.trustfund.spreadsheet.ListExport.CHUNK) {
                    break;
                }
            }
            sheet.blankRow();
            sheet.row().bold(text.text("inKind.total.GOODS")).skipTo(11).usdTotal(certified.get(InKindNature.GOODS));
            sheet.row().bold(text.text("inKind.total.SERVICES")).skipTo(11).usdTotal(certified.get(InKindNature.SERVICES));
            xlsx.write(out);
        }
        return written;
    }

    /** The ledger journals an entry posted (goods: its certification, then any reversal; services: none). */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public List<Long> journalIds(long id) {
        return ledger.journalsOf(InKindContribution.SOURCE_TYPE, id).stream().map(Journal::getId).toList();
    }

    /** Newest first (by first day, then id). A donor user gets only their own donor's entries. */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
    public List<InKindContribution> search(InKindQuery query, int first, int pageSize) {
        InKindQuery q = restrictToCaller(query);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<InKindContribution> cq = cb.createQuery(InKindContribution.class);
        Root<InKindContribution> g = cq.from(InKindContribution.class);
        g.fetch("donor");
        g.fetch("fund");
        cq.select(g).where(predicates(cb, g, q)).orderBy(cb.desc(g.get("startDate")), cb.desc(g.get("id")));
        return em.createQuery(cq).setFirstResult(first).setMaxResults(pageSize).getResultList();
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
    public long count(InKindQuery query) {
        InKindQuery q = restrictToCaller(query);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> cq = cb.createQuery(Long.class);
        Root<InKindContribution> g = cq.from(InKindContribution.class);
        cq.select(cb.count(g)).where(predicates(cb, g, q));
        return em.createQuery(cq).getSingleResult();
    }

    /**
     * The US dollar value of the certified entries the filter selects, goods (recognized) and services (disclosed)
     * apart: the two are never added together as if both were revenue.
     */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
    public java.util.Map<InKindNature, java.math.BigDecimal> certifiedUsd(InKindQuery query) {
        InKindQuery q = restrictToCaller(query);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object[]> cq = cb.createQuery(Object[].class);
        Root<InKindContribution> g = cq.from(InKindContribution.class);
        List<Predicate> where = new ArrayList<>(List.of(predicates(cb, g, q)));
        where.add(cb.equal(g.get("certification").get("status"), ReceiptStatus.CERTIFIED));
        cq.multiselect(g.get("nature"), cb.sum(g.<java.math.BigDecimal>get("usdAmount")))
                .where(where.toArray(Predicate[]::new)).groupBy(g.get("nature"));
        java.util.Map<InKindNature, java.math.BigDecimal> out = new java.util.EnumMap<>(InKindNature.class);
        for (InKindNature n : InKindNature.values()) {
            out.put(n, java.math.BigDecimal.ZERO.setScale(2));
        }
        for (Object[] r : em.createQuery(cq).getResultList()) {
            out.put((InKindNature) r[0], ((java.math.BigDecimal) r[1]).setScale(2));
        }
        return out;
    }

    /** A donor user sees only their own donor's entries, whatever filter they send. */
    InKindQuery restrictToCaller(InKindQuery q) {
        org.trustfund.platform.Period.requireOrdered(q.from(), q.to());
        if (access.isStaff()) {
            return q;
        }
        java.util.Set<Long> own = access.linkedDonors();
        if (own.isEmpty()) {
            throw new AccessDeniedException();
        }
        return q.withinDonors(own);
    }

    static Predicate[] predicates(CriteriaBuilder cb, Root<InKindContribution> g, InKindQuery q) {
        List<Predicate> where = new ArrayList<>();
        if (q.donorId() != null) {
            where.add(cb.equal(g.get("donor").get("id"), q.donorId()));
        }
        if (q.donorScope() != null) {
            where.add(g.get("donor").get("id").in(q.donorScope()));
        }
        if (q.fundId() != null) {
            where.add(cb.equal(g.get("fund").get("id"), q.fundId()));
        }
        if (q.donorName() != null && !q.donorName().isBlank()) {
            String escaped = q.donorName().trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            where.add(cb.like(cb.lower(g.get("donor").get("name")), "%" + escaped + "%", '\\'));
        }
        if (q.category() != null) {
            where.add(cb.equal(g.get("category"), q.category()));
        }
        if (q.nature() != null) {
            where.add(cb.equal(g.get("nature"), q.nature()));
        }
        if (q.status() != null) {
            where.add(cb.equal(g.get("certification").get("status"), q.status()));
        }
        if (q.from() != null) {
            where.add(cb.greaterThanOrEqualTo(g.get("startDate"), q.from()));
        }
        if (q.to() != null) {
            where.add(cb.lessThanOrEqualTo(g.get("startDate"), q.to()));
        }
        return where.toArray(Predicate[]::new);
    }

    private InKindContribution load(long id, long expectedVersion) {
        InKindContribution gift = em.find(InKindContribution.class, id);
        if (gift == null) {
            throw new UnknownRecordException("inKind.unknown", id);
        }
        ConcurrentChangeException.requireVersion(gift.getVersion(), expectedVersion);
        return gift;
    }

    private static Changes describe(InKindContribution g) {
        return Changes.of().value("donor", g.getDonor().getId()).value("fund", g.getFund().getCode())
                .value("from", g.getStartDate()).value("to", g.getEndDate()).value("event", g.getEventName())
                .value("category", g.getCategory()).value("nature", g.getNature())
                .value("recognized", g.isRecognized()).value("fairValue", g.getFairValue())
                .value("rate", g.getUnitsPerUsd().toPlainString()
                        + (g.getStaleRateReason() == null ? "" : " of " + g.getRate().getEffectiveDate()
                                + ", stale rate used because: " + g.getStaleRateReason()))
                .value("usd", g.usdValue()).value("basis", g.getValuationBasis())
                .value("reference", g.getSupportingReference()).value("description", g.getDescription());
    }
}
