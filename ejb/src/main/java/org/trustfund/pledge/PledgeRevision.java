package org.trustfund.pledge;

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

/** A kept record of one revision of a pledge: amount and schedule before and after, who, when and why. */
@Entity
@Table(name = "pledge_revision")
public class PledgeRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "pledge_id", nullable = false, updatable = false)
    private Pledge pledge;

    @Column(name = "revision", nullable = false, updatable = false)
    private int revision;

    @Column(name = "revised_at", nullable = false, updatable = false)
    private Instant revisedAt;

    @Column(name = "revised_by", nullable = false, updatable = false, length = 100)
    private String revisedBy;

    @Column(name = "reason", nullable = false, updatable = false, length = 500)
    private String reason;

    @Column(name = "amount_before", nullable = false, updatable = false, precision = 19, scale = 4)
    private BigDecimal amountBefore;

    @Column(name = "amount_after", nullable = false, updatable = false, precision = 19, scale = 4)
    private BigDecimal amountAfter;

    @Column(name = "schedule_before", nullable = false, updatable = false)
    private String scheduleBefore;

    @Column(name = "schedule_after", nullable = false, updatable = false)
    private String scheduleAfter;

    @Version
    private long version;

    protected PledgeRevision() {
    }

    PledgeRevision(Pledge pledge, int revision, Instant at, String by, String reason, BigDecimal amountBefore,
            BigDecimal amountAfter, String scheduleBefore, String scheduleAfter) {
        this.pledge = pledge;
        this.revision = revision;
        this.revisedAt = at;
        this.revisedBy = by;
        this.reason = reason;
        this.amountBefore = amountBefore;
        this.amountAfter = amountAfter;
        this.scheduleBefore = scheduleBefore;
        this.scheduleAfter = scheduleAfter;
    }

    public Long getId() {
        return id;
    }

    public int getRevision() {
        return revision;
    }

    public Instant getRevisedAt() {
        return revisedAt;
    }

    public String getRevisedBy() {
        return revisedBy;
    }

    public String getReason() {
        return reason;
    }

    public BigDecimal getAmountBefore() {
        return amountBefore;
    }

    public BigDecimal getAmountAfter() {
        return amountAfter;
    }

    public String getScheduleBefore() {
        return scheduleBefore;
    }

    public String getScheduleAfter() {
        return scheduleAfter;
    }
}
