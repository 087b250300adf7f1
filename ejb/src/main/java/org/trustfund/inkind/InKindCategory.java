package org.trustfund.inkind;

/** What an in-kind contribution supplied, as the fund's schedule of in-kind support groups it. */
public enum InKindCategory {
    VENUE_AND_PREMISES,
    TRAVEL_AND_ACCOMMODATION,
    INTERPRETATION_AND_TRANSLATION,
    EQUIPMENT_AND_CONNECTIVITY,
    STAFF_SECONDMENT,
    HOSTING_SERVICES,
    OTHER
}
