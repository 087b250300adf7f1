package org.trustfund.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A journal as the list shows it: its header and the total of its debits (which equals its credits), read
 * with one query per page rather than by loading entities.
 */
public record JournalSummary(long id, long fundId, String fundCode, LocalDate eventDate, JournalEvent event,
        Long donorId, String donorName, String description, BigDecimal debitTotal, String postedBy,
        Instant postedAt, String sourceType, long sourceId, Long reversesJournalId) {
}
