package org.trustfund.intermediary;

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
import org.trustfund.donor.DonorService;
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
 * Intermediary foundations and the transfers they pass on. Certifying a transfer posts the net received (cash
 * against contribution revenue, the intermediary as donor of record); the gross, the fees and the gifts are
 * disclosed, never posted. A reversal waits for a second person, as a cash contribution's does.
 */
@Stateless
@RolesAllowed(Roles.FINANCE_OFFICER)
public class IntermediaryService {

    public static final String INTERMEDIARY = "Intermediary";
    public static final String TRANSFER = "IntermediaryTransfer";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ExchangeRates rates;

    @Inject
    private Ledger ledger;

    @Inject
    private AuditLog audit;

    @Inject
    private ApprovalRequests approvals;

    @Inject
    private org.trustfund.acknowledgement.Acknowledgements acknowledgements;

    @Inject
    private Caller caller;

    @Inject
    private ClosedYears closedYears;

    @Inject
    private DonorService donors;

    private final Clock clock = Clock.systemUTC();

    public IntermediaryService() {
    }

    /** For tests outside the container: the same rules on a plain entity manager. */
    public IntermediaryService(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
        this.rates = new ExchangeRates(em);
        this.ledger = new Ledger(em);
        this.audit = new AuditLog(new org.trustfund.audit.AuditRepository(em), caller);
        this.approvals = new ApprovalRequests(em);
        this.acknowledgements = new org.trustfund.acknowledgement.Acknowledgements(em, caller);
        this.closedYears = new ClosedYears(em);
        this.donors = new DonorService(em, caller);
    }

    // --- Intermediaries ---------------------------------------------------------------------------------------

    /**
     * Registers a foundation as an intermediary: an existing donor, or a new donor created with it (the duplicate
     * check of donors applies, confirmed by {@code duplicateConfirmed}).
     */
    public Intermediary register(IntermediaryInput input, boolean duplicateConfirmed) {
        Donor donor;
        if (input.donorId() != null) {
            donor = em.find(Donor.class, input.donorId());
            if (donor == null) {
                throw new BusinessException("donor", "donor.unknown", input.donorId());
            }
            donor.requireActive();
        } else {
            if (input.donor() == null) {
                throw new BusinessException("donor", "intermediary.donor.required");
            }
            // The fee terms first, so that a refusal leaves no new donor behind.
            Intermediary.checkFeeTerms(input.feeTerms());
            donor = donors.create(input.donor(), duplicateConfirmed);
        }
        if (!em.createQuery("SELECT i.id FROM Intermediary i WHERE i.donor.id = :d", Long.class)
                .setParameter("d", donor.getId()).getResultList().isEmpty()) {
            throw new BusinessException("donor", "intermediary.already", donor.getName());
        }
        Intermediary intermediary = new Intermediary(donor, input.feeTerms(), clock.instant(), caller.name());
        em.persist(intermediary);
        em.flush();
        audit.record(AuditAction.CREATE, INTERMEDIARY, intermediary.getId(), Changes.of().value("donor", donor.getId())
                .value("name", donor.getName()).value("feeTerms", intermediary.getFeeTerms()).toString());
        return intermediary;
    }

    public Intermediary changeFeeTerms(long id, long expectedVersion, String feeTerms) {
        Intermediary intermediary = em.find(Intermediary.class, id);
        if (intermediary == null) {
            throw new UnknownRecordException("intermediary.unknown", id);
        }
        ConcurrentChangeException.requireVersion(intermediary.getVersion(), expectedVersion);
        String before = intermediary.getFeeTerms();
        intermediary.changeFeeTerms(feeTerms);
        audit.record(AuditAction.UPDATE, INTERMEDIARY, id, Changes.of().field("feeTerms", before, intermediary.getFeeTerms())
                .toString());
        return intermediary;
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public List<Intermediary> intermediaries() {
        return em.createQuery("SELECT i FROM Intermediary i JOIN FETCH i.donor d ORDER BY d.name, i.id", Intermediary.class)
                .getResultList();
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public Intermediary intermediary(long id) {
        Intermediary intermediary = em.find(Intermediary.class, id);
        if (intermediary == null) {
            throw new UnknownRecordException("intermediary.unknown", id);
        }
        return intermediary;
    }

    // --- Transfers --------------------------------------------------------------------------------------------

    public IntermediaryTransfer recordTransfer(TransferInput input) {
        return persist(input, null);
    }

    /** Records the correct transfer in place of a reversed one; the new one names the one it replaces. */
    public IntermediaryTransfer recordReplacement(long reversedId, TransferInput input) {
        IntermediaryTransfer reversed = em.find(IntermediaryTransfer.class, reversedId);
        if (reversed == null) {
            throw new UnknownRecordException("transfer.unknown", reversedId);
        }
        if (reversed.getStatus() != ReceiptStatus.REVERSED) {
            throw new BusinessException("receipt.wrongStatus", reversed.getStatus());
        }
        return persist(input, reversed);
    }

    private IntermediaryTransfer persist(TransferInput input, IntermediaryTransfer replaces) {
        Resolved r = resolve(input);
        IntermediaryTransfer transfer = new IntermediaryTransfer(r.intermediary, r.fund, input, r.rate, r.giverDonors,
                replaces, clock.instant(), caller.name());
        em.persist(transfer);
        em.flush();
        Changes details = describe(transfer);
        if (replaces != null) {
            details.value("replaces", replaces.getId());
        }
        audit.record(AuditAction.CREATE, TRANSFER, transfer.getId(), details.toString());
        return transfer;
    }

    public IntermediaryTransfer correctTransfer(long id, long expectedVersion, TransferInput input) {
        IntermediaryTransfer transfer = load(id, expectedVersion);
        String before = describe(transfer).toString();
        Resolved r = resolve(input);
        transfer.correct(r.intermediary, r.fund, input, r.rate, r.giverDonors);
        em.flush();
        audit.record(AuditAction.UPDATE, TRANSFER, id, "before: " + before + " | after: " + describe(transfer));
        return transfer;
    }

    private record Resolved(Intermediary intermediary, Fund fund, ExchangeRate rate, Map<Long, Donor> giverDonors) {
    }

    private Resolved resolve(TransferInput input) {
        IntermediaryTransfer.check(input);
        Intermediary intermediary = input.intermediaryId() <= 0 ? null : em.find(Intermediary.class, input.intermediaryId());
        if (intermediary == null) {
            throw new BusinessException("intermediary", "intermediary.unknown", input.intermediaryId());
        }
        intermediary.getDonor().requireActive();
        Fund fund = input.fundId() <= 0 ? null : em.find(Fund.class, input.fundId());
        if (fund == null) {
            throw new BusinessException("fund", "fund.unknown", input.fundId());
        }
        String currency = input.currency().trim().toUpperCase();
        if (em.find(AcceptedCurrency.class, currency) == null) {
            throw new BusinessException("currency", "currency.notAccepted", currency);
        }
        ExchangeRate rate = null;
        if (input.receivedDate() != null) {
            if (input.receivedDate().isAfter(LocalDate.now(clock))) {
                throw new BusinessException("receivedDate", "contribution.receivedDate.future");
            }
            closedYears.requireOpen(input.fundId(), input.receivedDate(), "receivedDate");
            rate = rates.require(currency, input.receivedDate(), "receivedDate", input.staleRateReason());
        }
        return new Resolved(intermediary, fund, rate, giverDonors(input.gifts()));
    }

    Map<Long, Donor> giverDonors(List<GiftInput> gifts) {
        Map<Long, Donor> found = new HashMap<>();
        if (gifts == null) {
            return found;
        }
        for (int i = 0; i < gifts.size(); i++) {
            Long id = gifts.get(i).giverDonorId();
            if (id != null && !found.containsKey(id)) {
                Donor d = em.find(Donor.class, id);
                if (d == null) {
                    throw new BusinessException("gifts", "transfer.gift.donorUnknown", i + 1, id);
                }
                found.put(id, d);
            }
        }
        return found;
    }

    /** Certified by a second person once it reconciles: the net is posted as the fund's income. */
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    public IntermediaryTransfer certify(long id, long expectedVersion) {
        IntermediaryTransfer transfer = load(id, expectedVersion);
        transfer.certify(caller.name(), clock.instant());
        ledger.post(certificationJournal(transfer));
        acknowledgements.issue(org.trustfund.acknowledgement.AcknowledgedReceipt.of(transfer));
        audit.record(AuditAction.UPDATE, TRANSFER, id, Changes.of().field("status", "RECORDED", "CERTIFIED")
                .value("recordedBy", transfer.getCertification().getRecordedBy())
                .value("net", transfer.netMoney()).value("usdNet", transfer.usdValue()).toString());
        return transfer;
    }

    Journal certificationJournal(IntermediaryTransfer t) {
        return Journal.builder(JournalEvent.TRANSFER_CERTIFIED, t.getFund().getId(), t.getDonor().getId(),
                        t.getReceivedDate(), IntermediaryTransfer.SOURCE_TYPE, t.getId(),
                        "Transfer " + t.getId() + " from " + t.getIntermediary().getName() + " (" + t.getBankReference()
                                + ") net " + t.netMoney() + " of gross " + t.grossMoney() + " less fees " + t.feesMoney())
                .debit(Account.CASH, t.usdValue(), t.netMoney(), null)
                .credit(Account.CONTRIBUTION_REVENUE, t.usdValue(), t.netMoney(), null)
                .build(clock.instant(), caller.name());
    }

    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    public IntermediaryTransfer sendBack(long id, long expectedVersion, String reason) {
        IntermediaryTransfer transfer = load(id, expectedVersion);
        transfer.sendBack(caller.name(), reason);
        audit.record(AuditAction.UPDATE, TRANSFER, id, Changes.of().field("status", "RECORDED", "RETURNED")
                .value("reason", transfer.getCertification().getReturnedReason()).toString());
        return transfer;
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
    public ApprovalRequest requestReversal(long id, long expectedVersion, String reason) {
        IntermediaryTransfer transfer = load(id, expectedVersion);
        transfer.requireReversible();
        ApprovalRequest request = approvals.file(new ApprovalRequest(ApprovalKind.TRANSFER_REVERSAL,
                IntermediaryTransfer.SOURCE_TYPE, id, transfer.getFund().getId(), transfer.getDonor().getId(), null,
                reason, clock.instant(), caller.name()));
        audit.record(AuditAction.CREATE, ApprovalService.ENTITY, request.getId(), Changes.of()
                .value("kind", request.getKind()).value("transfer", id).value("reason", request.getReason()).toString());
        return request;
    }

    /** A certifying officer who did not ask approves: the posting is mirrored by a reversing journal dated today. */
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    public IntermediaryTransfer approveReversal(long requestId, long expectedVersion) {
        ApprovalRequest request = approvals.load(requestId, expectedVersion);
        request.requireKind(ApprovalKind.TRANSFER_REVERSAL);
        request.approve(caller.name(), clock.instant());
        IntermediaryTransfer transfer = em.find(IntermediaryTransfer.class, request.getSubjectId());
        transfer.reverse(caller.name(), request.getReason(), clock.instant());
        LocalDate today = LocalDate.now(clock);
        for (Journal posted : ledger.journalsOf(IntermediaryTransfer.SOURCE_TYPE, transfer.getId())) {
            if (posted.getReversesJournalId() == null) {
                ledger.post(posted.reversal(JournalEvent.TRANSFER_REVERSED, today, "Reversal of transfer "
                        + transfer.getId() + ": " + transfer.getCertification().getReversalReason())
                        .build(clock.instant(), caller.name()));
            }
        }
        acknowledgements.cancel(org.trustfund.receipt.ReceiptKind.TRANSFER, transfer.getId(),
                transfer.getCertification().getReversalReason());
        audit.record(AuditAction.UPDATE, TRANSFER, transfer.getId(), Changes.of().field("status", "CERTIFIED", "REVERSED")
                .value("reason", transfer.getCertification().getReversalReason())
                .value("requestedBy", request.getRequestedBy()).value("request", request.getId()).toString());
        audit.record(AuditAction.UPDATE, ApprovalService.ENTITY, request.getId(), Changes.of()
                .field("status", "PENDING", request.getStatus()).value("kind", request.getKind())
                .value("subject", request.getSubjectType() + " " + request.getSubjectId())
                .value("requestedBy", request.getRequestedBy()).toString());
        return transfer;
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public IntermediaryTransfer findTransfer(long id) {
        IntermediaryTransfer transfer = em.find(IntermediaryTransfer.class, id);
        if (transfer == null) {
            throw new UnknownRecordException("transfer.unknown", id);
        }
        transfer.getGifts().size();
        return transfer;
    }

    /**
     * The transfers the filter selects, in the list's order (pending first, then newest received), as an xlsx: gross,
     * fees and net in the transfer's currency and in US dollars, with the US dollar net totalled by a formula.
     */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public long exportTransfers(TransferQuery query, java.util.Locale locale, java.io.OutputStream out)
            throws java.io.IOException {
        org.trustfund.spreadsheet.ListExport text = org.trustfund.spreadsheet.ListExport.in(locale);
        List<String> filters = new ArrayList<>();
        if (query.intermediaryId() != null) {
            filters.add(text.text("transfers.filter.intermediary", intermediary(query.intermediaryId()).getName()));
        }
        if (query.fundId() != null) {
            Fund fund = em.find(Fund.class, query.fundId());
            filters.add(text.text("transfers.filter.fund", fund == null ? String.valueOf(query.fundId()) : fund.getCode()));
        }
        if (query.status() != null) {
            filters.add(text.text("transfers.filter.status", text.enumText("receipt.", query.status())));
        }
        if (query.pending() != null) {
            filters.add(text.text(query.pending() ? "transfers.filter.pending" : "transfers.filter.received"));
        }
        text.period(filters, "transfers.filter.received", query.from(), query.to());
        long written = 0;
        BigDecimal usdNet = BigDecimal.ZERO.setScale(2);
        try (org.trustfund.spreadsheet.XlsxWriter xlsx = org.trustfund.spreadsheet.XlsxWriter.create()) {
            org.trustfund.spreadsheet.SheetWriter sheet = text.begin(xlsx, "transfers.title", filters,
                    text.text("transfers.sort"), caller.name(), clock.instant(), "transfers.column.id",
                    "transfers.column.intermediary", "transfers.column.fund", "transfers.column.statement",
                    "transfers.column.received", "transfers.column.bankReference", "transfers.column.currency",
                    "transfers.column.gross", "transfers.column.fees", "transfers.column.net", "transfers.column.usdGross",
                    "transfers.column.usdFees", "transfers.column.usdNet", "transfers.column.gifts",
                    "transfers.column.status");
            int first = sheet.nextRow();
            for (int from = 0;; from += org.trustfund.spreadsheet.ListExport.CHUNK) {
                List<IntermediaryTransfer> chunk = searchTransfers(query, from, org.trustfund.spreadsheet.ListExport.CHUNK);
                for (IntermediaryTransfer t : chunk) {
                    int units = org.trustfund.money.CurrencyUnits.of(t.getCurrency());
                    org.trustfund.spreadsheet.RowWriter row = sheet.row().integer(t.getId()).text(t.getIntermediary().getName())
                            .text(t.getFund().getCode()).text(t.getStatementReference()).date(t.getReceivedDate())
                            .text(t.getBankReference()).text(t.getCurrency()).amount(t.getGross(), units)
                            .amount(t.getFees(), units);
                    if (t.getNet() == null) {
                        row.blank();
                    } else {
                        row.amount(t.getNet(), units);
                    }
                    row.usd(t.getUsdGross()).usd(t.getUsdFees()).usd(t.getUsdNet()).integer(t.getGifts().size())
                            .text(text.enumText("receipt.", t.getStatus()));
                    if (t.getUsdNet() != null && t.getStatus() == ReceiptStatus.CERTIFIED) {
                        usdNet = usdNet.add(t.getUsdNet());
                    }
                    written++;
                }
                em.clear();
                if (chunk.size() < org.trustfund.spreadsheet.ListExport.CHUNK) {
                    break;
                }
            }
            sheet.blankRow();
            sheet.row().bold(text.text("transfers.certifiedNet")).skipTo(12).usdTotal(usdNet);
            xlsx.write(out);
        }
        return written;
    }

    /** The ledger journals a transfer posted (its certification, then any reversal), oldest first. */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public List<Long> journalIds(long transferId) {
        return ledger.journalsOf(IntermediaryTransfer.SOURCE_TYPE, transferId).stream().map(Journal::getId).toList();
    }

    /** Pending first (no received date), then newest received; then id. */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public List<IntermediaryTransfer> searchTransfers(TransferQuery query, int first, int pageSize) {
        org.trustfund.platform.Period.requireOrdered(query.from(), query.to());
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<IntermediaryTransfer> cq = cb.createQuery(IntermediaryTransfer.class);
        Root<IntermediaryTransfer> t = cq.from(IntermediaryTransfer.class);
        t.fetch("intermediary").fetch("donor");
        t.fetch("fund");
        cq.select(t).where(predicates(cb, t, query)).orderBy(
                cb.asc(cb.selectCase().when(cb.isNull(t.get("receivedDate")), 0).otherwise(1)),
                cb.desc(t.get("receivedDate")), cb.desc(t.get("id")));
        return em.createQuery(cq).setFirstResult(first).setMaxResults(pageSize).getResultList();
    }

    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public long countTransfers(TransferQuery query) {
        org.trustfund.platform.Period.requireOrdered(query.from(), query.to());
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> cq = cb.createQuery(Long.class);
        Root<IntermediaryTransfer> t = cq.from(IntermediaryTransfer.class);
        cq.select(cb.count(t)).where(predicates(cb, t, query));
        return em.createQuery(cq).getSingleResult();
    }

    static Predicate[] predicates(CriteriaBuilder cb, Root<IntermediaryTransfer> t, TransferQuery q) {
        List<Predicate> where = new ArrayList<>();
        if (q.intermediaryId() != null) {
            where.add(cb.equal(t.get("intermediary").get("id"), q.intermediaryId()));
        }
        if (q.fundId() != null) {
            where.add(cb.equal(t.get("fund").get("id"), q.fundId()));
        }
        if (q.status() != null) {
            where.add(cb.equal(t.get("certification").get("status"), q.status()));
        }
        // Pending: reported by the intermediary, the money not received yet (never income); reversed ones are not.
        if (Boolean.TRUE.equals(q.pending())) {
            where.add(cb.isNull(t.get("receivedDate")));
            where.add(cb.notEqual(t.get("certification").get("status"), ReceiptStatus.REVERSED));
        } else if (Boolean.FALSE.equals(q.pending())) {
            where.add(cb.isNotNull(t.get("receivedDate")));
        }
        if (q.from() != null) {
            where.add(cb.greaterThanOrEqualTo(t.get("receivedDate"), q.from()));
        }
        if (q.to() != null) {
            where.add(cb.lessThanOrEqualTo(t.get("receivedDate"), q.to()));
        }
        return where.toArray(Predicate[]::new);
    }

    IntermediaryTransfer load(long id, long expectedVersion) {
        IntermediaryTransfer transfer = em.find(IntermediaryTransfer.class, id);
        if (transfer == null) {
            throw new UnknownRecordException("transfer.unknown", id);
        }
        ConcurrentChangeException.requireVersion(transfer.getVersion(), expectedVersion);
        return transfer;
    }

    static Changes describe(IntermediaryTransfer t) {
        Reconciliation r = t.reconciliation();
        return Changes.of().value("intermediary", t.getIntermediary().getId()).value("fund", t.getFund().getCode())
                .value("received", t.getReceivedDate()).value("gross", r.gross()).value("fees", r.fees())
                .value("net", r.net()).value("bankReference", t.getBankReference())
                .value("statement", t.getStatementReference())
                .value("rate", t.getUnitsPerUsd() == null ? null : t.getUnitsPerUsd().toPlainString()
                        + (t.getStaleRateReason() == null ? "" : " of " + t.getRate().getEffectiveDate()
                                + ", stale rate used because: " + t.getStaleRateReason()))
                .value("usdNet", t.usdValue()).value("gifts", t.getGifts().size()).value("giftsTotal", r.gifts());
    }
}
