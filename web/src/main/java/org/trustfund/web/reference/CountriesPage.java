package org.trustfund.web.reference;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.primefaces.PrimeFaces;
import org.trustfund.reference.Country;
import org.trustfund.reference.DevelopmentStatus;
import org.trustfund.reference.ReferenceData;
import org.trustfund.web.platform.Messages;

/** Backs the countries page: the list, and one dialog to add a country or change one. */
@Named
@ViewScoped
public class CountriesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The UN geoscheme's regions, offered first; an administrator may keep finer ones. */
    private static final List<String> UN_REGIONS = List.of("Africa", "Americas", "Asia", "Europe", "Oceania");

    @EJB
    private ReferenceData referenceData;

    private List<Country> countries;

    private boolean adding;
    private String code;
    private String name;
    private DevelopmentStatus status;
    private String region;

    @PostConstruct
    void load() {
        countries = referenceData.countries();
    }

    public void startAdd() {
        adding = true;
        code = null;
        name = null;
        status = null;
        region = null;
    }

    public void startEdit(Country country) {
        adding = false;
        code = country.getCode();
        name = country.getName();
        status = country.getDevelopmentStatus();
        region = country.getRegion();
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
        if (adding && countries.stream().anyMatch(c -> c.getCode().equals(typed))) {
            // saveCountry would change the existing one; adding must not overwrite it unseen.
            Messages.errorAt("country:code", "country.exists", typed);
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        try {
            Country saved = referenceData.saveCountry(code, name, status, region);
            Messages.info(adding ? "country.added" : "country.updated", saved.getName(), saved.getCode());
            load();
            PrimeFaces.current().executeScript("PF('countryDialog').hide()");
        } catch (RuntimeException e) {
            Messages.showFailure(e, "country");
        }
    }

    public List<String> completeRegion(String typed) {
        String start = typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT);
        TreeSet<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Stream.concat(UN_REGIONS.stream(), countries.stream().map(Country::getRegion)).forEach(known::add);
        return known.stream().filter(r -> r.toLowerCase(Locale.ROOT).contains(start)).toList();
    }

    public DevelopmentStatus[] getStatuses() {
        return DevelopmentStatus.values();
    }

    public List<Country> getCountries() {
        return countries;
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
}
