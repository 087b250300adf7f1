package org.trustfund.web.inkind;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trustfund.inkind.InKindCategory;
import org.trustfund.inkind.InKindContribution;
import org.trustfund.inkind.InKindInput;
import org.trustfund.inkind.InKindNature;
import org.trustfund.inkind.ValuationBasis;
import org.trustfund.money.Money;
import org.trustfund.web.api.Inputs;
import org.trustfund.web.api.MoneyJson;
import org.trustfund.web.api.Viewer;

/** The JSON of in-kind contributions. */
public final class InKindJson {

    private InKindJson() {
    }

    public record InKindView(long id, long donorId, String donorName, long fundId, String fundCode,
            @Schema(format = "date") String startDate, @Schema(format = "date") String endDate, String eventName,
            String description, String category, @Schema(description = "GOODS or SERVICES") String nature,
            @Schema(description = "true for goods (posted at certification), false for services (disclosed only)")
            boolean recognized, MoneyJson fairValue, @Schema(description = "Units per USD") String unitsPerUsd,
            MoneyJson usdValue, String valuationBasis, String supportingReference, String status, String recordedBy,
            String certifiedBy, String returnedReason, String reversalReason, Long replacesId, long version) {

        static InKindView of(InKindContribution g, Viewer viewer) {
            return new InKindView(g.getId(), g.getDonor().getId(), g.getDonor().getName(), g.getFund().getId(),
                    g.getFund().getCode(), g.getStartDate().toString(), g.getEndDate() == null ? null : g.getEndDate().toString(),
                    g.getEventName(), g.getDescription(), g.getCategory().name(), g.getNature().name(), g.isRecognized(),
                    MoneyJson.of(g.getFairValue()), g.getUnitsPerUsd().toPlainString(), MoneyJson.of(g.usdValue()),
                    g.getValuationBasis().name(), g.getSupportingReference(), g.getStatus().name(),
                    viewer.staff(g.getCertification().getRecordedBy()), viewer.staff(g.getCertification().getCertifiedBy()),
                    viewer.donorOnly() ? null : g.getCertification().getReturnedReason(), g.getCertification().getReversalReason(),
                    g.getReplaces() == null ? null : g.getReplaces().getId(), g.getVersion());
        }
    }

    public record InKindPage(List<InKindView> items, int page, int size, long total) {
    }

    public record NewInKind(@Schema(required = true) Long donorId, @Schema(required = true) Long fundId,
            @Schema(required = true, format = "date") String startDate, @Schema(format = "date") String endDate,
            String eventName, @Schema(required = true) String description,
            @Schema(required = true, description = "VENUE_AND_PREMISES, TRAVEL_AND_ACCOMMODATION, "
                    + "INTERPRETATION_AND_TRANSLATION, EQUIPMENT_AND_CONNECTIVITY, STAFF_SECONDMENT, HOSTING_SERVICES, OTHER")
            String category, @Schema(required = true, description = "GOODS or SERVICES") String nature,
            @Schema(description = "Leave out: the rule decides (goods recognized, services disclosed); a value that "
                    + "contradicts the rule is refused") Boolean recognized,
            @Schema(required = true) MoneyJson fairValue,
            @Schema(required = true, description = "QUOTE, INVOICE, MARKET_RATE or DONOR_STATEMENT") String valuationBasis,
            String supportingReference,
            @Schema(description = "Why a rate from before the first day's month is used") String staleRateReason,
            @Schema(description = "The entry's version, as read (corrections only)") Long version) {

        InKindInput toInput() {
            Money value = fairValue == null ? null : Inputs.money("fairValue", fairValue);
            return new InKindInput(Inputs.required("donorId", donorId), Inputs.required("fundId", fundId),
                    Inputs.date("startDate", startDate), Inputs.date("endDate", endDate), eventName, description,
                    Inputs.choice("category", category, InKindCategory.class), Inputs.choice("nature", nature, InKindNature.class),
                    recognized, value, Inputs.choice("valuationBasis", valuationBasis, ValuationBasis.class),
                    supportingReference, staleRateReason);
        }
    }

    public record InKindVersion(@Schema(required = true, description = "The entry's version, as read") Long version) {
    }

    public record InKindReason(@Schema(required = true, description = "The entry's version, as read") Long version,
            @Schema(required = true) String reason) {
    }
}
