package org.trustfund.web.travel;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustfund.travel.TravelService;
import org.trustfund.web.platform.Pages;

/** The traveller field: suggestions by part of the name, and the converter back from the id submitted. */
public class TravellerPicker implements Converter<TravellerChoice>, Serializable {

    private static final long serialVersionUID = 1L;
    private static final int SUGGESTIONS = 15;

    private final TravelService service;
    private final Map<Long, TravellerChoice> offered = new LinkedHashMap<>();

    public TravellerPicker(TravelService service) {
        this.service = service;
    }

    public List<TravellerChoice> complete(String query) {
        List<TravellerChoice> found = service.travellers(query, SUGGESTIONS).stream().map(TravellerChoice::of).toList();
        found.forEach(t -> offered.put(t.id(), t));
        return found;
    }

    public TravellerChoice remember(TravellerChoice choice) {
        offered.put(choice.id(), choice);
        return choice;
    }

    public TravellerChoice choice(Long id) {
        if (id == null) {
            return null;
        }
        return offered.computeIfAbsent(id, k -> {
            try {
                return TravellerChoice.of(service.traveller(k));
            } catch (RuntimeException unknown) {
                return null;
            }
        });
    }

    @Override
    public TravellerChoice getAsObject(FacesContext context, UIComponent component, String value) {
        return choice(Pages.recordId(value));
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, TravellerChoice value) {
        return value == null ? "" : String.valueOf(value.id());
    }
}
