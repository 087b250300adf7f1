package org.trustfund.travel;

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
import org.trustfund.donor.StakeholderGroup;
import org.trustfund.platform.FieldErrors;
import org.trustfund.reference.Country;

/**
 * A person the fund pays to travel: MAG member or other participant, fellow. Nationality and residence refer to the
 * country table, whose status on the travel date decides eligibility (the trip keeps the status it was judged by).
 */
@Entity
@Table(name = "traveller")
public class Traveller {

    public static final int MAX_NAME = 200;
    public static final int MAX_EMAIL = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name", nullable = false, length = MAX_NAME)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "gender", nullable = false, length = 20)
    private Gender gender;

    @ManyToOne(optional = false)
    @JoinColumn(name = "nationality", nullable = false)
    private Country nationality;

    @ManyToOne(optional = false)
    @JoinColumn(name = "residence", nullable = false)
    private Country residence;

    @Enumerated(EnumType.STRING)
    @Column(name = "stakeholder_group", nullable = false, length = 40)
    private StakeholderGroup stakeholderGroup;

    @Column(name = "mag_member", nullable = false)
    private boolean magMember;

    @Column(name = "email", length = MAX_EMAIL)
    private String email;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 100)
    private String createdBy;

    @Version
    private long version;

    protected Traveller() {
    }

    public Traveller(TravellerInput in, Country nationality, Country residence, Instant at, String by) {
        change(in, nationality, residence);
        this.createdAt = at;
        this.createdBy = by;
    }

    public final void change(TravellerInput in, Country newNationality, Country newResidence) {
        FieldErrors errors = new FieldErrors();
        if (in.name() == null || in.name().isBlank()) {
            errors.add("travellerName", "travel.traveller.name.required");
        } else if (in.name().strip().length() > MAX_NAME) {
            errors.add("travellerName", "text.tooLong", MAX_NAME);
        }
        if (in.gender() == null) {
            errors.add("gender", "travel.traveller.gender.required");
        }
        if (newNationality == null) {
            errors.add("nationality", "country.unknown", in.nationality());
        }
        if (newResidence == null) {
            errors.add("residence", "country.unknown", in.residence());
        }
        if (in.stakeholderGroup() == null) {
            errors.add("stakeholderGroup", "travel.traveller.group.required");
        }
        if (in.email() != null && !in.email().isBlank()
                && (in.email().strip().length() > MAX_EMAIL || !in.email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            errors.add("email", "travel.traveller.email.invalid");
        }
        errors.throwIfAny();
        this.name = in.name().strip();
        this.gender = in.gender();
        this.nationality = newNationality;
        this.residence = newResidence;
        this.stakeholderGroup = in.stakeholderGroup();
        this.magMember = in.magMember();
        this.email = in.email() == null || in.email().isBlank() ? null : in.email().strip();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Gender getGender() {
        return gender;
    }

    public Country getNationality() {
        return nationality;
    }

    public Country getResidence() {
        return residence;
    }

    public StakeholderGroup getStakeholderGroup() {
        return stakeholderGroup;
    }

    public boolean isMagMember() {
        return magMember;
    }

    public String getEmail() {
        return email;
    }

    public long getVersion() {
        return version;
    }
}
