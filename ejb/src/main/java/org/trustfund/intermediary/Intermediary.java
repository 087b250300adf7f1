package org.trustfund.intermediary;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.trustfund.donor.Donor;
import org.trustfund.platform.BusinessException;

/**
 * A foundation that passes gifts on to the fund. It is a donor — the contributor of record of its transfers, with
 * the donor's name, country and contact — with the fee terms it keeps back.
 */
@Entity
@Table(name = "intermediary")
public class Intermediary {

    public static final int MAX_FEE_TERMS = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "donor_id", nullable = false)
    private Donor donor;

    @Column(name = "fee_terms", nullable = false, length = MAX_FEE_TERMS)
    private String feeTerms;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 100)
    private String createdBy;

    @Version
    private long version;

    protected Intermediary() {
    }

    public Intermediary(Donor donor, String feeTerms, Instant at, String by) {
        this.donor = Objects.requireNonNull(donor);
        this.createdAt = Objects.requireNonNull(at);
        this.createdBy = Objects.requireNonNull(by);
        changeFeeTerms(feeTerms);
    }

    public final void changeFeeTerms(String terms) {
        checkFeeTerms(terms);
        this.feeTerms = terms.trim();
    }

    public static void checkFeeTerms(String terms) {
        if (terms == null || terms.isBlank()) {
            throw new BusinessException("feeTerms", "intermediary.feeTerms.required");
        }
        org.trustfund.platform.TextLimits.requireAtMost("feeTerms", terms, MAX_FEE_TERMS);
    }

    public Long getId() {
        return id;
    }

    public Donor getDonor() {
        return donor;
    }

    public String getName() {
        return donor.getName();
    }

    public String getFeeTerms() {
        return feeTerms;
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
}
