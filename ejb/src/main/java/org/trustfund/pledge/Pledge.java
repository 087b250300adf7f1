package org.trustfund.pledge;

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
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.trustfund.donor.Donor;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.FieldErrors;
import org.trustfund.platform.TextLimits;
import org.trustfund.reference.ExchangeRate;
import org.trustfund.reference.Fund;
import org.trustfund.reference.StaleRateException;

/**
 * A donor's promise to a fund, in the donor's currency, with an instalment schedule that adds up to it.
 *
 * <p>Lifecycle: it starts {@link PledgeStatus#PLEDGED} (memo only, no revenue). When the Standard Trust
 * Fund Agreement is signed ({@link #signAgreement}) it becomes a receivable at the operational rate of the
 * signing date. Certified contributions applied to its instalments make it {@link PledgeStatus#PARTLY_PAID}
 * and then {@link PledgeStatus#PAID} ({@link #settle}); a reversal can take it back. What is still owed can
 * be {@link #writeOff written off} with a reason. A change of amount or schedule is a {@link #revise
 * revision}: the instalments are rewritten in place, never appended, and the revision is kept.
 */
@Entity
@Table(name = "pledge")
public class Pledge {

    public static final String SOURCE_TYPE = "Pledge";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "donor_id", nullable = false, updatable = false)
    private Donor donor;

    @ManyToOne(optional = false)
    @JoinColumn(name = "fund_id", nullable = false, updatable = false)
    private Fund fund;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "amount", column = @Column(name = "amount", nullable = false, precision = 19, scale = 4)),
            @AttributeOverride(name = "currency", column = @Column(name = "currency", nullable = false, length = 3, updatable = false))})
    private Money amount;

    @Column(name = "purpose", length = 500)
    private String purpose;

    @Column(name = "first_year", nullable = false)
    private int firstYear;

    @Column(name = "last_year", nullable = false)
    private int lastYear;

    @Column(name = "pledged_on", nullable = false)
    private LocalDate pledgedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private PledgeStatus status;

    @Column(name = "agreement_date")
    private LocalDate agreementDate;

    @Column(name = "agreement_reference", length = 100)
    private String agreementReference;

    @ManyToOne
    @JoinColumn(name = "agreement_rate_id")
    private ExchangeRate agreementRate;

    /** Why the agreement was booked at a rate from before its month (null when the rate was the month's). */
    @Column(name = "agreement_stale_rate_reason", length = 500)
    private String agreementStaleRateReason;

    @Column(name = "agreement_conditions", length = 500)
    private String agreementConditions;

    @Column(name = "conditions_met_on")
    private LocalDate conditionsMetOn;

    @Column(name = "written_off_on")
    private LocalDate writtenOffOn;

    @Column(name = "write_off_reason", length = 500)
    private String writeOffReason;

    @Column(name = "revision", nullable = false)
    private int revision;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 100)
    private String createdBy;

    @OneToMany(mappedBy = "pledge", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seq")
    private List<Instalment> instalments = new ArrayList<>();

    @OneToMany(mappedBy = "pledge", cascade = CascadeType.PERSIST)
    @OrderBy("revision")
    private List<PledgeRevision> revisions = new ArrayList<>();

    @Version
    private long version;

    protected Pledge() {
    }

    /**
     * @param createdAt when it is recorded, from the service's clock: its day (UTC) is "today", after which
     *        nothing can have been pledged
     */
    public Pledge(Donor donor, Fund fund, Money amount, String purpose, int firstYear, int lastYear,
            LocalDate pledgedOn, List<ScheduleLine> schedule, Instant createdAt, String createdBy) {
        this.donor = Objects.requireNonNull(donor, "donor");
        this.fund = Objects.requireNonNull(fund, "fund");
        // Every field's refusal at once, in the order the form shows them.
        FieldErrors errors = new FieldErrors();
        errors.check(() -> requirePositive(amount));
        if (lastYear < firstYear) {
            errors.add("lastYear", "pledge.years.order");
        }
        if (pledgedOn == null) {
            errors.add("pledgedOn", "pledge.date.required");
        } else {
            errors.check(() -> requireNotFuture("pledgedOn", pledgedOn, LocalDate.ofInstant(Objects.requireNonNull(createdAt), ZoneOffset.UTC)));
        }
        if (amount != null) {
            errors.check(() -> requireScheduleAddsUp(amount, schedule));
        }
        errors.check(() -> TextLimits.requireAtMost("purpose", purpose, 500));
        if (!errors.has("schedule") && schedule != null && lastYear >= firstYear) {
            errors.check(() -> requireWithinYears(schedule, firstYear, lastYear));
        }
        errors.throwIfAny();
        this.amount = amount;
        this.purpose = purpose == null || purpose.isBlank() ? null : purpose.trim();
        this.firstYear = firstYear;
        this.lastYear = lastYear;
        this.pledgedOn = pledgedOn;
        this.status = PledgeStatus.PLEDGED;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.createdBy = Objects.requireNonNull(createdBy);
        for (int i = 0; i < schedule.size(); i++) {
            instalments.add(new Instalment(this, i + 1, schedule.get(i)));
        }
    }

    /** No financial event is dated after the day it is recorded. */
    private static void requireNotFuture(String field, LocalDate date, LocalDate today) {
        if (date.isAfter(Objects.requireNonNull(today, "today"))) {
            throw new BusinessException(field, "date.future", date.toString(), today.toString());
        }
    }

    /** Every instalment falls due within the pledge's years: 1 January of the first to 31 December of the last. */
    static void requireWithinYears(List<ScheduleLine> schedule, int firstYear, int lastYear) {
        for (int i = 0; i < schedule.size(); i++) {
            int year = schedule.get(i).dueDate().getYear();
            if (year < firstYear || year > lastYear) {
                throw new BusinessException("schedule", "pledge.schedule.outsideYears", i + 1,
                        schedule.get(i).dueDate().toString(), String.valueOf(firstYear), String.valueOf(lastYear));
            }
        }
    }

    private static void requirePositive(Money amount) {
        if (amount == null || !amount.isPositive()) {
            throw new BusinessException("amount", "amount.notPositive");
        }
    }

    /** The schedule must be in the pledge's currency, positive, and add up exactly to the amount. */
    static void requireScheduleAddsUp(Money amount, List<ScheduleLine> schedule) {
        if (schedule == null || schedule.isEmpty()) {
            throw new BusinessException("schedule", "pledge.schedule.empty");
        }
        Money total = Money.zero(amount.currency());
        for (int i = 0; i < schedule.size(); i++) {
            ScheduleLine line = schedule.get(i);
            if (line.dueDate() == null) {
                throw new BusinessException("schedule", "pledge.schedule.dateMissing", i + 1);
            }
            if (line.amount() == null || !line.amount().isPositive()) {
                throw new BusinessException("schedule", "pledge.schedule.amountNotPositive", i + 1);
            }
            if (!line.amount().isSameCurrency(amount)) {
                throw new BusinessException("schedule", "pledge.schedule.currency", i + 1, amount.currencyCode());
            }
            total = total.plus(line.amount());
        }
        if (!total.equals(amount)) {
            throw new BusinessException("schedule", "pledge.schedule.doesNotAddUp", total.toString(), amount.toString());
        }
    }

    /**
     * Records the signed agreement. From now on the pledge is a receivable, booked at {@code rate} (null
     * for a US dollar pledge).
     */
    public void signAgreement(LocalDate date, String reference, ExchangeRate rate, LocalDate today) {
        signAgreement(date, reference, rate, null, null, today);
    }

    /**
     * Records a signed agreement with conditions that would oblige the fund to return the money if unmet
     * (IPSAS 23): until they are met, what is agreed is deferred revenue. No conditions (null or blank):
     * revenue at once. {@code today} is the service's today: an agreement is not dated after it. A rate from
     * before the agreement's month needs {@code staleRateReason}, which is kept.
     */
    public void signAgreement(LocalDate date, String reference, ExchangeRate rate, String conditions,
            String staleRateReason, LocalDate today) {
        if (agreementDate != null || !status.isOpen()) {
            throw new BusinessException("pledge.agreement.alreadySigned");
        }
        if (date == null) {
            throw new BusinessException("agreementDate", "pledge.agreement.dateRequired");
        }
        requireNotFuture("agreementDate", date, today);
        if (date.isBefore(pledgedOn)) {
            throw new BusinessException("agreementDate", "pledge.agreement.beforePledge", pledgedOn);
        }
        if (reference == null || reference.isBlank()) {
            throw new BusinessException("agreementReference", "pledge.agreement.referenceRequired");
        }
        TextLimits.requireAtMost("agreementReference", reference, 100);
        boolean stale = rate != null && rate.isStaleOn(date);
        if (stale && (staleRateReason == null || staleRateReason.isBlank())) {
            throw new StaleRateException("agreementDate", rate, date);
        }
        if (stale && staleRateReason.trim().length() > 500) {
            throw new BusinessException("staleRateReason", "rate.staleReason.tooLong", 500);
        }
        TextLimits.requireAtMost("agreementConditions", conditions, 500);
        this.agreementDate = date;
        this.agreementReference = reference.trim();
        this.agreementRate = rate;
        this.agreementStaleRateReason = stale ? staleRateReason.trim() : null;
        this.agreementConditions = conditions == null || conditions.isBlank() ? null : conditions.trim();
        if (status == PledgeStatus.PLEDGED) {
            this.status = PledgeStatus.AGREEMENT_SIGNED;
        }
    }

    /**
     * Rewrites amount and schedule. Instalment n of the new schedule takes the place of instalment n of the
     * old one (keeping what was paid on it); instalments beyond the new schedule are removed, which is only
     * allowed if nothing was paid on them. Nothing is ever appended to the old schedule.
     *
     * @param paidBySeq what certified contributions have paid on each current instalment, by sequence
     * @return the revision record, kept with the pledge
     */
    public PledgeRevision revise(Money newAmount, List<ScheduleLine> newSchedule, String reason,
            Map<Integer, Money> paidBySeq, Instant at, String by) {
        if (!status.isOpen()) {
            throw new BusinessException("pledge.revise.closed", status);
        }
        if (reason == null || reason.isBlank()) {
            throw new BusinessException("reason", "reason.required");
        }
        TextLimits.requireAtMost("reason", reason, 500);
        requirePositive(newAmount);
        if (!newAmount.isSameCurrency(amount)) {
            throw new BusinessException("amount", "pledge.revise.currency", amount.currencyCode());
        }
        requireScheduleAddsUp(newAmount, newSchedule);
        requireWithinYears(newSchedule, firstYear, lastYear);
        for (Instalment existing : instalments) {
            Money paid = paidBySeq.getOrDefault(existing.getSeq(), Money.zero(amount.currency()));
            if (!paid.isPositive()) {
                continue;
            }
            if (existing.getSeq() > newSchedule.size()) {
                throw new BusinessException("schedule", "pledge.revise.removesPaid", existing.getSeq(), paid.toString());
            }
            if (newSchedule.get(existing.getSeq() - 1).amount().isLessThan(paid)) {
                throw new BusinessException("schedule", "pledge.revise.belowPaid", existing.getSeq(), paid.toString());
            }
        }
        String before = describe(instalments.stream().map(Instalment::asLine).toList());
        Money amountBefore = amount;
        instalments.removeIf(i -> i.getSeq() > newSchedule.size());
        for (int i = 0; i < newSchedule.size(); i++) {
            if (i < instalments.size()) {
                instalments.get(i).reschedule(newSchedule.get(i));
            } else {
                instalments.add(new Instalment(this, i + 1, newSchedule.get(i)));
            }
        }
        this.amount = newAmount;
        this.revision++;
        PledgeRevision record = new PledgeRevision(this, revision, at, by, reason.trim(), amountBefore.amount(),
                newAmount.amount(), before, describe(newSchedule));
        revisions.add(record);
        return record;
    }

    private static String describe(List<ScheduleLine> lines) {
        return lines.stream().map(ScheduleLine::toString).collect(Collectors.joining("; "));
    }

    /** Follows payments: partly paid, paid, or back to unpaid after a reversal. */
    public void settle(Money totalPaid) {
        if (status == PledgeStatus.WRITTEN_OFF) {
            return;
        }
        if (totalPaid.isGreaterThan(amount)) {
            throw new BusinessException("contribution.overpaysPledge", id);
        }
        if (totalPaid.equals(amount)) {
            status = PledgeStatus.PAID;
        } else if (totalPaid.isPositive()) {
            status = PledgeStatus.PARTLY_PAID;
        } else {
            status = agreementDate == null ? PledgeStatus.PLEDGED : PledgeStatus.AGREEMENT_SIGNED;
        }
    }

    /** What fell due before {@code asOf} and is still unpaid, over all instalments; {@code paidOn} tells each one's payments. */
    public Money overdue(LocalDate asOf, Function<Instalment, Money> paidOn) {
        Money total = Money.zero(amount.currency());
        for (Instalment i : instalments) {
            total = total.plus(i.overdue(asOf, paidOn.apply(i)));
        }
        return total;
    }

    /** The agreement's conditions are met on {@code on}: from then on what was agreed is revenue. */
    public void recordConditionsMet(LocalDate on, LocalDate today) {
        if (!isRevenueDeferred()) {
            throw new BusinessException("pledge.conditions.noneOpen");
        }
        if (on == null) {
            throw new BusinessException("conditionsMetOn", "pledge.date.required");
        }
        requireNotFuture("conditionsMetOn", on, today);
        if (on.isBefore(agreementDate)) {
            throw new BusinessException("conditionsMetOn", "pledge.conditions.beforeAgreement", agreementDate);
        }
        this.conditionsMetOn = on;
    }

    /** Signed with conditions not yet met: what is agreed stays deferred revenue. */
    public boolean isRevenueDeferred() {
        return agreementConditions != null && conditionsMetOn == null;
    }

    /**
     * Gives up what is still owed (once a second person approved the request), on a day between the agreement (or
     * the pledge) and {@code today}.
     */
    public void writeOff(LocalDate on, String reason, LocalDate today) {
        requireWriteOffAllowed(on, reason, today);
        this.status = PledgeStatus.WRITTEN_OFF;
        this.writtenOffOn = on;
        this.writeOffReason = reason.trim();
    }

    /** The checks of {@link #writeOff}, made when the write-off is requested and again when it is approved. */
    public void requireWriteOffAllowed(LocalDate on, String reason, LocalDate today) {
        if (!status.isOpen()) {
            throw new BusinessException("pledge.writeOff.closed", status);
        }
        if (reason == null || reason.isBlank()) {
            throw new BusinessException("reason", "reason.required");
        }
        TextLimits.requireAtMost("reason", reason, 500);
        if (on == null) {
            throw new BusinessException("writtenOffOn", "pledge.date.required");
        }
        requireNotFuture("writtenOffOn", on, today);
        LocalDate earliest = agreementDate != null ? agreementDate : pledgedOn;
        if (on.isBefore(earliest)) {
            throw new BusinessException("writtenOffOn", agreementDate != null ? "pledge.writeOff.beforeAgreement"
                    : "pledge.writeOff.beforePledge", earliest.toString());
        }
    }

    public boolean isAgreementSigned() {
        return agreementDate != null;
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

    public Money getAmount() {
        return amount;
    }

    public String getPurpose() {
        return purpose;
    }

    public int getFirstYear() {
        return firstYear;
    }

    public int getLastYear() {
        return lastYear;
    }

    public LocalDate getPledgedOn() {
        return pledgedOn;
    }

    public PledgeStatus getStatus() {
        return status;
    }

    public LocalDate getAgreementDate() {
        return agreementDate;
    }

    public String getAgreementReference() {
        return agreementReference;
    }

    public String getAgreementConditions() {
        return agreementConditions;
    }

    public LocalDate getConditionsMetOn() {
        return conditionsMetOn;
    }

    public ExchangeRate getAgreementRate() {
        return agreementRate;
    }

    public String getAgreementStaleRateReason() {
        return agreementStaleRateReason;
    }

    public LocalDate getWrittenOffOn() {
        return writtenOffOn;
    }

    public String getWriteOffReason() {
        return writeOffReason;
    }

    public int getRevision() {
        return revision;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public List<Instalment> getInstalments() {
        return Collections.unmodifiableList(instalments);
    }

    public List<PledgeRevision> getRevisions() {
        return Collections.unmodifiableList(revisions);
    }

    public long getVersion() {
        return version;
    }
}
