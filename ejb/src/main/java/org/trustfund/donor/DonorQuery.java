package org.trustfund.donor;

import java.io.Serializable;

/** Filters and sort order for the donor list; all applied in the database. */
public record DonorQuery(String name, StakeholderGroup group, String countryCode, Sort sort, boolean descending)
        implements Serializable {

    public enum Sort { NAME, GROUP, COUNTRY, CREATED }

    public static DonorQuery all() {
        return new DonorQuery(null, null, null, Sort.NAME, false);
    }
}
