package org.trustfund.web.reference;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.trustfund.reference.Country;
import org.trustfund.reference.CountryStatus;
import org.trustfund.reference.DevelopmentStatus;
import org.trustfund.reference.ReferenceData;
import org.trustfund.web.platform.Messages;

/**
 * Backs the countries page: the list with today's status, a dialog to add a country or change its name and
 * region, and a dialog with a country's status history where an administrator adds a dated period.
 */
@Named
@ViewScoped
public class CountriesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The UN geoscheme's regions, offered first; an administrator may keep finer ones. */
    private static final List<String> UN_REGIONS = List.of("Africa", "Americas", "Asia", "Europe", "Oceania");

    @EJB
    private ReferenceData referenceData;

    private List<Row> rows;

    private boolean adding;
    private String code;
    private String name;
    private DevelopmentStatus status;
    private String region;
    private String subRegion;

    private Country selected;
    private LocalDate periodFrom;
    private DevelopmentStatus periodStatus;
    private String periodReason;

    /** One line of the list: what the table shows, sorts and filters by. */
    public static final class Row implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String code;
        private final String name;
        private final String region;
        private final String subRegion;
        private final DevelopmentStatus status;

        Row(Country c, LocalDate today) {
            this.code = c.getCode();
            this.name = c.getName();
            this.region = c.getRegion();
            this.subRegion = c.getIntermediateRegion() == null ? c.getSubRegion()
                    : c.getSubRegion() + " · " + c.getIntermediateRegion();
            this.status = c.statusOn(today).orElse(null);
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

        public DevelopmentStatus getStatus() {
            return status;
        }

        public String getStatusName() {
            return status == null ? "" : status.name();
        }
    }

    @PostConstruct
    void load() {
        LocalDate today = today();
        rows = referenceData.countries().stream().map(c -> new Row(c, today)).toList();
    }

    public void startAdd() {
        adding = true;
        code = null;
        name = null;
        status = null;
        region = null;
        subRegion = null;
    }

    public void startEdit(String countryCode) {
        Country country = referenceData.country(countryCode).orElseThrow();
        adding = false;
        code = country.getCode();
        name = country.getName();
        status = null;
        region = country.getRegion();
        subRegion = country.getSubRegion();
    }

    /** Offers the English name of a code just typed, if no name was typed yet. */
    public void suggestName() {
        if (adding && code != null && code.trim().length() == 2 && (name == null || name.isBlank())) {
            String upper = code.trim().toUpperCase(Locale.ROOT);
            if (List.of(Locale.getISOCountries()).contains(upper)) {
                name = new Locale.Builder().setRegion(upper).build().getDisplayCountry(Locale.ENGLISH);
            }
        }
    }

    public void save() {
        String typed = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        if (adding && rows.stream().anyMatch(c -> c.getCode().equals(typed))) {
            // saveCountry would change the existing one; adding must not overwrite it unseen.
            Messages.errorAt("country:code", "country.exists", typed);
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        try {
            Country saved = referenceData.saveCountry(code, name, adding ? status : null, region,
                    subRegion == null ? "" : subRegion);
            Messages.info(adding ? "country.added" : "country.updated", saved.getName(), saved.getCode());
            load();
        } catch (RuntimeException e) {
            Messages.showFailure(e, "country");
        }
    }

    /** Opens a country's history, empty form: the version read now is the one the new period is checked against. */
    public void showHistory(String countryCode) {
        selected = referenceData.country(countryCode).orElseThrow();
        periodFrom = null;
        periodStatus = null;
        periodReason = null;
    }

    public void addPeriod() {
        if (selected == null) {
            return;
        }
        try {
            CountryStatus added = referenceData.addCountryStatus(selected.getCode(), selected.getVersion(), periodFrom,
                    periodStatus, periodReason);
            Messages.info("country.period.added", selected.getName(), added.getEffectiveFrom().toString());
            selected = referenceData.country(selected.getCode()).orElseThrow();
            periodFrom = null;
            periodStatus = null;
            periodReason = null;
            load();
        } catch (RuntimeException e) {
            // What was typed stays in the form; the message stands at the field it is about.
            Messages.showFailure(e, "history");
        }
    }

    public List<String> completeRegion(String typed) {
        String start = typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT);
        TreeSet<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Stream.concat(UN_REGIONS.stream(), rows.stream().map(Row::getRegion)).forEach(known::add);
        return known.stream().filter(r -> r.toLowerCase(Locale.ROOT).contains(start)).toList();
    }

    /** The regions present, for the region filter. */
    public List<String> getRegions() {
        return rows.stream().map(Row::getRegion).distinct().sorted().toList();
    }

    public DevelopmentStatus[] getStatuses() {
        return DevelopmentStatus.values();
    }

    public List<Row> getCountries() {
        return rows;
    }

    public Country getSelected() {
        return selected;
    }

    /** The selected country's periods, newest first, as a person reads a history. */
    public List<CountryStatus> getPeriods() {
        if (selected == null) {
            return List.of();
        }
        List<CountryStatus> periods = new java.util.ArrayList<>(selected.getStatuses());
        java.util.Collections.reverse(periods);
        return periods;
    }

    /** The last day of a period, or null for the one in force with no later period. */
    public LocalDate lastDayOf(CountryStatus period) {
        return selected == null ? null : selected.endOf(period).map(d -> d.minusDays(1)).orElse(null);
    }

    public boolean inForce(CountryStatus period) {
        return selected != null && selected.periodOn(today()).map(p -> p == period).orElse(false);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    public boolean isAdding() {
        return adding;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public DevelopmentStatus getStatus() {
        return status;
    }

    public void setStatus(DevelopmentStatus status) {
        this.status = status;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getSubRegion() {
        return subRegion;
    }

    public void setSubRegion(String subRegion) {
        this.subRegion = subRegion;
    }

    public LocalDate getPeriodFrom() {
        return periodFrom;
    }

    public void setPeriodFrom(LocalDate periodFrom) {
        this.periodFrom = periodFrom;
    }

    public DevelopmentStatus getPeriodStatus() {
        return periodStatus;
    }

    public void setPeriodStatus(DevelopmentStatus periodStatus) {
        this.periodStatus = periodStatus;
    }

    public String getPeriodReason() {
        return periodReason;
    }

    public void setPeriodReason(String periodReason) {
        this.periodReason = periodReason;
    }
}
