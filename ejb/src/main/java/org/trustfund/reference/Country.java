package org.trustfund.reference;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.trustfund.platform.BusinessException;

/**
 * A country or area by its ISO 3166-1 alpha-2 code, with its UN M49 region and the history of its
 * development status. The history is a series of periods, each in force from its effective date until the
 * next one's, so two periods never overlap; what counts for a report or for travel eligibility is
 * {@link #statusOn(LocalDate) the status on the date of the event}. Periods are added, never changed: a
 * later period (a graduation from the LDC list, say) supersedes the earlier one from its date.
 */
@Entity
@Table(name = "country")
@NamedQuery(name = "Country.findAll",
        query = "SELECT DISTINCT c FROM Country c LEFT JOIN FETCH c.statuses ORDER BY c.name")
@NamedQuery(name = "Country.findWithStatuses",
        query = "SELECT c FROM Country c LEFT JOIN FETCH c.statuses WHERE c.code = :code")
public class Country {

    private static final Set<String> ISO_CODES = Set.of(Locale.getISOCountries());

    /**
     * Where the shipped histories begin: the General Assembly made the first list of least developed
     * countries on 18 November 1971 (resolution 2768 (XXVI)).
     */
    public static final LocalDate HISTORY_START = LocalDate.of(1971, 11, 18);

    @Id
    @Column(name = "code", length = 2)
    private String code;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "region", nullable = false, length = 60)
    private String region;

    @Column(name = "sub_region", length = 60)
    private String subRegion;

    @Column(name = "intermediate_region", length = 60)
    private String intermediateRegion;

    @OneToMany(mappedBy = "country", cascade = CascadeType.PERSIST)
    @OrderBy("effectiveFrom")
    private List<CountryStatus> statuses = new ArrayList<>();

    @Version
    private long version;

    protected Country() {
    }

    /** A country without any status yet: {@link #recordStatus} gives it its first period. */
    public Country(String code, String name, String region, String subRegion) {
        if (code == null || !ISO_CODES.contains(code)) {
            throw new IllegalArgumentException("Not an ISO 3166 country code: " + code);
        }
        this.code = code;
        change(name, region, subRegion);
    }

    public final void change(String newName, String newRegion, String newSubRegion) {
        if (newName == null || newName.isBlank() || newRegion == null || newRegion.isBlank()) {
            throw new IllegalArgumentException("A country needs a name and a region");
        }
        this.name = newName.trim();
        this.region = newRegion.trim();
        this.subRegion = newSubRegion == null || newSubRegion.isBlank() ? null : newSubRegion.trim();
    }

    /**
     * Adds a period from {@code effectiveFrom}. Refused at the field: a second period from the same date
     * (periods cannot overlap), and a period that changes nothing, because the status in force just before
     * it, or the one of the period that follows it, is the same.
     */
    public CountryStatus recordStatus(LocalDate effectiveFrom, DevelopmentStatus status, String reason,
            Instant recordedAt, String recordedBy) {
        if (effectiveFrom == null) {
            throw new BusinessException("effectiveFrom", "country.status.date.required");
        }
        if (status == null) {
            throw new BusinessException("status", "country.status.required");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new BusinessException("reason", "country.status.reason.required");
        }
        if (why.length() > CountryStatus.REASON_MAX) {
            throw new BusinessException("reason", "country.status.reason.tooLong", CountryStatus.REASON_MAX);
        }
        Optional<CountryStatus> same = statuses.stream().filter(s -> s.getEffectiveFrom().equals(effectiveFrom))
                .findFirst();
        if (same.isPresent()) {
            throw new BusinessException("effectiveFrom", "country.status.date.taken", effectiveFrom.toString());
        }
        Optional<CountryStatus> before = periodOn(effectiveFrom);
        if (before.isPresent() && before.get().getStatus() == status) {
            throw new BusinessException("status", "country.status.unchanged",
                    before.get().getEffectiveFrom().toString());
        }
        Optional<CountryStatus> after = getStatuses().stream()
                .filter(s -> s.getEffectiveFrom().isAfter(effectiveFrom)).findFirst();
        if (after.isPresent() && after.get().getStatus() == status) {
            throw new BusinessException("status", "country.status.sameAsNext",
                    after.get().getEffectiveFrom().toString());
        }
        CountryStatus period = new CountryStatus(this, effectiveFrom, status, why, recordedAt, recordedBy);
        statuses.add(period);
        statuses.sort(Comparator.comparing(CountryStatus::getEffectiveFrom));
        return period;
    }

    /** The status in force on a date; empty before the first period. */
    public Optional<DevelopmentStatus> statusOn(LocalDate date) {
        return periodOn(date).map(CountryStatus::getStatus);
    }

    /** The period in force on a date: the latest that took effect on or before it. */
    public Optional<CountryStatus> periodOn(LocalDate date) {
        if (date == null) {
            return Optional.empty();
        }
        return statuses.stream().filter(s -> !s.getEffectiveFrom().isAfter(date))
                .max(Comparator.comparing(CountryStatus::getEffectiveFrom));
    }

    /** The day after the last day of a period: the next period's effective date; empty for the latest. */
    public Optional<LocalDate> endOf(CountryStatus period) {
        return getStatuses().stream().map(CountryStatus::getEffectiveFrom)
                .filter(d -> d.isAfter(period.getEffectiveFrom())).findFirst();
    }

    /** The periods, oldest first. */
    public List<CountryStatus> getStatuses() {
        List<CountryStatus> sorted = new ArrayList<>(statuses);
        sorted.sort(Comparator.comparing(CountryStatus::getEffectiveFrom));
        return List.copyOf(sorted);
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getRegion() {
        return region;
    }

    public String getSubRegion() {
        return subRegion;
    }

    public String getIntermediateRegion() {
        return intermediateRegion;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return code;
    }
}
