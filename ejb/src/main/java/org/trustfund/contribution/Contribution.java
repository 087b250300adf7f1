package org.trustfund.contribution;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.trustfund.donor.Donor;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.pledge.Instalment;
import org.trustfund.reference.AcceptedCurrency;
import org.trustfund.reference.ExchangeRate;
import org.trustfund.reference.Fund;
import org.trustfund.reference.StaleRateException;

/**
 * Cash received from a donor for a fund, in the currency it arrived in, with its US dollar value at the
 * operational rate in force on the received date.
 *
 * <p>Lifecycle: a finance officer records it ({@link ContributionStatus#RECORDED}), optionally applied to
 * instalments of the donor's pledges; a certifying officer who is not the recorder either certifies it
 * ({@link #certify}: it is posted to the ledger and counts in reports) or sends it back with a reason
 * ({@link #sendBack}), after which the officer corrects and resubmits it. A certified contribution is never
 * edited: it is {@link #reverse reversed} with a reason and recorded again; both stay visible.
 *
 * <p>It is the cash kind of {@link org.trustfund.receipt.Receipt}. Its certification columns predate the shared
 * {@link org.trustfund.receipt.Certification} of in-kind contributions and transfers and keep their own status
 * type, which the queries, pages and API of contributions name.
 */
@Entity
@Table(name = "contribution")
public class Contribution implements org.trustfund.receipt.Receipt {

    public static final String SOURCE_TYPE = "Contribution";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "donor_id", nullable = false)
    private Donor donor;

    @ManyToOne(optional = false)
    @JoinColumn(name = "fund_id", nullable = false)
    private Fund fund;

    @Column(name = "received_date", nullable = false)
    private LocalDate receivedDate;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "amount", column = @Column(name = "amount", nullable = false, precision = 19, scale = 4)),
            @AttributeOverride(name = "currency", column = @Column(name = "currency", nullable = false, length = 3))})
    private Money amount;

    @Column(name = "bank_reference", nullable = false, length = 100)
    private String bankReference;

    @ManyToOne
    @JoinColumn(name = "rate_id")
    private ExchangeRate rate;

    /** Why a rate from before the received date's month was used (null when the rate was the month's). */
    @Column(name = "stale_rate_reason", length = 500)
    private String staleRateReason;

    @Column(name = "units_per_usd", nullable = false, precision = 19, scale = 6)
    private BigDecimal unitsPerUsd;

    @Column(name = "usd_amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal usdAmount;

    /**
     * The unapplied part, certified while the donor had an open receivable in the fund, is held as unapplied
     * receipts (a liability) until applied or recognised as a separate gift; otherwise it was revenue at once.
     */
    @Column(name = "unapplied_held", nullable = false)
    private boolean unappliedHeld;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private ContributionStatus status;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, length = 100)
    private String recordedBy;

    @Column(name = "certified_at")
    private Instant certifiedAt;

    @Column(name = "certified_by", length = 100)
    private String certifiedBy;

    @Column(name = "returned_reason", length = 500)
    private String returnedReason;

    @Column(name = "reversed_at")
    private Instant reversedAt;

    @Column(name = "reversed_by", length = 100)
    private String reversedBy;

    @Column(name = "reversal_reason", length = 500)
    private String reversalReason;

    @ManyToOne
    @JoinColumn(name = "replaces_id", updatable = false)
    private Contribution replaces;

    @Column(name = "import_batch_id", updatable = false)
    private Long importBatchId;

    @OneToMany(mappedBy = "contribution", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<ContributionApplication> applications = new ArrayList<>();

    /**
     * The order applications are shown and posted in: those made with the contribution by due date, then those
     * applied later from held receipts by when. Neither the rows' ids (the insert order of new rows is the
     * persistence provider's) nor the database's reading order says it.
     */
    private static final java.util.Comparator<ContributionApplication> IN_ORDER = java.util.Comparator
            .comparing(ContributionApplication::getAppliedAt, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
            .thenComparing(a -> a.getInstalment().getDueDate())
            .thenComparing(a -> a.getInstalment().getPledge().getId(), java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
            .thenComparing(a -> a.getInstalment().getSeq());

    @Version
    private long version;

    protected Contribution() {
    }

    /**
     * @param rate the operational rate in force on the received date; null only for US dollars
     */
    public Contribution(Donor donor, Fund fund, LocalDate receivedDate, Money amount, String bankReference,
            ExchangeRate rate, Contribution replaces, Long importBatchId, Instant recordedAt, String recordedBy) {
        this.replaces = replaces;
        this.importBatchId = importBatchId;
        this.status = ContributionStatus.RECORDED;
        this.recordedAt = Objects.requireNonNull(recordedAt);
        this.recordedBy = Objects.requireNonNull(recordedBy);
        describe(donor, fund, receivedDate, amount, bankReference, rate);
    }

    private void describe(Donor newDonor, Fund newFund, LocalDate newReceivedDate, Money newAmount, String newReference,
            ExchangeRate newRate) {
        if (newAmount == null || !newAmount.isPositive()) {
            throw new BusinessException("amount", "amount.notPositive");
        }
        if (newReceivedDate == null) {
            throw new BusinessException("receivedDate", "contribution.receivedDate.required");
        }
        if (newReference == null || newReference.isBlank()) {
            throw new BusinessException("bankReference", "contribution.bankReference.required");
        }
        org.trustfund.platform.TextLimits.requireAtMost("bankReference", newReference, 100);
        boolean usd = AcceptedCurrency.USD.equals(newAmount.currencyCode());
        if (usd != (newRate == null) || (newRate != null && !newRate.getCurrency().equals(newAmount.currencyCode()))) {
            throw new IllegalArgumentException("Rate " + newRate + " does not convert " + newAmount);
        }
        this.donor = Objects.requireNonNull(newDonor, "donor");
        this.fund = Objects.requireNonNull(newFund, "fund");
        this.receivedDate = newReceivedDate;
        this.amount = newAmount;
        this.bankReference = newReference.trim();
        this.rate = newRate;
        this.unitsPerUsd = usd ? BigDecimal.ONE.setScale(6) : newRate.getUnitsPerUsd();
        this.usdAmount = (usd ? newAmount : newRate.toUsd(newAmount)).amount();
    }

    /**
     * Keeps the officer's reason for converting at a rate from before the received date's month; refuses a
     * stale rate without one. A reason given for a current rate is not kept: there was nothing to explain.
     */
    public void explainRate(String reason) {
        boolean stale = rate != null && rate.isStaleOn(receivedDate);
        if (stale && (reason == null || reason.isBlank())) {
            throw new StaleRateException("receivedDate", rate, receivedDate);
        }
        if (stale && reason.trim().length() > 500) {
            throw new BusinessException("staleRateReason", "rate.staleReason.tooLong", 500);
        }
        this.staleRateReason = stale ? reason.trim() : null;
    }

    /** The officer corrects a contribution that is not yet certified; it goes back to the certifier. */
    public void correct(Donor newDonor, Fund newFund, LocalDate newReceivedDate, Money newAmount, String newReference,
            ExchangeRate newRate) {
        requireStatus(ContributionStatus.RECORDED, ContributionStatus.RETURNED);
        describe(newDonor, newFund, newReceivedDate, newAmount, newReference, newRate);
        applications.clear();
        status = ContributionStatus.RECORDED;
        returnedReason = null;
    }

    /**
     * Applies the contribution to instalments, replacing any earlier application. Each amount must be
     * positive and in the contribution's currency; together they may not exceed the contribution; none
     * may exceed what is still open on its instalment.
     *
     * @param openByInstalment what is still unpaid on each instalment named, by certified contributions
     */
    public void applyTo(Map<Instalment, Money> amounts, Map<Long, Money> openByInstalment) {
        requireStatus(ContributionStatus.RECORDED, ContributionStatus.RETURNED);
        List<ContributionApplication> next = applications(amounts, openByInstalment, amount,
                "contribution.apply.exceedsContribution", null, null);
        applications.clear();
        applications.addAll(next);
    }

    /**
     * Applies part or all of the unapplied receipts held for a certified contribution to instalments; the
     * earlier applications stay, each new one says when and by whom. The caller posts the journal that moves the
     * amount out of unapplied receipts.
     *
     * @return the new applications
     */
    public List<ContributionApplication> applyHeld(Map<Instalment, Money> amounts, Map<Long, Money> openByInstalment,
            Instant at, String by) {
        requireStatus(ContributionStatus.CERTIFIED);
        if (!unappliedHeld) {
            throw new BusinessException("applications", "contribution.held.none");
        }
        List<ContributionApplication> next = applications(amounts, openByInstalment, unapplied(), "contribution.held.exceeds",
                at, by);
        if (next.isEmpty()) {
            throw new BusinessException("applications", "contribution.held.nothingApplied");
        }
        applications.addAll(next);
        unappliedHeld = unapplied().isPositive();
        return next;
    }

    /** The held rest becomes revenue as a gift separate from any pledge (approved by a second person). */
    public Money recogniseHeldAsGift() {
        requireStatus(ContributionStatus.CERTIFIED);
        if (!unappliedHeld) {
            throw new BusinessException("contribution.held.none");
        }
        Money rest = unapplied();
        unappliedHeld = false;
        return rest;
    }

    /**
     * Checks the amounts to apply: each positive, in the contribution's currency, on the same donor's and fund's
     * instalment, none above what is still open on its instalment, together not above {@code available}.
     */
    private List<ContributionApplication> applications(Map<Instalment, Money> amounts, Map<Long, Money> openByInstalment,
            Money available, String tooMuchKey, Instant at, String by) {
        Money total = Money.zero(amount.currency());
        List<ContributionApplication> next = new ArrayList<>();
        for (Map.Entry<Instalment, Money> e : amounts.entrySet()) {
            Instalment instalment = e.getKey();
            Money applied = e.getValue();
            if (applied == null || applied.isZero()) {
                continue;
            }
            if (!instalment.getPledge().getDonor().getId().equals(donor.getId())) {
                throw new BusinessException("applications", "contribution.apply.otherDonor", instalment.getSeq());
            }
            if (!instalment.getPledge().getFund().getId().equals(fund.getId())) {
                throw new BusinessException("applications", "contribution.apply.otherFund", instalment.getSeq());
            }
            if (!applied.isSameCurrency(amount) || !instalment.getAmount().isSameCurrency(amount)) {
                throw new BusinessException("applications", "contribution.apply.currency",
                        instalment.getAmount().currencyCode(), amount.currencyCode());
            }
            if (applied.isNegative()) {
                throw new BusinessException("applications", "amount.notPositive");
            }
            Money open = openByInstalment.getOrDefault(instalment.getId(), instalment.getAmount());
            if (applied.isGreaterThan(open)) {
                throw new BusinessException("applications", "contribution.apply.exceedsInstalment", instalment.getSeq(),
                        instalment.getDueDate(), applied.toString(), open.toString());
            }
            total = total.plus(applied);
            next.add(new ContributionApplication(this, instalment, applied, at, by));
        }
        if (total.isGreaterThan(available)) {
            throw new BusinessException("applications", tooMuchKey, total.toString(), available.toString());
        }
        return next;
    }

    /** Certified by a second person: from now on it counts. */
    public void certify(String by, Instant at) {
        requireStatus(ContributionStatus.RECORDED);
        if (by.equals(recordedBy)) {
            throw new BusinessException("contribution.certify.ownEntry");
        }
        status = ContributionStatus.CERTIFIED;
        certifiedBy = by;
        certifiedAt = at;
    }

    /**
     * Decided at certification: if the donor still owes the fund under a signed agreement once this contribution
     * is applied, its unapplied part is held as unapplied receipts, not revenue (IPSAS 23: the agreement already
     * made the revenue; counting the cash again would count it twice).
     */
    public void holdUnappliedIf(boolean donorHasOpenReceivable) {
        requireStatus(ContributionStatus.CERTIFIED);
        unappliedHeld = donorHasOpenReceivable && unapplied().isPositive();
    }

    /** The certifier sends it back to the officer with a reason. */
    public void sendBack(String by, String reason) {
        requireStatus(ContributionStatus.RECORDED);
        if (by.equals(recordedBy)) {
            throw new BusinessException("contribution.certify.ownEntry");
        }
        if (reason == null || reason.isBlank()) {
            throw new BusinessException("reason", "reason.required");
        }
        status = ContributionStatus.RETURNED;
        returnedReason = reason.trim();
    }

    /** A reversal may be asked for only of a certified contribution. */
    public void requireReversible() {
        requireStatus(ContributionStatus.CERTIFIED);
    }

    /** Undoes a certified contribution (once a second person approved); the caller posts the reversing journal. */
    public void reverse(String by, String reason, Instant at) {
        requireReversible();
        if (reason == null || reason.isBlank()) {
            throw new BusinessException("reason", "reason.required");
        }
        status = ContributionStatus.REVERSED;
        reversedBy = by;
        reversalReason = reason.trim();
        reversedAt = at;
    }

    private void requireStatus(ContributionStatus... allowed) {
        for (ContributionStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new BusinessException("contribution.wrongStatus", status);
    }

    public Money applied() {
        return applications.stream().map(ContributionApplication::getAmount)
                .reduce(Money.zero(amount.currency()), Money::plus);
    }

    /** What is not applied to any instalment: held as unapplied receipts or, if none was owed, revenue. */
    public Money unapplied() {
        return amount.minus(applied());
    }

    /** True while the unapplied part is held as unapplied receipts (a liability). */
    public boolean isUnappliedHeld() {
        return unappliedHeld;
    }

    /** What is held as unapplied receipts now: the unapplied part while held, else nothing. */
    public Money heldUnapplied() {
        return unappliedHeld && status == ContributionStatus.CERTIFIED ? unapplied() : Money.zero(amount.currency());
    }

    @Override
    public Money usdValue() {
        return Money.of(usdAmount, AcceptedCurrency.USD);
    }

    @Override
    public org.trustfund.receipt.ReceiptKind receiptKind() {
        return org.trustfund.receipt.ReceiptKind.CASH;
    }

    @Override
    public LocalDate receiptDate() {
        return receivedDate;
    }

    @Override
    public boolean isCertified() {
        return status == ContributionStatus.CERTIFIED;
    }

    public Long getId() {
        return id;
    }

    public Donor getDonor() {
        return donor;
    }

    public Fund getFund() {
        return fund;
    }

    public LocalDate getReceivedDate() {
        return receivedDate;
    }

    public Money getAmount() {
        return amount;
    }

    public String getBankReference() {
        return bankReference;
    }

    public ExchangeRate getRate() {
        return rate;
    }

    public String getStaleRateReason() {
        return staleRateReason;
    }

    public BigDecimal getUnitsPerUsd() {
        return unitsPerUsd;
    }

    public BigDecimal getUsdAmount() {
        return usdAmount;
    }

    public ContributionStatus getStatus() {
        return status;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getCertifiedAt() {
        return certifiedAt;
    }

    public String getCertifiedBy() {
        return certifiedBy;
    }

    public String getReturnedReason() {
        return returnedReason;
    }

    public Instant getReversedAt() {
        return reversedAt;
    }

    public String getReversedBy() {
        return reversedBy;
    }

    public String getReversalReason() {
        return reversalReason;
    }

    public Contribution getReplaces() {
        return replaces;
    }

    public Long getImportBatchId() {
        return importBatchId;
    }

    public List<ContributionApplication> getApplications() {
        List<ContributionApplication> inOrder = new ArrayList<>(applications);
        inOrder.sort(IN_ORDER);
        return Collections.unmodifiableList(inOrder);
    }

    public long getVersion() {
        return version;
    }
}
