package org.trustfund.expenditure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
import org.trustfund.reference.Fund;

/**
 * One posting of the programme support cost of a fund's year: the base and rate it was computed from, what was due
 * and what this run posted (due less what earlier runs posted). A reversal is a charge that names the one it undoes.
 */
@Entity
@Table(name = "psc_charge")
public class PscCharge {

    public static final String SOURCE_TYPE = "PSC";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "fund_id", nullable = false, updatable = false)
    private Fund fund;

    @Column(name = "year", nullable = false, updatable = false)
    private int year;

    @Column(name = "charge_date", nullable = false, updatable = false)
    private LocalDate chargeDate;

    @Column(name = "base_usd", nullable = false, updatable = false, precision = 19, scale = 2)
    private BigDecimal baseUsd;

    @Column(name = "rate", nullable = false, updatable = false, precision = 7, scale = 4)
    private BigDecimal rate;

    @Column(name = "due_usd", nullable = false, updatable = false, precision = 19, scale = 2)
    private BigDecimal dueUsd;

    @Column(name = "amount_usd", nullable = false, updatable = false, precision = 19, scale = 2)
    private BigDecimal amountUsd;

    @ManyToOne
    @JoinColumn(name = "reverses_id", updatable = false)
    private PscCharge reverses;

    @Column(name = "reason", updatable = false, length = 500)
    private String reason;

    @Column(name = "posted_at", nullable = false, updatable = false)
    private Instant postedAt;

    @Column(name = "posted_by", nullable = false, updatable = false, length = 100)
    private String postedBy;

    @Version
    private long version;

    protected PscCharge() {
    }

    PscCharge(Fund fund, int year, LocalDate chargeDate, BigDecimal baseUsd, BigDecimal rate, BigDecimal dueUsd,
            BigDecimal amountUsd, PscCharge reverses, String reason, Instant at, String by) {
        this.fund = fund;
        this.year = year;
        this.chargeDate = chargeDate;
        this.baseUsd = baseUsd;
        this.rate = rate;
        this.dueUsd = dueUsd;
        this.amountUsd = amountUsd;
        this.reverses = reverses;
        this.reason = reason;
        this.postedAt = at;
        this.postedBy = by;
    }

    public Long getId() { return id; }
    public Fund getFund() { return fund; }
    public int getYear() { return year; }
    public LocalDate getChargeDate() { return chargeDate; }
    public BigDecimal getBaseUsd() { return baseUsd; }
    public BigDecimal getRate() { return rate; }
    public BigDecimal getDueUsd() { return dueUsd; }
    public BigDecimal getAmountUsd() { return amountUsd; }
    public PscCharge getReverses() { return reverses; }
    public String getReason() { return reason; }
    public Instant getPostedAt() { return postedAt; }
    public String getPostedBy() { return postedBy; }
    public long getVersion() { return version; }
}
