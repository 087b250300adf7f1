package org.trustfund.security;

/** Role names as constants, for {@code @RolesAllowed} and the web module's security constraints. */
public final class Roles {

    public static final String FINANCE_OFFICER = "FINANCE_OFFICER";
    public static final String CERTIFYING_OFFICER = "CERTIFYING_OFFICER";
    public static final String DONOR = "DONOR";
    public static final String AUDITOR = "AUDITOR";
    public static final String ADMIN = "ADMIN";

    /** Every role but DONOR: those who may see staff members' names. */
    public static final java.util.List<String> STAFF = java.util.List.of(FINANCE_OFFICER, CERTIFYING_OFFICER,
            AUDITOR, ADMIN);

    private Roles() {
    }
}
