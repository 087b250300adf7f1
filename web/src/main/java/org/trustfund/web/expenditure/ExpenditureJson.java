package org.trustfund.web.expenditure;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trustfund.expenditure.AvailableBalance;
import org.trustfund.expenditure.Expenditure;
import org.trustfund.expenditure.ExpenditureCategory;
import org.trustfund.expenditure.ExpenditureInput;
import org.trustfund.expenditure.ProgrammeSupportCosts;
import org.trustfund.expenditure.PscCharge;
import org.trustfund.expenditure.PscRate;
import org.trustfund.money.Money;
import org.trustfund.web.api.Inputs;
import org.trustfund.web.api.MoneyJson;
import org.trustfund.web.api.Viewer;

/** The JSON of other expenditure, programme support costs and the balance available for new commitments. */
public final class ExpenditureJson {

    private ExpenditureJson() {
    }

    private static String plain(BigDecimal v) {
        return v == null ? null : v.toPlainString();
    }

    /** A rate as officers speak of it: 0.13 is "13". */
    private static String percent(BigDecimal rate) {
        return rate == null ? null : rate.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    public record ExpenseView(long id, long fundId, String fundCode, String category,
            @Schema(format = "date") String date, MoneyJson amount,
            @Schema(description = "Units per USD at the operational rate of the date") String unitsPerUsd,
            MoneyJson usdAmount, String reference, String description, String staleRateReason, String status,
            String recordedBy, String certifiedBy, String returnedReason, String reversalReason, long version) {

        static ExpenseView of(Expenditure e, Viewer viewer) {
            return new ExpenseView(e.getId(), e.getFund().getId(), e.getFund().getCode(), e.getCategory().name(),
                    e.getDate().toString(), MoneyJson.of(e.getAmount()), plain(e.getUnitsPerUsd()),
                    MoneyJson.of(e.usdValue()), e.getReference(), e.getDescription(), e.getStaleRateReason(),
                    e.getStatus().name(), viewer.staff(e.getCertification().getRecordedBy()),
                    viewer.staff(e.getCertification().getCertifiedBy()), e.getCertification().getReturnedReason(),
                    e.getCertification().getReversalReason(), e.getVersion());
        }
    }

    public record ExpensePage(List<ExpenseView> items, int page, int size, long total,
            @Schema(description = "USD of the certified ones the filters select, as the page's total") String certifiedUsd) {
    }

    public record NewExpense(@Schema(required = true) Long fundId,
            @Schema(required = true, description = "STAFF_AND_CONSULTANTS, CONTRACTUAL_SERVICES, TRAVEL_OF_STAFF, "
                    + "OPERATING_EXPENSES, EQUIPMENT or OTHER") String category,
            @Schema(required = true, format = "date") String date, @Schema(required = true) MoneyJson amount,
            @Schema(required = true) String reference, @Schema(required = true) String description,
            @Schema(description = "Why a rate from before the date's month is used") String staleRateReason,
            @Schema(description = "The entry's version, as read (corrections only)") Long version) {

        ExpenditureInput toInput() {
            Money money = amount == null ? null : Inputs.money("amount", amount);
            return new ExpenditureInput(Inputs.required("fundId", fundId),
                    Inputs.choice("category", category, ExpenditureCategory.class), Inputs.date("date", date), money,
                    reference, description, staleRateReason);
        }
    }

    public record ExpenseVersion(@Schema(required = true, description = "The entry's version, as read") Long version) {
    }

    public record ExpenseReason(@Schema(required = true, description = "The entry's version, as read") Long version,
            @Schema(required = true) String reason) {
    }

    public record PscChargeView(long id, int year, String chargeDate, String baseUsd,
            @Schema(description = "Percent, e.g. 13") String ratePercent, String dueUsd,
            @Schema(description = "What this run posted (negative for a reversal)") String amountUsd, Long reverses,
            String reason, String postedBy, long version) {

        static PscChargeView of(PscCharge c, Viewer viewer) {
            return new PscChargeView(c.getId(), c.getYear(), c.getChargeDate().toString(), plain(c.getBaseUsd()),
                    percent(c.getRate()), plain(c.getDueUsd()), plain(c.getAmountUsd()),
                    c.getReverses() == null ? null : c.getReverses().getId(), c.getReason(),
                    viewer.staff(c.getPostedBy()), c.getVersion());
        }
    }

    public record PscView(long fundId, String fundCode, int year,
            @Schema(description = "The year's expenditure the charge is on") String baseUsd,
            @Schema(description = "Percent, e.g. 13") String ratePercent,
            @Schema(description = "Why the year's rate differs from the fund's") String rateReason,
            @Schema(description = "The version of the year's own rate, 0 when it has none") long rateVersion,
            String dueUsd, String chargedUsd, @Schema(description = "What a run would post now") String toPostUsd,
            List<PscChargeView> charges) {

        static PscView of(ProgrammeSupportCosts.Computation c, java.util.Optional<PscRate> own, List<PscCharge> charges,
                Viewer viewer) {
            return new PscView(c.fundId(), c.fundCode(), c.year(), plain(c.base()), percent(c.rate()), c.rateReason(),
                    own.map(PscRate::getVersion).orElse(0L), plain(c.due()), plain(c.charged()), plain(c.toPost()),
                    charges.stream().map(x -> PscChargeView.of(x, viewer)).toList());
        }
    }

    public record PscRun(@Schema(description = "true when the run posted a charge; false: nothing was due") boolean posted,
            PscChargeView charge) {
    }

    public record PscRateChange(@Schema(required = true, description = "Percent, e.g. 13 or 7.5") String percent,
            @Schema(required = true) String reason,
            @Schema(description = "The year's own rate's version, as read (0 when it has none)") Long version) {

        BigDecimal rate() {
            BigDecimal p = Inputs.decimal("percent", percent);
            return p == null ? null : p.movePointLeft(2);
        }
    }

    public record PscReversal(@Schema(required = true, description = "The charge's version, as read") Long version,
            @Schema(required = true) String reason) {
    }

    public record BalanceView(long fundId, String cashUsd, String openObligationsUsd, String approvedNotObligatedUsd,
            @Schema(description = "Cash less open obligations less trips approved and not yet obligated")
            String availableUsd) {

        static BalanceView of(AvailableBalance.Figures f) {
            return new BalanceView(f.fundId(), plain(f.cash()), plain(f.openObligations()),
                    plain(f.approvedNotObligated()), plain(f.available()));
        }
    }
}
