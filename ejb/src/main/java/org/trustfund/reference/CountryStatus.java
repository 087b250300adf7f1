package org.trustfund.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One period of a country's development status: in force from its effective date until the next period of
 * the same country. Recorded once, never changed: a later period supersedes it.
 */
@Entity
@Table(name = "country_status")
public class CountryStatus {

    static final int REASON_MAX = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "country_code", nullable = false, updatable = false)
    private Country country;

    @Column(name = "effective_from", nullable = false, updatable = false)
    private LocalDate effectiveFrom;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, updatable = false, length = 30)
    private DevelopmentStatus status;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, updatable = false, length = 100)
    private String recordedBy;

    @Column(name = "reason", nullable = false, updatable = false, length = REASON_MAX)
    private String reason;

    @Version
    private long version;

    protected CountryStatus() {
    }

    CountryStatus(Country country, LocalDate effectiveFrom, DevelopmentStatus status, String reason,
            Instant recordedAt, String recordedBy) {
        this.country = Objects.requireNonNull(country);
        this.effectiveFrom = Objects.requireNonNull(effectiveFrom);
        this.status = Objects.requireNonNull(status);
        this.reason = Objects.requireNonNull(reason);
        this.recordedAt = Objects.requireNonNull(recordedAt);
        this.recordedBy = Objects.requireNonNull(recordedBy);
    }

    public Long getId() {
        return id;
    }

    public Country getCountry() {
        return country;
    }

    public LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    public DevelopmentStatus getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return effectiveFrom + " " + status;
    }
}
