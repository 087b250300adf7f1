package org.trustfund.donor;

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
import java.util.Objects;
import org.trustfund.reference.Country;

/**
 * A government, organization, company or foundation that pledges and contributes. Individuals give through
 * an intermediary foundation, which is itself a donor. Donors are never deleted: their history stays.
 */
@Entity
@Table(name = "donor")
public class Donor {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "stakeholder_group", nullable = false, length = 40)
    private StakeholderGroup stakeholderGroup;

    @ManyToOne(optional = false)
    @JoinColumn(name = "country_code", nullable = false)
    private Country country;

    @Column(name = "contact_name", length = 200)
    private String contactName;

    @Column(name = "contact_email", length = 200)
    private String contactEmail;

    @Column(name = "publicly_named", nullable = false)
    private boolean publiclyNamed;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 100)
    private String createdBy;

    @Version
    private long version;

    protected Donor() {
    }

    public Donor(DonorDetails details, Country country, Instant createdAt, String createdBy) {
        this.createdAt = Objects.requireNonNull(createdAt);
        this.createdBy = Objects.requireNonNull(createdBy);
        change(details, country);
    }

    public final void change(DonorDetails details, Country newCountry) {
        details.validate();
        this.name = details.name().trim();
        this.stakeholderGroup = details.stakeholderGroup();
        this.country = Objects.requireNonNull(newCountry, "country");
        this.contactName = blankToNull(details.contactName());
        this.contactEmail = blankToNull(details.contactEmail());
        this.publiclyNamed = details.publiclyNamed();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public DonorDetails details() {
        return new DonorDetails(name, stakeholderGroup, country.getCode(), contactName, contactEmail, publiclyNamed);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public StakeholderGroup getStakeholderGroup() {
        return stakeholderGroup;
    }

    public Country getCountry() {
        return country;
    }

    public String getContactName() {
        return contactName;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public boolean isPubliclyNamed() {
        return publiclyNamed;
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
