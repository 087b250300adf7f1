package org.trustfund.reference;

/**
 * How the UN groups a country's economy; it decides eligibility for travel support and report groupings.
 * A country holds one status per period. Where it belongs to several groups at once (Nepal was least
 * developed and landlocked; Armenia is landlocked and an economy in transition), the first of them in this
 * order is its status: a simplification, as the UN lists overlap.
 */
public enum DevelopmentStatus {
    /** On the UN Committee for Development Policy's list of least developed countries. */
    LEAST_DEVELOPED,
    /** A landlocked developing country as listed by UN-OHRLLS. */
    LANDLOCKED_DEVELOPING,
    /** A small island developing State as listed by UN-OHRLLS, associate members included. */
    SMALL_ISLAND_DEVELOPING,
    /** A developing economy (UN World Economic Situation and Prospects, or the M49 convention). */
    DEVELOPING,
    /** An economy in transition (WESP: South-Eastern Europe, the CIS and Georgia). */
    TRANSITION,
    /** A developed economy (WESP, or the M49 convention for areas WESP does not classify). */
    DEVELOPED
}
