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
import org.trustfund.reference.UnLanguage;

/**
 * A government, organization, company or foundation that pledges and contributes. Individuals give through
 * an intermediary foundation, which is itself a donor. Donors are never deleted: their history stays.
 *
 * <p>A donor recorded twice is merged by an administrator into the one kept: its records move there and it stays,
 * marked {@linkplain #getMergedInto() merged}, refusing new records ({@link #requireActive()}).
 *
 * <p>The fund writes to a donor (acknowledgement e-mails and letters) in their {@linkplain #getCorrespondenceLanguage()
 * language of correspondence}, English unless staff or the donor chose another; it changes with the contact details.
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

    @Column(name = "correspondence_language", nullable = false, length = 2)
    private String correspondenceLanguage;

    @ManyToOne(fetch = jakarta.persistence.FetchType.LAZY)
    @JoinColumn(name = "merged_into_id")
    private Donor mergedInto;

    @Column(name = "merged_at")
    private Instant mergedAt;

    @Column(name = "merged_by", length = 100)
    private String mergedBy;

    @Column(name = "merge_reason", length = 500)
    private String mergeReason;

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
        this.correspondenceLanguage = UnLanguage.ENGLISH.code();
        change(details, country);
    }

    /** Changes the details; a language not given ({@code null}) leaves the donor's as it is. */
    public final void change(DonorDetails details, Country newCountry) {
        requireActive();
        details.validate();
        this.name = details.name().trim();
        this.stakeholderGroup = details.stakeholderGroup();
        this.country = Objects.requireNonNull(newCountry, "country");
        this.contactName = blankToNull(details.contactName());
        this.contactEmail = blankToNull(details.contactEmail());
        this.publiclyNamed = details.publiclyNamed();
        if (details.correspondenceLanguage() != null) {
            this.correspondenceLanguage = UnLanguage.of(details.correspondenceLanguage()).orElseThrow().code();
        }
    }

    /** Marks this donor as merged into {@code survivor}; its records have been moved there by the caller. */
    void mergeInto(Donor survivor, String reason, Instant at, String by) {
        requireActive();
        survivor.requireActive();
        if (survivor == this || Objects.equals(survivor.getId(), id)) {
            throw new org.trustfund.platform.BusinessException("merged", "donor.merge.same");
        }
        if (reason == null || reason.isBlank()) {
            throw new org.trustfund.platform.BusinessException("reason", "donor.merge.reason.required");
        }
        if (reason.trim().length() > 500) {
            throw new org.trustfund.platform.BusinessException("reason", "donor.merge.reason.tooLong", 500);
        }
        this.mergedInto = survivor;
        this.mergedAt = Objects.requireNonNull(at);
        this.mergedBy = Objects.requireNonNull(by);
        this.mergeReason = reason.trim();
    }

    /** Refuses a donor merged into another: new records go to the donor kept, named in the message. */
    public void requireActive() {
        if (mergedInto != null) {
            throw new org.trustfund.platform.BusinessException("donor", "donor.merged", name, mergedInto.getName(),
                    String.valueOf(mergedInto.getId()));
        }
    }

    public boolean isMerged() {
        return mergedInto != null;
    }

    public Donor getMergedInto() {
        return mergedInto;
    }

    public Instant getMergedAt() {
        return mergedAt;
    }

    public String getMergedBy() {
        return mergedBy;
    }

    public String getMergeReason() {
        return mergeReason;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public DonorDetails details() {
        return new DonorDetails(name, stakeholderGroup, country.getCode(), contactName, contactEmail, publiclyNamed,
                correspondenceLanguage);
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

    /** The code of the {@link UnLanguage} the fund writes to this donor in, e.g. {@code fr}. */
    public String getCorrespondenceLanguage() {
        return correspondenceLanguage;
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
