package org.trustfund.travel;

/** The kinds of meeting the fund pays participants to attend. */
public enum EventType {
    ANNUAL_MEETING,
    OPEN_CONSULTATIONS_MAG,
    REGIONAL_NATIONAL,
    OTHER
}
