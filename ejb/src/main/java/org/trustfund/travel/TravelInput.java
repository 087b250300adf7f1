package org.trustfund.travel;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A travel request as typed. The ticket and other costs are in {@code currency}; DSA and terminal expenses in US
 * dollars. {@code dsaRateUsd} null takes the rate looked up for the place and month; {@code dsaDays} null takes the
 * nights between departure and return; {@code dsaCity} null is the event's city. A typed rate or number of days that
 * differs from what the dates and the table say needs its reason, as does a traveller from a country not eligible on
 * the departure date.
 */
public record TravelInput(long travellerId, long programmeId, long eventId, long fundId, String itinerary,
        TravelAsk asks, LocalDate requestedOn, LocalDate departureDate, LocalDate returnDate, String currency,
        BigDecimal ticketAmount, BigDecimal otherAmount, String otherDescription, String dsaCity, BigDecimal dsaRateUsd,
        String dsaRateReason, Integer dsaDays, String dsaDaysReason, BigDecimal terminalUsd, String staleRateReason,
        String eligibilityReason) implements Serializable {
}
