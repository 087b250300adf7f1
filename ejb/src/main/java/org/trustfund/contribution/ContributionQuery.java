package org.trustfund.contribution;

import java.io.Serializable;
import java.time.LocalDate;

/** Filters and sort order for the contribution list; applied in the database. */
public record ContributionQuery(Long donorId, String donorName, ContributionStatus status, String currency,
        LocalDate from, LocalDate to, Sort sort, boolean descending) implements Serializable {

    public enum Sort { RECEIVED, DONOR, AMOUNT_USD, STATUS }

    public static ContributionQuery all() {
        return new ContributionQuery(null, null, null, null, null, null, Sort.RECEIVED, true);
    }
}
