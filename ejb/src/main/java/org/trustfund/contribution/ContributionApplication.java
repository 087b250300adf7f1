package org.trustfund.contribution;

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
import org.trustfund.money.Money;
import org.trustfund.pledge.Instalment;

/** The part of a contribution that pays one instalment, in the contribution's (= the pledge's) currency. */
@Entity
@Table(name = "contribution_application")
public class ContributionApplication {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "contribution_id", nullable = false, updatable = false)
    private Contribution contribution;

    @ManyToOne(optional = false)
    @JoinColumn(name = "instalment_id", nullable = false, updatable = false)
    private Instalment instalment;

    // The currency is the contribution's; storing it twice would let the two disagree.
    @Column(name = "amount", nullable = false, updatable = false, precision = 19, scale = 4)
    private BigDecimal amount;

    /** When and by whom a held receipt was applied after certification; null for the contribution's own. */
    @Column(name = "applied_at", updatable = false)
    private Instant appliedAt;

    @Column(name = "applied_by", updatable = false, length = 100)
    private String appliedBy;

    @Version
    private long version;

    protected ContributionApplication() {
    }

    ContributionApplication(Contribution contribution, Instalment instalment, Money amount, Instant appliedAt,
            String appliedBy) {
        this.contribution = contribution;
        this.instalment = instalment;
        this.amount = amount.amount();
        this.appliedAt = appliedAt;
        this.appliedBy = appliedBy;
    }

    public Long getId() {
        return id;
    }

    public Contribution getContribution() {
        return contribution;
    }

    public Instalment getInstalment() {
        return instalment;
    }

    public Instant getAppliedAt() {
        return appliedAt;
    }

    public String getAppliedBy() {
        return appliedBy;
    }

    /** True if applied from held unapplied receipts after certification. */
    public boolean isAppliedLater() {
        return appliedAt != null;
    }

    /** In the contribution's currency. */
    public Money getAmount() {
        return Money.rounded(amount, contribution.getAmount().currency(), java.math.RoundingMode.UNNECESSARY);
    }
}
