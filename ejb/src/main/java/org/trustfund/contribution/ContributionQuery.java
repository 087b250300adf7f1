package org.trustfund.contribution;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * Filters and sort order for the contribution list; applied in the database. {@code donorScope}, when not null, keeps
 * the list to those donors whatever the other filters say: a donor user's own (the service sets it, never a form).
 */
public record ContributionQuery(Long donorId, String donorName, ContributionStatus status, String currency,
        LocalDate from, LocalDate to, Sort sort, boolean descending, java.util.List<Long> donorScope)
        implements Serializable {

    public ContributionQuery(Long donorId, String donorName, ContributionStatus status, String currency,
            LocalDate from, LocalDate to, Sort sort, boolean descending) {
        this(donorId, donorName, status, currency, from, to, sort, descending, null);
    }

    public ContributionQuery {
        donorScope = donorScope == null ? null : java.util.List.copyOf(donorScope);
    }

    public enum Sort { RECEIVED, DONOR, AMOUNT_USD, STATUS }

    public static ContributionQuery all() {
        return new ContributionQuery(null, null, null, null, null, null, Sort.RECEIVED, true);
    }
}
