package org.trustfund.web.closing;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trustfund.closing.YearSummary;
import org.trustfund.web.api.Iso;

/** The JSON forms of a fund's years and their closing. */
public final class YearJson {

    private YearJson() {
    }

    /** One year of a fund: where its closing stands and who did each step. */
    public record YearView(long fundId, String fundCode, int year,
            @Schema(enumeration = {"OPEN", "CLOSE_PROPOSED", "CLOSED", "REOPEN_PROPOSED"},
                    description = "Postings dated in the year are refused while CLOSED or REOPEN_PROPOSED") String status,
            String proposedBy, @Schema(format = "date-time") String proposedAt,
            String closedBy, @Schema(format = "date-time") String closedAt,
            String reopenRequestedBy, @Schema(format = "date-time") String reopenRequestedAt, String reopenReason,
            String reopenedBy, @Schema(format = "date-time") String reopenedAt,
            @Schema(description = "Send it back with the next step; 0 for a year never proposed for closing") long version,
            @Schema(description = "For a year before the fund's first closing: the later year whose closing closed it")
            Integer closedWith) {

        static YearView of(YearSummary y) {
            return new YearView(y.fundId(), y.fundCode(), y.year(), y.status().name(), y.proposedBy(),
                    Iso.text(y.proposedAt()), y.closedBy(), Iso.text(y.closedAt()), y.reopenRequestedBy(),
                    Iso.text(y.reopenRequestedAt()), y.reopenReason(), y.reopenedBy(), Iso.text(y.reopenedAt()),
                    y.version(), y.closedWith());
        }
    }

    public record YearList(List<YearView> years) {
    }

    public record YearStep(@Schema(required = true, description = "The year's version, as read (0 if never proposed)")
            Long version) {
    }

    public record YearStepWithReason(@Schema(required = true, description = "The year's version, as read")
            Long version, @Schema(required = true) String reason) {
    }
}
