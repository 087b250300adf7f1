package org.trustfund.web.approval;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trustfund.approval.ApprovalRequest;
import org.trustfund.web.api.Iso;
import org.trustfund.web.api.Viewer;

/** The JSON forms of approval requests (four eyes: one asks, a certifying officer who did not ask decides). */
public final class ApprovalJson {

    private ApprovalJson() {
    }

    public record ApprovalView(long id,
            @Schema(enumeration = {"CONTRIBUTION_REVERSAL", "PLEDGE_WRITE_OFF", "SEPARATE_GIFT"}) String kind,
            @Schema(enumeration = {"Contribution", "Pledge", "InKind", "Transfer"}, description = "What the request is about") String subjectType,
            long subjectId, long fundId, long donorId,
            @Schema(format = "date", description = "The date a write-off takes effect on; absent for other kinds")
            String effectiveDate,
            String reason,
            @Schema(enumeration = {"PENDING", "APPROVED", "REJECTED", "WITHDRAWN"}) String status,
            @Schema(format = "date-time") String requestedAt, String requestedBy,
            @Schema(format = "date-time") String decidedAt, String decidedBy,
            @Schema(description = "Why it was rejected") String decisionNote,
            @Schema(description = "Send it back with an approval, rejection or withdrawal") long version) {

        public static ApprovalView of(ApprovalRequest r, Viewer viewer) {
            return new ApprovalView(r.getId(), r.getKind().name(), r.getSubjectType(), r.getSubjectId(), r.getFundId(),
                    r.getDonorId(), Iso.text(r.getEffectiveDate()), r.getReason(), r.getStatus().name(),
                    Iso.text(r.getRequestedAt()), viewer.staff(r.getRequestedBy()), Iso.text(r.getDecidedAt()),
                    viewer.staff(r.getDecidedBy()), r.getDecisionNote(), r.getVersion());
        }
    }

    public record ApprovalList(List<ApprovalView> items,
            @Schema(description = "How many are waiting in all; items holds at most size of them") long total) {
    }

    public record Decision(@Schema(required = true, description = "The request's version, as read") Long version) {
    }

    public record Rejection(@Schema(required = true, description = "The request's version, as read") Long version,
            @Schema(required = true, description = "Why, for the person who asked") String note) {
    }
}
