package org.trustfund.expenditure;

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
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.FieldErrors;
import org.trustfund.reference.Fund;

/** The programme support cost rate of one fund in one year, where it differs from the fund's; always with its reason. */
@Entity
@Table(name = "psc_rate")
@NamedQuery(name = "PscRate.find", query = "SELECT r FROM PscRate r WHERE r.fund.id = :fund AND r.year = :year")
public class PscRate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "fund_id", nullable = false, updatable = false)
    private Fund fund;

    @Column(name = "year", nullable = false, updatable = false)
    private int year;

    @Column(name = "rate", nullable = false, precision = 7, scale = 4)
    private BigDecimal rate;

    @Column(name = "reason", nullable = false, length = 500)
    private String reason;

    @Column(name = "set_at", nullable = false)
    private Instant setAt;

    @Column(name = "set_by", nullable = false, length = 100)
    private String setBy;

    @Version
    private long version;

    protected PscRate() {
    }

    public PscRate(Fund fund, int year, BigDecimal rate, String reason, Instant at, String by) {
        this.fund = fund;
        this.year = year;
        set(rate, reason, at, by);
    }

    public void set(BigDecimal newRate, String why, Instant at, String by) {
        FieldErrors errors = new FieldErrors();
        if (newRate == null) {
            errors.add("rate", "psc.rate.required");
        } else if (newRate.signum() < 0 || newRate.compareTo(BigDecimal.ONE) >= 0 || newRate.stripTrailingZeros().scale() > 4) {
            errors.add("rate", "psc.rate.invalid");
        }
        if (why == null || why.isBlank()) {
            errors.add("reason", "reason.required");
        } else if (why.strip().length() > 500) {
            errors.add(new BusinessException("reason", "text.tooLong", 500));
        }
        errors.throwIfAny();
        this.rate = newRate.setScale(4);
        this.reason = why.strip();
        this.setAt = at;
        this.setBy = by;
    }

    public Long getId() { return id; }
    public Fund getFund() { return fund; }
    public int getYear() { return year; }
    public BigDecimal getRate() { return rate; }
    public String getReason() { return reason; }
    public Instant getSetAt() { return setAt; }
    public String getSetBy() { return setBy; }
    public long getVersion() { return version; }
}
