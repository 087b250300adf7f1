package org.trustfund.worklist;

import java.io.Serializable;
import java.time.Instant;
import org.trustfund.money.Money;

/**
 * A record its recorder must look at again: a contribution sent back by the certifying officer, or a request
 * (reversal, write-off, separate gift) rejected. {@code subjectType} and {@code subjectId} say which record
 * the link opens; {@code reason} is what the certifying officer wrote.
 */
public record SentBack(String kind, String subjectType, long subjectId, String donorName, Money amount,
        String reason, String by, Instant at) implements Serializable {
}
