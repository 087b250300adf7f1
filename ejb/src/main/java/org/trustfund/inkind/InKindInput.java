package org.trustfund.inkind;

import java.io.Serializable;
import java.time.LocalDate;
import org.trustfund.money.Money;

/**
 * An in-kind contribution as a finance officer enters it. {@code endDate} null for a single day;
 * {@code recognized} null means "as the rule says" (goods recognized, services disclosed) — a caller who says it
 * anyway is checked against the rule, so services sent as recognized are refused, not silently disclosed.
 */
public record InKindInput(long donorId, long fundId, LocalDate startDate, LocalDate endDate, String eventName,
        String description, InKindCategory category, InKindNature nature, Boolean recognized, Money fairValue,
        ValuationBasis valuationBasis, String supportingReference, String staleRateReason) implements Serializable {
}
