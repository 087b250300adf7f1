package org.trustfund.worklist;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.trustfund.money.Money;
import org.trustfund.receipt.ReceiptKind;

/**
 * An in-kind contribution or an intermediary transfer recorded by someone else, waiting for the caller to certify
 * it on its own page (each kind has its own check: the rule that applies, the reconciliation). {@code date} is the
 * first day or the received date (null for a transfer not yet received); {@code usd} null until known.
 */
public record ReceiptAwaiting(ReceiptKind kind, long id, LocalDate date, String donorName, String fundCode,
        Money amount, BigDecimal usd, String recordedBy) implements Serializable {
}
