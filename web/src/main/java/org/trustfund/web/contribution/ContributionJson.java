package org.trustfund.web.contribution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trustfund.contribution.Contribution;
import org.trustfund.contribution.ContributionApplication;
import org.trustfund.contribution.ContributionInput;
import org.trustfund.contribution.ContributionStatus;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.reference.AcceptedCurrency;
import org.trustfund.web.api.Inputs;
import org.trustfund.web.api.Iso;
import org.trustfund.web.api.MoneyJson;
import org.trustfund.web.api.Viewer;

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
            @Schema(description = "What is held now as unapplied receipts (a liability): the unapplied part of a "
                    + "certified contribution from a donor who owed the fund under a signed agreement, until it is "
                    + "applied to instalments or approved as a separate gift; zero otherwise") MoneyJson unappliedHeld,
            @Schema(enumeration = {"HELD", "REVENUE", "NONE"}, description = "How the unapplied part counts: HELD as "
                    + "unapplied receipts; REVENUE (revenue at receipt, the donor owing nothing, or approved as a "
                    + "separate gift); NONE when all of it is applied. Absent until certification decides it; for a "
                    + "reversed contribution, how it stood when reversed") String unappliedTreatment,
            @Schema(description = "Send it back with certification, return, reversal, applications or separate gift")
            long version) {

        /** @param viewer who reads it: a donor user sees no staff user names */
        public static ContributionView of(Contribution c, Viewer viewer) {
            List<ApplicationView> applications = c.getApplications().stream()
                    .map(a -> ApplicationView.of(a, viewer)).toList();
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
                    MoneyJson.of(c.unapplied()), MoneyJson.of(c.heldUnapplied()), treatment(c), c.getVersion());
        }

        /** Decided at certification, so a recorded or returned contribution has none yet. */
        private static String treatment(Contribution c) {
            if (c.getStatus() != ContributionStatus.CERTIFIED && c.getStatus() != ContributionStatus.REVERSED) {
                return null;
            }
            if (!c.unapplied().isPositive()) {
                return "NONE";
            }
            return c.isUnappliedHeld() ? "HELD" : "REVENUE";
        }
    }

    public record ApplicationView(long instalmentId, long pledgeId, int seq,
            @Schema(format = "date") String dueDate,
            MoneyJson amount,
            @Schema(format = "date-time", description = "When held receipts were applied after certification; "
                    + "absent for the contribution's own applications") String appliedAt,
            @Schema(description = "Who applied held receipts after certification; absent for the contribution's own")
            String appliedBy) {

        static ApplicationView of(ContributionApplication a, Viewer viewer) {
            return new ApplicationView(a.getInstalment().getId(), a.getInstalment().getPledge().getId(),
                    a.getInstalment().getSeq(), Iso.text(a.getInstalment().getDueDate()), MoneyJson.of(a.getAmount()),
                    Iso.text(a.getAppliedAt()), viewer.staff(a.getAppliedBy()));
        }
    }

    public record NewContribution(@Schema(required = true) Long donorId, @Schema(required = true) Long fundId,
            @Schema(required = true, format = "date", description = "Not in the future; fixes the exchange rate")
            String receivedDate,
            @Schema(required = true) MoneyJson amount, @Schema(required = true) String bankReference,
            @Schema(description = "Which instalments the money pays. Left out (or null): the donor's open "
                    + "instalments in the fund and currency, oldest due first, as the page suggests. An empty list: "
                    + "nothing applied; if the donor owes the fund under a signed agreement, the money is then held "
                    + "as unapplied receipts from certification on, else it is revenue.")
            List<NewApplication> applications,
            @Schema(description = "Only if the rate in force on the received date is from an earlier month (the month's"
                    + " rate is not entered): why that rate may be used. Without it such a contribution is refused (422).")
            String staleRateReason) {

        ContributionInput toInput() {
            // Absent means the page's suggestion (null to the service), so the API's default and the page's agree.
            Map<Long, Money> applied = applications == null ? null : ContributionJson.applications(applications);
            return new ContributionInput(Inputs.required("donorId", donorId), Inputs.required("fundId", fundId),
                    Inputs.date("receivedDate", receivedDate), Inputs.money("amount", amount), bankReference, applied,
                    staleRateReason);
        }
    }

    /** Application lines by instalment id, each checked and named by its place in the list. */
    static Map<Long, Money> applications(List<NewApplication> lines) {
        Map<Long, Money> applied = new LinkedHashMap<>();
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
        return applied;
    }

    /** Held unapplied receipts to apply to instalments. */
    public record HeldApplications(@Schema(required = true, description = "The contribution's version, as read")
            Long version, @Schema(required = true) List<NewApplication> applications) {
    }

    public record NewApplication(@Schema(required = true) Long instalmentId,
            @Schema(required = true) MoneyJson amount) {
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
