package org.trustfund.web.pledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.pledge.Instalment;
import org.trustfund.pledge.Pledge;
import org.trustfund.pledge.PledgeInput;
import org.trustfund.pledge.ScheduleLine;
import org.trustfund.reference.ExchangeRate;
import org.trustfund.web.api.Inputs;
import org.trustfund.web.api.Iso;
import org.trustfund.web.api.MoneyJson;
import org.trustfund.web.api.Viewer;
import org.trustfund.web.reference.ReferenceJson;

/** The JSON forms of pledges and their instalments. */
public final class PledgeJson {

    private PledgeJson() {
    }

    public record PledgeView(long id, long donorId, String donorName, long fundId, String fundCode, MoneyJson amount,
            String purpose, int firstYear, int lastYear,
            @Schema(format = "date") String pledgedOn,
            @Schema(enumeration = {"PLEDGED", "AGREEMENT_SIGNED", "PARTLY_PAID", "PAID", "WRITTEN_OFF"}) String status,
            @Schema(format = "date") String agreementDate, String agreementReference,
            ReferenceJson.RateView agreementRate,
            @Schema(description = "Why the agreement was booked at a rate from before its month; absent otherwise")
            String agreementStaleRateReason,
            @Schema(description = "Conditions of the agreement; while unmet, what is agreed is deferred revenue")
            String agreementConditions,
            @Schema(format = "date") String conditionsMetOn,
            @Schema(format = "date") String writtenOffOn, String writeOffReason,
            int revision, List<InstalmentView> instalments,
            MoneyJson paid,
            MoneyJson outstanding,
            @Schema(format = "date-time") String createdAt, String createdBy,
            @Schema(description = "Send it back with the agreement") long version) {

        /**
         * @param paidByInstalment what certified contributions paid on each instalment, by instalment id
         * @param viewer who reads it: a donor user sees no staff user names
         */
        public static PledgeView of(Pledge p, Map<Long, Money> paidByInstalment, Viewer viewer) {
            Money zero = Money.zero(p.getAmount().currency());
            Money paid = zero;
            List<InstalmentView> instalments = new ArrayList<>();
            for (Instalment i : p.getInstalments()) {
                Money paidOn = paidByInstalment.getOrDefault(i.getId(), zero);
                paid = paid.plus(paidOn);
                instalments.add(new InstalmentView(i.getId(), i.getSeq(), Iso.text(i.getDueDate()),
                        MoneyJson.of(i.getAmount()),
                        MoneyJson.of(paidOn), MoneyJson.of(i.getAmount().minus(paidOn))));
            }
            ExchangeRate rate = p.getAgreementRate();
            return new PledgeView(p.getId(), p.getDonor().getId(), p.getDonor().getName(), p.getFund().getId(),
                    p.getFund().getCode(), MoneyJson.of(p.getAmount()), p.getPurpose(), p.getFirstYear(),
                    p.getLastYear(), Iso.text(p.getPledgedOn()), p.getStatus().name(), Iso.text(p.getAgreementDate()),
                    p.getAgreementReference(), rate == null ? null : ReferenceJson.RateView.of(rate),
                    p.getAgreementStaleRateReason(),
                    p.getAgreementConditions(), Iso.text(p.getConditionsMetOn()),
                    Iso.text(p.getWrittenOffOn()), p.getWriteOffReason(), p.getRevision(), instalments,
                    MoneyJson.of(paid), MoneyJson.of(p.getAmount().minus(paid)), Iso.text(p.getCreatedAt()),
                    viewer.staff(p.getCreatedBy()), p.getVersion());
        }
    }

    public record InstalmentView(long id, int seq, @Schema(format = "date") String dueDate,
            MoneyJson amount,
            MoneyJson paid,
            MoneyJson open) {
    }

    public record NewPledge(@Schema(required = true) Long donorId, @Schema(required = true) Long fundId,
            @Schema(required = true) MoneyJson amount, String purpose,
            @Schema(required = true, example = "2025") Integer firstYear,
            @Schema(required = true, example = "2027") Integer lastYear,
            @Schema(required = true, format = "date", example = "2025-01-15") String pledgedOn,
            @Schema(required = true, description = "The schedule: at least one instalment, adding up to the amount")
            List<NewInstalment> instalments) {

        PledgeInput toInput() {
            List<ScheduleLine> schedule = new ArrayList<>();
            List<NewInstalment> lines = instalments == null ? List.of() : instalments;
            for (int i = 0; i < lines.size(); i++) {
                NewInstalment line = lines.get(i);
                if (line == null) {
                    throw new BusinessException("instalments[" + i + "]", "api.required");
                }
                schedule.add(new ScheduleLine(Inputs.date("instalments[" + i + "].dueDate", line.dueDate()),
                        Inputs.money("instalments[" + i + "].amount", line.amount())));
            }
            return new PledgeInput(Inputs.required("donorId", donorId), Inputs.required("fundId", fundId),
                    Inputs.money("amount", amount), purpose, Inputs.required("firstYear", firstYear),
                    Inputs.required("lastYear", lastYear), Inputs.date("pledgedOn", pledgedOn), schedule);
        }
    }

    public record NewInstalment(@Schema(required = true, format = "date") String dueDate,
            @Schema(required = true) MoneyJson amount) {
    }

    public record AgreementInput(@Schema(required = true, description = "The pledge's version, as read") Long version,
            @Schema(required = true, format = "date") String agreementDate,
            @Schema(required = true) String agreementReference,
            @Schema(description = "Conditions that would oblige the fund to return the money if unmet; omit if none")
            String conditions,
            @Schema(description = "Only if the rate in force on the agreement date is from an earlier month: why that"
                    + " rate may be used. Without it such an agreement is refused (422).")
            String staleRateReason) {
    }

    public record ConditionsMetInput(@Schema(required = true, description = "The pledge's version, as read") Long version,
            @Schema(required = true, format = "date") String conditionsMetOn) {
    }

    public record WriteOffInput(@Schema(required = true, description = "The pledge's version, as read") Long version,
            @Schema(required = true, format = "date", description = "The date the write-off takes effect on")
            String writtenOffOn,
            @Schema(required = true) String reason) {
    }

    public record PledgeList(List<PledgeView> items) {
    }
}
