package org.trustfund.inkind;

import java.io.Serializable;
import java.time.LocalDate;
import org.trustfund.receipt.ReceiptStatus;

/** The in-kind list's filter: any part may be null. Dates filter on the first day of the gift. */
public record InKindQuery(Long donorId, Long fundId, String donorName, InKindCategory category, InKindNature nature,
        ReceiptStatus status, LocalDate from, LocalDate to, java.util.List<Long> donorScope) implements Serializable {

    /** Without a scope: {@code donorScope} (a donor user's own donors) is set by the service, never a form. */
    public InKindQuery(Long donorId, Long fundId, String donorName, InKindCategory category, InKindNature nature,
            ReceiptStatus status, LocalDate from, LocalDate to) {
        this(donorId, fundId, donorName, category, nature, status, from, to, null);
    }

    public InKindQuery {
        donorScope = donorScope == null ? null : java.util.List.copyOf(donorScope);
    }

    public static InKindQuery all() {
        return new InKindQuery(null, null, null, null, null, null, null, null);
    }

    public InKindQuery withDonor(Long id) {
        return new InKindQuery(id, fundId, donorName, category, nature, status, from, to, donorScope);
    }

    /** Kept to these donors; the donor filter stays only if it names one of them. */
    public InKindQuery withinDonors(java.util.Collection<Long> ids) {
        return new InKindQuery(donorId != null && ids.contains(donorId) ? donorId : null, fundId, donorName, category,
                nature, status, from, to, java.util.List.copyOf(ids));
    }
}
