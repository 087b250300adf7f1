package org.trustfund.expenditure;

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
import org.trustfund.money.Money;
import org.trustfund.platform.FieldErrors;
import org.trustfund.receipt.Certification;
import org.trustfund.receipt.ReceiptStatus;
import org.trustfund.reference.AcceptedCurrency;
import org.trustfund.reference.ExchangeRate;
import org.trustfund.reference.Fund;

/**
 * An expense of the fund other than participants' travel: staff and consultants, contractual services, travel of
 * staff, operating expenses, equipment, other. In its currency and in US dollars at the operational rate of its date;
 * recorded by one person, certified (and then posted, expense against cash) by another, corrected by a reversal.
 */
@Entity
@Table(name = "other_expenditure")
public class Expenditure {

    public static final String SOURCE_TYPE = "Expenditure";
    public static final int MAX_REFERENCE = 100;
    public static final int MAX_DESCRIPTION = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "fund_id", nullable = false)
    private Fund fund;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false, length = 30)
    private ExpenditureCategory category;

    @Column(name = "expense_date", nullable = false)
    private LocalDate date;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "amount", column = @Column(name = "amount", nullable = false, precision = 19, scale = 4)),
            @AttributeOverride(name = "currency", column = @Column(name = "currency", nullable = false, length = 3))})
    private Money amount;

    @ManyToOne
    @JoinColumn(name = "rate_id")
    private ExchangeRate rate;

    @Column(name = "stale_rate_reason", length = 500)
    private String staleRateReason;

    @Column(name = "units_per_usd", nullable = false, precision = 19, scale = 6)
    private BigDecimal unitsPerUsd;

    @Column(name = "usd_amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal usdAmount;

    @Column(name = "reference", nullable = false, length = MAX_REFERENCE)
    private String reference;

    @Column(name = "description", nullable = false, length = MAX_DESCRIPTION)
    private String description;

    @Embedded
    private Certification certification;

    @Version
    private long version;

    protected Expenditure() {
    }

    public Expenditure(Fund fund, ExpenditureInput in, ExchangeRate rate, Instant at, String by) {
        this.certification = Certification.recorded(by, at);
        describe(fund, in, rate);
    }

    public void correct(Fund newFund, ExpenditureInput in, ExchangeRate newRate) {
        certification.requireChangeable();
        describe(newFund, in, newRate);
        certification.corrected();
    }

    public static void check(ExpenditureInput in) {
        FieldErrors errors = new FieldErrors();
        if (in.category() == null) {
            errors.add("category", "expenditure.category.required");
        }
        if (in.date() == null) {
            errors.add("date", "expenditure.date.required");
        }
        if (in.amount() == null) {
            errors.add("amount", "amount.required");
        } else if (!in.amount().isPositive()) {
            errors.add("amount", "amount.notPositive");
        }
        if (in.reference() == null || in.reference().isBlank()) {
            errors.add("reference", "expenditure.reference.required");
        } else if (in.reference().strip().length() > MAX_REFERENCE) {
            errors.add("reference", "text.tooLong", MAX_REFERENCE);
        }
        if (in.description() == null || in.description().isBlank()) {
            errors.add("description", "expenditure.description.required");
        } else if (in.description().strip().length() > MAX_DESCRIPTION) {
            errors.add("description", "text.tooLong", MAX_DESCRIPTION);
        }
        errors.throwIfAny();
    }

    private void describe(Fund newFund, ExpenditureInput in, ExchangeRate newRate) {
        check(in);
        boolean usd = AcceptedCurrency.USD.equals(in.amount().currencyCode());
        if (usd != (newRate == null)) {
            throw new IllegalArgumentException("Rate " + newRate + " does not convert " + in.amount());
        }
        this.fund = newFund;
        this.category = in.category();
        this.date = in.date();
        this.amount = in.amount();
        this.rate = newRate;
        this.unitsPerUsd = usd ? BigDecimal.ONE.setScale(6) : newRate.getUnitsPerUsd();
        this.usdAmount = (usd ? in.amount() : newRate.toUsd(in.amount())).amount().setScale(2);
        this.staleRateReason = newRate != null && newRate.isStaleOn(in.date()) && in.staleRateReason() != null
                && !in.staleRateReason().isBlank() ? in.staleRateReason().strip() : null;
        this.reference = in.reference().strip();
        this.description = in.description().strip();
    }

    public Money usdValue() {
        return Money.of(usdAmount, AcceptedCurrency.USD);
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

    public Long getId() { return id; }
    public Fund getFund() { return fund; }
    public ExpenditureCategory getCategory() { return category; }
    public LocalDate getDate() { return date; }
    public Money getAmount() { return amount; }
    public ExchangeRate getRate() { return rate; }
    public String getStaleRateReason() { return staleRateReason; }
    public BigDecimal getUnitsPerUsd() { return unitsPerUsd; }
    public BigDecimal getUsdAmount() { return usdAmount; }
    public String getReference() { return reference; }
    public String getDescription() { return description; }
    public Certification getCertification() { return certification; }
    public ReceiptStatus getStatus() { return certification.getStatus(); }
    public long getVersion() { return version; }
}
