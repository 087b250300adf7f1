package org.trustfund.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** A country by its ISO 3166-1 alpha-2 code, with its UN development status and region. */
@Entity
@Table(name = "country")
@NamedQuery(name = "Country.findAll", query = "SELECT c FROM Country c ORDER BY c.name")
public class Country {

    private static final Set<String> ISO_CODES = Set.of(Locale.getISOCountries());

    @Id
    @Column(name = "code", length = 2)
    private String code;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "development_status", nullable = false, length = 20)
    private DevelopmentStatus developmentStatus;

    @Column(name = "region", nullable = false, length = 60)
    private String region;

    @Version
    private long version;

    protected Country() {
    }

    public Country(String code, String name, DevelopmentStatus status, String region) {
        if (code == null || !ISO_CODES.contains(code)) {
            throw new IllegalArgumentException("Not an ISO 3166 country code: " + code);
        }
        this.code = code;
        change(name, status, region);
    }

    public final void change(String newName, DevelopmentStatus newStatus, String newRegion) {
        if (newName == null || newName.isBlank() || newRegion == null || newRegion.isBlank()) {
            throw new IllegalArgumentException("A country needs a name and a region");
        }
        this.name = newName.trim();
        this.developmentStatus = Objects.requireNonNull(newStatus, "status");
        this.region = newRegion.trim();
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public DevelopmentStatus getDevelopmentStatus() {
        return developmentStatus;
    }

    public String getRegion() {
        return region;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return code;
    }
}
