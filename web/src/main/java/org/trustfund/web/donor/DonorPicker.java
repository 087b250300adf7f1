package org.trustfund.web.donor;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustfund.donor.DonorQuery;
import org.trustfund.donor.DonorService;
import org.trustfund.web.platform.Pages;

/**
 * A donor field that offers donors by part of their name: the suggestions of its autocomplete and the
 * converter that turns a submitted id back into the donor offered (or, for an id not offered, into the donor
 * the caller may see).
 */
public class DonorPicker implements Converter<DonorChoice>, Serializable {

    private static final long serialVersionUID = 1L;
    private static final int SUGGESTIONS = 15;

    private final DonorService donors;
    private final Map<Long, DonorChoice> offered = new LinkedHashMap<>();

    public DonorPicker(DonorService donors) {
        this.donors = donors;
    }

    /** Donors merged into another are not offered: new records go to the donor kept. */
    public List<DonorChoice> complete(String query) {
        List<DonorChoice> found = donors.search(new DonorQuery(query, null, null, DonorQuery.Sort.NAME, false), 0,
                SUGGESTIONS).stream().filter(d -> !d.isMerged()).map(DonorChoice::of).toList();
        found.forEach(d -> offered.put(d.id(), d));
        return found;
    }

    /** Offers this donor, so the converter knows it when the form comes back. */
    public DonorChoice remember(DonorChoice choice) {
        offered.put(choice.id(), choice);
        return choice;
    }

    /** The donor with this id as a choice, remembered for the converter; null if there is none. */
    public DonorChoice choice(Long id) {
        return id == null ? null : offered.computeIfAbsent(id, k -> donors.find(k).map(DonorChoice::of).orElse(null));
    }

    @Override
    public DonorChoice getAsObject(FacesContext context, UIComponent component, String value) {
        return choice(Pages.recordId(value));
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, DonorChoice value) {
        return value == null ? "" : String.valueOf(value.id());
    }
}
