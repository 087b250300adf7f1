package org.trustfund.closing;

import java.io.Serializable;
import java.time.Instant;

/**
 * A fund's year as the closing page and the API show it: its state, who did each step and when, and the version
 * to send back with the next step (0 for a year that has no record yet). A year before the fund's first closing
 * has no record of its own and is closed with the later year ({@code closedWith}).
 */
public record YearSummary(long fundId, String fundCode, int year, YearStatus status, String proposedBy,
        Instant proposedAt, String closedBy, Instant closedAt, String reopenRequestedBy, Instant reopenRequestedAt,
        String reopenReason, String reopenedBy, Instant reopenedAt, long version, Integer closedWith)
        implements Serializable {

    static YearSummary of(FundYear y) {
        return new YearSummary(y.getFund().getId(), y.getFund().getCode(), y.getFiscalYear(), y.getStatus(),
                y.getProposedBy(), y.getProposedAt(), y.getClosedBy(), y.getClosedAt(), y.getReopenRequestedBy(),
                y.getReopenRequestedAt(), y.getReopenReason(), y.getReopenedBy(), y.getReopenedAt(), y.getVersion(), null);
    }

    static YearSummary closedWith(long fundId, String fundCode, int year, int laterYear) {
        return new YearSummary(fundId, fundCode, year, YearStatus.CLOSED, null, null, null, null, null, null, null, null,
                null, 0, laterYear);
    }

    static YearSummary open(long fundId, String fundCode, int year) {
        return new YearSummary(fundId, fundCode, year, YearStatus.OPEN, null, null, null, null, null, null, null, null,
                null, 0, null);
    }
}
