package org.trustfund.travel;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * The travel list's filter: any part may be null. Dates filter on the departure date; {@code reportsOutstanding}
 * keeps the paid trips whose traveller is back and whose report has not come in.
 */
public record TravelQuery(Long fundId, Long programmeId, Long eventId, TravelStatus status, String travellerName,
        LocalDate from, LocalDate to, boolean reportsOutstanding) implements Serializable {

    public static TravelQuery all() {
        return new TravelQuery(null, null, null, null, null, null, null, false);
    }
}
