package org.trustfund.travel;

import java.io.Serializable;
import java.time.LocalDate;

/** An event as typed. */
public record EventInput(String name, EventType type, String city, String countryCode, LocalDate startDate,
        LocalDate endDate) implements Serializable {
}
