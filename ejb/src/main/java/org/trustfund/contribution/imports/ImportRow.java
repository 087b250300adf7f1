package org.trustfund.contribution.imports;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One data row of an import file with its cells converted to values; a value is null where the cell was
 * empty or could not be read (the problem is then reported on its own).
 */
record ImportRow(int rowNumber, LocalDate receivedDate, Long donorId, String donorName, String fundCode,
        String currency, BigDecimal amount, String bankReference, Long pledgeId, String staleRateReason) {
}
