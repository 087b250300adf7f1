package org.trustfund.worklist;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.trustfund.money.Money;

/** A contribution recorded by someone else, waiting for the caller's certification. */
public record AwaitingCertification(long id, long version, LocalDate receivedDate, String donorName, String fundCode,
        Money amount, BigDecimal usdAmount, String recordedBy) implements Serializable {
}
