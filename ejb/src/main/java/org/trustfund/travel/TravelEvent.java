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
import java.time.LocalDate;
import org.trustfund.platform.FieldErrors;
import org.trustfund.reference.Country;

/** A meeting the fund pays people to attend: an annual IGF, open consultations and MAG meeting, a regional IGF. */
@Entity
@Table(name = "travel_event")
public class TravelEvent {

    public static final int MAX_NAME = 200;
    public static final int MAX_CITY = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name", nullable = false, length = MAX_NAME)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false, length = 30)
    private EventType type;

    @Column(name = "city", nullable = false, length = MAX_CITY)
    private String city;

    @ManyToOne(optional = false)
    @JoinColumn(name = "country_code", nullable = false)
    private Country country;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    private LocalDate endDate;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 100)
    private String createdBy;

    @Version
    private long version;

    protected TravelEvent() {
    }

    public TravelEvent(EventInput in, Country country, Instant at, String by) {
        change(in, country);
        this.createdAt = at;
        this.createdBy = by;
    }

    public final void change(EventInput in, Country newCountry) {
        check(in, newCountry);
        this.name = in.name().strip();
        this.type = in.type();
        this.city = in.city().strip();
        this.country = newCountry;
        this.startDate = in.startDate();
        this.endDate = in.endDate();
    }

    static void check(EventInput in, Country country) {
        FieldErrors errors = new FieldErrors();
        if (in.name() == null || in.name().isBlank()) {
            errors.add("name", "travel.event.name.required");
        } else if (in.name().strip().length() > MAX_NAME) {
            errors.add("name", "text.tooLong", MAX_NAME);
        }
        if (in.type() == null) {
            errors.add("type", "travel.event.type.required");
        }
        if (in.city() == null || in.city().isBlank()) {
            errors.add("city", "travel.city.required");
        } else if (in.city().strip().length() > MAX_CITY) {
            errors.add("city", "text.tooLong", MAX_CITY);
        }
        if (country == null) {
            errors.add("country", "country.unknown", in.countryCode());
        }
        if (in.startDate() == null) {
            errors.add("startDate", "travel.event.start.required");
        }
        if (in.endDate() == null) {
            errors.add("endDate", "travel.event.end.required");
        } else if (in.startDate() != null && in.endDate().isBefore(in.startDate())) {
            errors.add("endDate", "travel.event.endBeforeStart");
        }
        errors.throwIfAny();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public EventType getType() {
        return type;
    }

    public String getCity() {
        return city;
    }

    public Country getCountry() {
        return country;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public long getVersion() {
        return version;
    }

    /** "IGF 2026, Geneva (CH), 2026-06-15 to 2026-06-19". */
    public String label() {
        return name + ", " + city + " (" + country.getCode() + "), " + startDate + " – " + endDate;
    }
}
