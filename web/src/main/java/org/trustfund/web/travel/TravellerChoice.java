package org.trustfund.web.travel;

import java.io.Serializable;
import org.trustfund.travel.Traveller;

/** A traveller as offered by the traveller field: enough to show and to record, not the entity. */
public record TravellerChoice(long id, String label) implements Serializable {

    public static TravellerChoice of(Traveller t) {
        return new TravellerChoice(t.getId(), t.getName() + " (" + t.getResidence().getCode()
                + (t.isMagMember() ? ", MAG" : "") + ")");
    }
}
