package org.trustfund.inkind;

import java.io.Serializable;
import java.time.LocalDate;
import org.trustfund.receipt.ReceiptStatus;

/** The in-kind list's filter: any part may be null. Dates filter on the first day of the gift. */
public record InKindQuery(Long donorId, Long fundId, String donorName, InKindCategory category, InKindNature nature,
        ReceiptStatus status, LocalDate from, LocalDate to) implements Serializable {

    public static InKindQuery all() {
        return new InKindQuery(null, null, null, null, null, null, null, null);
    }

    public InKindQuery withDonor(Long id) {
        return new InKindQuery(id, fundId, donorName, category, nature, status, from, to);
    }
}
