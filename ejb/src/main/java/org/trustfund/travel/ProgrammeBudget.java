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
import org.trustfund.platform.BusinessException;
import org.trustfund.reference.Fund;

/** What a programme may spend in one fund and year, in US dollars. A change after the first setting needs a reason. */
@Entity
@Table(name = "programme_budget")
@NamedQuery(name = "ProgrammeBudget.find", query = "SELECT b FROM ProgrammeBudget b WHERE b.programme.id = :programme"
        + " AND b.fund.id = :fund AND b.year = :year")
public class ProgrammeBudget {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "programme_id", nullable = false, updatable = false)
    private Programme programme;

    @ManyToOne(optional = false)
    @JoinColumn(name = "fund_id", nullable = false, updatable = false)
    private Fund fund;

    @Column(name = "year", nullable = false, updatable = false)
    private int year;

    @Column(name = "amount_usd", nullable = false, precision = 19, scale = 2)
    private BigDecimal amountUsd;

    @Column(name = "reason", length = 500)
    private String reason;

    @Column(name = "set_at", nullable = false)
    private Instant setAt;

    @Column(name = "set_by", nullable = false, length = 100)
    private String setBy;

    @Version
    private long version;

    protected ProgrammeBudget() {
    }

    public ProgrammeBudget(Programme programme, Fund fund, int year, BigDecimal amountUsd, Instant at, String by) {
        this.programme = programme;
        this.fund = fund;
        this.year = year;
        set(amountUsd, null, at, by, false);
    }

    /** A new amount; {@code reasonRequired} once the budget has been set before. */
    public void set(BigDecimal newAmount, String why, Instant at, String by, boolean reasonRequired) {
        if (newAmount == null) {
            throw new BusinessException("amount", "amount.required");
        }
        if (newAmount.signum() < 0) {
            throw new BusinessException("amount", "travel.amount.negative");
        }
        if (newAmount.scale() > 2 && newAmount.stripTrailingZeros().scale() > 2) {
            throw new BusinessException("amount", "travel.usd.decimals");
        }
        if (reasonRequired && (why == null || why.isBlank())) {
            throw new BusinessException("reason", "reason.required");
        }
        org.trustfund.platform.TextLimits.requireAtMost("reason", why == null ? "" : why.strip(), 500);
        this.amountUsd = newAmount.setScale(2);
        this.reason = why == null || why.isBlank() ? null : why.strip();
        this.setAt = at;
        this.setBy = by;
    }

    public Long getId() {
        return id;
    }

    public Programme getProgramme() {
        return programme;
    }

    public Fund getFund() {
        return fund;
    }

    public int getYear() {
        return year;
    }

    public BigDecimal getAmountUsd() {
        return amountUsd;
    }

    public String getReason() {
        return reason;
    }

    public long getVersion() {
        return version;
    }
}
