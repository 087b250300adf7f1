package org.trustfund.intermediary;

import java.io.Serializable;
import java.time.LocalDate;
import org.trustfund.receipt.ReceiptStatus;

/**
 * The transfers list's filter: any part may be null. {@code pending} true: reported but not received yet (no received
 * date); false: received. Dates filter on the received date (pending ones have none).
 */
public record TransferQuery(Long intermediaryId, Long fundId, ReceiptStatus status, Boolean pending, LocalDate from,
        LocalDate to) implements Serializable {

    public static TransferQuery all() {
        return new TransferQuery(null, null, null, null, null, null);
    }
}
