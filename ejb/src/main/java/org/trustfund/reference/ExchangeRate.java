package org.trustfund.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.trustfund.money.Money;

/**
 * A UN operational rate of exchange: how many units of a currency make one US dollar, in force from its
 * effective date (the 1st of a month, or a mid-month revision) until the next rate of that currency.
 * Once a recorded transaction used it, it is never edited: a later rate supersedes it.
 */
@Entity
@Table(name = "exchange_rate")
@NamedQuery(name = "ExchangeRate.inForce", query = "SELECT r FROM ExchangeRate r WHERE r.currency = :currency"
        + " AND r.effectiveDate <= :date ORDER BY r.effectiveDate DESC")
@NamedQuery(name = "ExchangeRate.findByCurrencyAndDate",
        query = "SELECT r FROM ExchangeRate r WHERE r.currency = :currency AND r.effectiveDate = :date")
public class ExchangeRate {

    /** US dollars are always stated to the cent; this is the one rounding of every conversion. */
    public static final RoundingMode USD_ROUNDING = RoundingMode.HALF_UP;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "currency", nullable = false, updatable = false, length = 3)
    private String currency;

    @Column(name = "effective_date", nullable = false, updatable = false)
    private LocalDate effectiveDate;

    @Column(name = "units_per_usd", nullable = false, precision = 19, scale = 6)
    private BigDecimal unitsPerUsd;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 100)
    private String createdBy;

    @Version
    private long version;

    protected ExchangeRate() {
    }

    public ExchangeRate(String currency, LocalDate effectiveDate, BigDecimal unitsPerUsd, Instant createdAt,
            String createdBy) {
        this.currency = Money.currency(currency).getCurrencyCode();
        if (AcceptedCurrency.USD.equals(this.currency)) {
            throw new IllegalArgumentException("The US dollar is the base: it has no rate");
        }
        this.effectiveDate = Objects.requireNonNull(effectiveDate, "effectiveDate");
        this.createdAt = Objects.requireNonNull(createdAt);
        this.createdBy = Objects.requireNonNull(createdBy);
        correct(unitsPerUsd);
    }

    /** Corrects a rate nobody has used yet; the caller checks that it is unused. */
    public final void correct(BigDecimal newUnitsPerUsd) {
        if (newUnitsPerUsd == null || newUnitsPerUsd.signum() <= 0) {
            throw new IllegalArgumentException("A rate is a positive number of units per US dollar");
        }
        if (newUnitsPerUsd.stripTrailingZeros().scale() > 6) {
            throw new IllegalArgumentException("A rate has at most 6 decimal places");
        }
        this.unitsPerUsd = newUnitsPerUsd.setScale(6, RoundingMode.UNNECESSARY);
    }

    /**
     * Whether this rate is too old to use on {@code date} without a reason. UN operational rates are set
     * monthly, so the rate used on a date must take effect in that date's month (on the 1st, or a mid-month
     * revision on or before the date); one from an earlier month means the month's rate was never entered.
     */
    public boolean isStaleOn(LocalDate date) {
        return effectiveDate.isBefore(date.withDayOfMonth(1));
    }

    /** Whole months from this rate's month to the month of {@code date} (0 for a rate of that month). */
    public long monthsBefore(LocalDate date) {
        return java.time.temporal.ChronoUnit.MONTHS.between(java.time.YearMonth.from(effectiveDate),
                java.time.YearMonth.from(date));
    }

    /** The US dollar value of an amount in this rate's currency, rounded to the cent. */
    public Money toUsd(Money amount) {
        if (!amount.currencyCode().equals(currency)) {
            throw new IllegalArgumentException("A " + currency + " rate cannot convert " + amount);
        }
        return amount.convertedTo(Money.currency(AcceptedCurrency.USD), unitsPerUsd, USD_ROUNDING);
    }

    public Long getId() {
        return id;
    }

    public String getCurrency() {
        return currency;
    }

    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    public BigDecimal getUnitsPerUsd() {
        return unitsPerUsd;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return currency + " " + unitsPerUsd.toPlainString() + " per USD from " + effectiveDate;
    }
}
