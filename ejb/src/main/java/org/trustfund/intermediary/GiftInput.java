package org.trustfund.intermediary;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One original gift as the intermediary reports it, in the transfer's currency. An anonymous giver has no name and
 * is never named; {@code publiclyNamed} says whether a named giver agreed to be named in the fund's recognition.
 * {@code giverDonorId} optionally credits a donor the fund already knows (soft credit, never in its totals).
 */
public record GiftInput(String giverName, GiverKind giverKind, boolean anonymous, boolean publiclyNamed,
        BigDecimal amount, LocalDate givenDate, Long giverDonorId) implements Serializable {
}
