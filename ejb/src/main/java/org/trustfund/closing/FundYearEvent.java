package org.trustfund.closing;

import jakarta.persistence.Column;
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
import java.time.Instant;

/** A kept step of a year's closing or reopening: what, the state it led to, who, when and why. Never changed. */
@Entity
@Table(name = "fund_year_event")
public class FundYearEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "fund_year_id", nullable = false, updatable = false)
    private FundYear fundYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, updatable = false, length = 20)
    private YearAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_after", nullable = false, updatable = false, length = 20)
    private YearStatus statusAfter;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor", nullable = false, updatable = false, length = 100)
    private String actor;

    @Column(name = "reason", updatable = false, length = 500)
    private String reason;

    @Version
    private long version;

    protected FundYearEvent() {
    }

    FundYearEvent(FundYear fundYear, YearAction action, YearStatus statusAfter, Instant at, String by, String reason) {
        this.fundYear = fundYear;
        this.action = action;
        this.statusAfter = statusAfter;
        this.occurredAt = at;
        this.actor = by;
        this.reason = reason;
    }

    public Long getId() {
        return id;
    }

    public YearAction getAction() {
        return action;
    }

    public YearStatus getStatusAfter() {
        return statusAfter;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getReason() {
        return reason;
    }
}
