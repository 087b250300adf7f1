package org.trustfund.reference;

/** How the UN classifies a country's economy; it decides eligibility for travel support and report groupings. */
public enum DevelopmentStatus {
    DEVELOPED,
    DEVELOPING,
    LEAST_DEVELOPED,
    TRANSITION
}
