package org.trustfund.intermediary;

import java.io.Serializable;
import org.trustfund.donor.DonorDetails;

/**
 * A new intermediary: either an existing donor ({@code donorId}) or a new one described by {@code donor}, with the
 * fee terms it keeps back (e.g. "3 % overhead plus card fees").
 */
public record IntermediaryInput(Long donorId, DonorDetails donor, String feeTerms) implements Serializable {
}
