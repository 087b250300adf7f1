package org.trustfund.inkind;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.trustfund.donor.Donor;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.FieldErrors;
import org.trustfund.receipt.Certification;
import org.trustfund.receipt.Receipt;
import org.trustfund.receipt.ReceiptKind;
import org.trustfund.receipt.ReceiptStatus;
import org.trustfund.reference.AcceptedCurrency;
import org.trustfund.reference.ExchangeRate;
import org.trustfund.reference.Fund;
import org.trustfund.reference.StaleRateException;

/**
 * Goods, premises or services a donor gave instead of money, at fair value in the currency it was valued in and
 * in US dollars at the operational rate of its first day. Whether it is recognized follows from its nature and is
 * never chosen: goods and premises are revenue and a matching expense; services are disclosed only.
 */
@Entity
@Table(name = "in_kind_contribution")
public class InKindContribution implements Receipt {

    public static final String SOURCE_TYPE = "InKind";
    public static final int MAX_DESCRIPTION = 1000;
    public static final int MAX_EVENT = 200;
    public static final int MAX_REFERENCE = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "donor_id", nullable = false)
    private Donor donor;

    @ManyToOne(optional = false)
    @JoinColumn(name = "fund_id", nullable = false)
    private Fund fund;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Column(name = "event_name", length = MAX_EVENT)
    private String eventName;

    @Column(name = "description", nullable = false, length = MAX_DESCRIPTION)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false, length = 40)
    private InKindCategory category;

    @Enumerated(EnumType.STRING)
    @Column(name = "nature", nullable = false, length = 10)
    private InKindNature nature;

    @Column(name = "recognized", nullable = false)
    private boolean recognized;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "amount", column = @Column(name = "amount", nullable = false, precision = 19, scale = 4)),
            @AttributeOverride(name = "currency", column = @Column(name = "currency", nullable = false, length = 3))})
    private Money fairValue;

    @ManyToOne
    @JoinColumn(name = "rate_id")
    private ExchangeRate rate;

    @Column(name = "stale_rate_reason", length = 500)
    private String staleRateReason;

    @Column(name = "units_per_usd", nullable = false, precision = 19, scale = 6)
    private BigDecimal unitsPerUsd;

    @Column(name = "usd_amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal usdAmount;

    @Enumerated(EnumType.STRING)
    @Column(name = "valuation_basis", nullable = false, length = 20)
    private ValuationBasis valuationBasis;

    @Column(name = "supporting_reference", length = MAX_REFERENCE)
    private String supportingReference;

    @Embedded
    private Certification certification;

    @ManyToOne
    @JoinColumn(name = "replaces_id", updatable = false)
    private InKindContribution replaces;

    @Version
    private long version;

    protected InKindContribution() {
    }

    /**
     * @param rate the operational rate in force on the first day; null only for US dollars
     */
    public InKindContribution(Donor donor, Fund fund, InKindInput input, ExchangeRate rate, InKindContribution replaces,
            Instant at, String by) {
        this.replaces = replaces;
        this.certification = Certification.recorded(by, at);
        describe(donor, fund, input, rate);
    }

    /** The finance officer corrects it before certification; it goes back to the certifier. */
    public void correct(Donor newDonor, Fund newFund, InKindInput input, ExchangeRate newRate) {
        certification.requireChangeable();
        describe(newDonor, newFund, input, newRate);
        certification.corrected();
    }

    /** Every field's problem at once, so the officer fixes the form in one go. */
    public static void check(InKindInput in) {
        FieldErrors errors = new FieldErrors();
        if (in.startDate() == null) {
            errors.add("startDate", "inKind.date.required");
        } else if (in.endDate() != null && in.endDate().isBefore(in.startDate())) {
            errors.add("endDate", "inKind.period.reversed");
        }
        if (in.description() == null || in.description().isBlank()) {
            errors.add("description", "inKind.description.required");
        } else if (in.description().trim().length() > MAX_DESCRIPTION) {
            errors.add("description", "text.tooLong", MAX_DESCRIPTION);
        }
        if (in.eventName() != null && in.eventName().trim().length() > MAX_EVENT) {
            errors.add("eventName", "text.tooLong", MAX_EVENT);
        }
        if (in.supportingReference() != null && in.supportingReference().trim().length() > MAX_REFERENCE) {
            errors.add("supportingReference", "text.tooLong", MAX_REFERENCE);
        }
        if (in.category() == null) {
            errors.add("category", "inKind.category.required");
        }
        if (in.nature() == null) {
            errors.add("nature", "inKind.nature.required");
        } else if (in.recognized() != null && in.recognized() != in.nature().isRecognized()) {
            errors.add("recognized", in.nature().isRecognized() ? "inKind.goods.disclosedOnly" : "inKind.services.recognized");
        }
        if (in.valuationBasis() == null) {
            errors.add("valuationBasis", "inKind.basis.required");
        }
        if (in.fairValue() == null) {
            errors.add("fairValue", "amount.required");
        } else if (!in.fairValue().isPositive()) {
            errors.add("fairValue", "amount.notPositive");
        }
        errors.throwIfAny();
    }

    private void describe(Donor newDonor, Fund newFund, InKindInput in, ExchangeRate newRate) {
        check(in);
        boolean usd = AcceptedCurrency.USD.equals(in.fairValue().currencyCode());
        if (usd != (newRate == null) || (newRate != null && !newRate.getCurrency().equals(in.fairValue().currencyCode()))) {
            throw new IllegalArgumentException("Rate " + newRate + " does not convert " + in.fairValue());
        }
        this.donor = Objects.requireNonNull(newDonor, "donor");
        this.fund = Objects.requireNonNull(newFund, "fund");
        this.startDate = in.startDate();
        this.endDate = in.endDate();
        this.eventName = blankToNull(in.eventName());
        this.description = in.description().trim();
        this.category = in.category();
        this.nature = in.nature();
        this.recognized = in.nature().isRecognized();
        this.fairValue = in.fairValue();
        this.valuationBasis = in.valuationBasis();
        this.supportingReference = blankToNull(in.supportingReference());
        this.rate = newRate;
        this.unitsPerUsd = usd ? BigDecimal.ONE.setScale(6) : newRate.getUnitsPerUsd();
        this.usdAmount = (usd ? in.fairValue() : newRate.toUsd(in.fairValue())).amount();
        explainRate(in.staleRateReason());
    }

    private void explainRate(String reason) {
        boolean stale = rate != null && rate.isStaleOn(startDate);
        if (stale && (reason == null || reason.isBlank())) {
            throw new StaleRateException("startDate", rate, startDate);
        }
        if (stale && reason.trim().length() > 500) {
            throw new BusinessException("staleRateReason", "rate.staleReason.tooLong", 500);
        }
        this.staleRateReason = stale ? reason.trim() : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public void certify(String by, Instant at) {
        certification.certify(by, at);
    }

    public void sendBack(String by, String reason) {
        certification.sendBack(by, reason);
    }

    public void requireReversible() {
        certification.requireReversible();
    }

    public void reverse(String by, String reason, Instant at) {
        certification.reverse(by, reason, at);
    }

    @Override
    public ReceiptKind receiptKind() {
        return ReceiptKind.IN_KIND;
    }

    @Override
    public LocalDate receiptDate() {
        return startDate;
    }

    @Override
    public Money usdValue() {
        return Money.of(usdAmount, AcceptedCurrency.USD);
    }

    @Override
    public boolean isCertified() {
        return certification.isCertified();
    }

    @Override
    public Long getId() {
        return id;
    }

    @Override
    public Donor getDonor() {
        return donor;
    }

    @Override
    public Fund getFund() {
        return fund;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public String getEventName() {
        return eventName;
    }

    public String getDescription() {
        return description;
    }

    public InKindCategory getCategory() {
        return category;
    }

    public InKindNature getNature() {
        return nature;
    }

    public boolean isRecognized() {
        return recognized;
    }

    public Money getFairValue() {
        return fairValue;
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

    public ValuationBasis getValuationBasis() {
        return valuationBasis;
    }

    public String getSupportingReference() {
        return supportingReference;
    }

    public Certification getCertification() {
        return certification;
    }

    public ReceiptStatus getStatus() {
        return certification.getStatus();
    }

    public InKindContribution getReplaces() {
        return replaces;
    }

    public long getVersion() {
        return version;
    }
}
