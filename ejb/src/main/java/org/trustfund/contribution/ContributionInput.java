package org.trustfund.contribution;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Map;
import org.trustfund.money.Money;

/**
 * A contribution as a finance officer enters it, with how much of it pays which instalment (by instalment
 * id; may be empty: a contribution without a pledge is allowed).
 */
public record ContributionInput(long donorId, long fundId, LocalDate receivedDate, Money amount, String bankReference,
        Map<Long, Money> applications) implements Serializable {
}
