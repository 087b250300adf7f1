package org.trustfund.web.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trustfund.contribution.Contribution;
import org.trustfund.contribution.ContributionApplication;
import org.trustfund.contribution.ContributionInput;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.reference.AcceptedCurrency;

/** The JSON forms of contributions. */
public final class ContributionJson {

    private ContributionJson() {
    }

    public record ContributionView(long id, long donorId, String donorName, long fundId, String fundCode,
            @Schema(format = "date") String receivedDate, MoneyJson amount,
            String bankReference,
            @Schema(description = "Units of the currency per US dollar used; 1 for US dollars") String unitsPerUsd,
            @Schema(format = "date") String rateEffectiveDate,
            @Schema(description = "Why a rate from before the received date's month was used; absent for the month's rate")
            String staleRateReason,
            MoneyJson usdAmount,
            @Schema(enumeration = {"RECORDED", "RETURNED", "CERTIFIED", "REVERSED"}) String status,
            @Schema(format = "date-time") String recordedAt, String recordedBy,
            @Schema(format = "date-time") String certifiedAt, String certifiedBy,
            String returnedReason,
            @Schema(format = "date-time") String reversedAt, String reversedBy,
            String reversalReason,
            @Schema(description = "The contribution this one was recorded to replace") Long replacesId,
            List<ApplicationView> applications, MoneyJson applied,
            MoneyJson unapplied,
            @Schema(description = "Send it back with certification, return or reversal") long version) {

        /** @param viewer who reads it: a donor user sees no staff user names */
        public static ContributionView of(Contribution c, Viewer viewer) {
            List<ApplicationView> applications = c.getApplications().stream().map(ApplicationView::of).toList();
            return new ContributionView(c.getId(), c.getDonor().getId(), c.getDonor().getName(), c.getFund().getId(),
                    c.getFund().getCode(), Iso.text(c.getReceivedDate()), MoneyJson.of(c.getAmount()),
                    c.getBankReference(),
                    c.getUnitsPerUsd().stripTrailingZeros().toPlainString(),
                    c.getRate() == null ? null : Iso.text(c.getRate().getEffectiveDate()), c.getStaleRateReason(),
                    MoneyJson.of(Money.of(c.getUsdAmount(), AcceptedCurrency.USD)), c.getStatus().name(),
                    Iso.text(c.getRecordedAt()), viewer.staff(c.getRecordedBy()), Iso.text(c.getCertifiedAt()),
                    viewer.staff(c.getCertifiedBy()),
                    c.getReturnedReason(), Iso.text(c.getReversedAt()), viewer.staff(c.getReversedBy()), c.getReversalReason(),
                    c.getReplaces() == null ? null : c.getReplaces().getId(), applications, MoneyJson.of(c.applied()),
                    MoneyJson.of(c.unapplied()), c.getVersion());
        }
    }

    public record ApplicationView(long instalmentId, long pledgeId, int seq,
            @Schema(format = "date") String dueDate,
            MoneyJson amount) {

        static ApplicationView of(ContributionApplication a) {
            return new ApplicationView(a.getInstalment().getId(), a.getInstalment().getPledge().getId(),
                    a.getInstalment().getSeq(), Iso.text(a.getInstalment().getDueDate()), MoneyJson.of(a.getAmount()));
        }
    }

    public record NewContribution(@Schema(required = true) Long donorId, @Schema(required = true) Long fundId,
            @Schema(required = true, format = "date", description = "Not in the future; fixes the exchange rate")
            String receivedDate,
            MoneyJson amount, @Schema(required = true) String bankReference,
            List<NewApplication> applications,
            @Schema(description = "Only if the rate in force on the received date is from an earlier month (the month's"
                    + " rate is not entered): why that rate may be used. Without it such a contribution is refused (422).")
            String staleRateReason) {

        ContributionInput toInput() {
            Map<Long, Money> applied = new LinkedHashMap<>();
            List<NewApplication> lines = applications == null ? List.of() : applications;
            for (int i = 0; i < lines.size(); i++) {
                String field = "applications[" + i + "]";
                NewApplication line = lines.get(i);
                if (line == null) {
                    throw new BusinessException(field, "api.required");
                }
                long instalment = Inputs.required(field + ".instalmentId", line.instalmentId());
                Money amount = Inputs.required(field + ".amount", Inputs.money(field + ".amount", line.amount()));
                if (applied.put(instalment, amount) != null) {
                    throw new BusinessException(field + ".instalmentId", "api.application.duplicate", instalment);
                }
            }
            return new ContributionInput(Inputs.required("donorId", donorId), Inputs.required("fundId", fundId),
                    Inputs.date("receivedDate", receivedDate), Inputs.money("amount", amount), bankReference, applied,
                    staleRateReason);
        }
    }

    public record NewApplication(@Schema(required = true) Long instalmentId,
            MoneyJson amount) {
    }

    public record Certification(@Schema(required = true, description = "The contribution's version, as read")
            Long version) {
    }

    public record WithReason(@Schema(required = true, description = "The contribution's version, as read")
            Long version, @Schema(required = true) String reason) {
    }

    public record ContributionPage(List<ContributionView> items, int page, int size, long total) {
    }
}
