package org.trustfund.pledge;

import java.io.Serializable;

/** Filters and sort order for the pledge list; applied in the database. */
public record PledgeQuery(String donorName, Long fundId, PledgeStatus status, String currency, Sort sort,
        boolean descending) implements Serializable {

    public enum Sort { PLEDGED_ON, DONOR, STATUS }

    public static PledgeQuery all() {
        return new PledgeQuery(null, null, null, null, Sort.PLEDGED_ON, true);
    }
}
