package org.trustfund.expenditure;

import java.io.Serializable;
import java.time.LocalDate;
import org.trustfund.receipt.ReceiptStatus;

/** The expenditure list's filter: any part may be null. */
public record ExpenditureQuery(Long fundId, ExpenditureCategory category, ReceiptStatus status, LocalDate from,
        LocalDate to) implements Serializable {

    public static ExpenditureQuery all() {
        return new ExpenditureQuery(null, null, null, null, null);
    }
}
