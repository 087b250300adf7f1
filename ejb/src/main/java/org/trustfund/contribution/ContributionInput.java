package org.trustfund.contribution;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Map;
import org.trustfund.money.Money;

/**
 * A contribution as a finance officer enters it, with how much of it pays which instalment (by instalment
 * id; may be empty: a contribution without a pledge is allowed), and, only if the rate in force on the
 * received date is from an earlier month, why that old rate may be used (null otherwise).
 */
public record ContributionInput(long donorId, long fundId, LocalDate receivedDate, Money amount, String bankReference,
        Map<Long, Money> applications, String staleRateReason) implements Serializable {

    /** Without a reason for a stale rate. */
    public ContributionInput(long donorId, long fundId, LocalDate receivedDate, Money amount, String bankReference,
            Map<Long, Money> applications) {
        this(donorId, fundId, receivedDate, amount, bankReference, applications, null);
    }
}
