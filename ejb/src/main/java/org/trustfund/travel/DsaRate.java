package org.trustfund.travel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.trustfund.platform.FieldErrors;
import org.trustfund.reference.Country;

/**
 * The daily subsistence allowance of a place (a city of a country), in US dollars per day, from the first of a month
 * until the place's next rate, as the ICSC publishes it. Recorded once; a revision is a rate of a later month.
 */
@Entity
@Table(name = "dsa_rate")
@NamedQuery(name = "DsaRate.inForce", query = "SELECT r FROM DsaRate r WHERE r.country.code = :country"
        + " AND LOWER(r.city) = :city AND r.effectiveMonth <= :month ORDER BY r.effectiveMonth DESC")
@NamedQuery(name = "DsaRate.exact", query = "SELECT r FROM DsaRate r WHERE r.country.code = :country"
        + " AND LOWER(r.city) = :city AND r.effectiveMonth = :month")
public class DsaRate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "country_code", nullable = false, updatable = false)
    private Country country;

    @Column(name = "city", nullable = false, updatable = false, length = TravelEvent.MAX_CITY)
    private String city;

    @Column(name = "effective_month", nullable = false, updatable = false)
    private LocalDate effectiveMonth;

    @Column(name = "rate_usd", nullable = false, updatable = false, precision = 19, scale = 2)
    private BigDecimal rateUsd;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, updatable = false, length = 100)
    private String recordedBy;

    @Version
    private long version;

    protected DsaRate() {
    }

    public DsaRate(Country country, String city, LocalDate month, BigDecimal rateUsd, Instant at, String by) {
        check(country == null ? null : country.getCode(), country, city, month, rateUsd);
        this.country = country;
        this.city = city.strip();
        this.effectiveMonth = month.withDayOfMonth(1);
        this.rateUsd = rateUsd.setScale(2);
        this.recordedAt = at;
        this.recordedBy = by;
    }

    /** Every problem of a typed or imported rate at once. */
    public static void check(String countryCode, Country country, String city, LocalDate month, BigDecimal rate) {
        FieldErrors errors = new FieldErrors();
        if (country == null) {
            errors.add("country", "country.unknown", countryCode);
        }
        if (city == null || city.isBlank()) {
            errors.add("city", "travel.city.required");
        } else if (city.strip().length() > TravelEvent.MAX_CITY) {
            errors.add("city", "text.tooLong", TravelEvent.MAX_CITY);
        }
        if (month == null) {
            errors.add("month", "travel.dsa.month.required");
        }
        if (rate == null) {
            errors.add("rate", "amount.required");
        } else if (rate.signum() <= 0) {
            errors.add("rate", "amount.notPositive");
        } else if (rate.stripTrailingZeros().scale() > 2) {
            errors.add("rate", "travel.usd.decimals");
        }
        errors.throwIfAny();
    }

    public Long getId() {
        return id;
    }

    public Country getCountry() {
        return country;
    }

    public String getCity() {
        return city;
    }

    public LocalDate getEffectiveMonth() {
        return effectiveMonth;
    }

    public BigDecimal getRateUsd() {
        return rateUsd;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
