package org.trustfund.security;

/** What a user may do. A user may hold several roles. */
public enum Role {
    /** Records donors, pledges, contributions and disbursements. */
    FINANCE_OFFICER,
    /** Certifies what another person recorded (segregation of duties). */
    CERTIFYING_OFFICER,
    /** Sees only the records of the donor their account is linked to. */
    DONOR,
    /** Reads everything, changes nothing. */
    AUDITOR,
    /** Manages users and reference data. */
    ADMIN
}
