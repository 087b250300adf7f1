package org.trustfund.web.intermediary;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trustfund.donor.DonorDetails;
import org.trustfund.donor.StakeholderGroup;
import org.trustfund.intermediary.GiftInput;
import org.trustfund.intermediary.GiverKind;
import org.trustfund.intermediary.Intermediary;
import org.trustfund.intermediary.IntermediaryTransfer;
import org.trustfund.intermediary.Reconciliation;
import org.trustfund.intermediary.TransferGift;
import org.trustfund.intermediary.TransferInput;
import org.trustfund.money.Money;
import org.trustfund.web.api.Inputs;
import org.trustfund.web.api.MoneyJson;

/** The JSON of intermediaries and their transfers. */
public final class TransferJson {

    private TransferJson() {
    }

    public record IntermediaryView(long id, long donorId, String name, String countryCode, String feeTerms,
            String contactName, String contactEmail, long version) {

        static IntermediaryView of(Intermediary i) {
            return new IntermediaryView(i.getId(), i.getDonor().getId(), i.getName(), i.getDonor().getCountry().getCode(),
                    i.getFeeTerms(), i.getDonor().getContactName(), i.getDonor().getContactEmail(), i.getVersion());
        }
    }

    public record IntermediaryList(List<IntermediaryView> items, int total) {
    }

    /** A new intermediary: an existing donor ({@code donorId}) or a new one ({@code name} … {@code publiclyNamed}). */
    public record NewIntermediary(@Schema(description = "An existing donor; leave out to create a new one") Long donorId,
            String name, @Schema(description = "GOVERNMENT, FOUNDATION, …") String stakeholderGroup,
            @Schema(description = "ISO 3166 alpha-2") String countryCode, String contactName, String contactEmail,
            Boolean publiclyNamed, @Schema(required = true, example = "3 % overhead plus card fees") String feeTerms,
            @Schema(description = "true to create a donor although one of the same name and country exists")
            Boolean confirmDuplicate) {

        DonorDetails details() {
            return donorId != null ? null : new DonorDetails(name, Inputs.choice("stakeholderGroup", stakeholderGroup,
                    StakeholderGroup.class), countryCode, contactName, contactEmail, !Boolean.FALSE.equals(publiclyNamed),
                    null);
        }
    }

    public record FeeTerms(@Schema(required = true) String feeTerms,
            @Schema(required = true, description = "The intermediary's version, as read") Long version) {
    }

    public record GiftView(int seq, @Schema(description = "Null for an anonymous giver") String giverName,
            String giverKind, boolean anonymous, boolean publiclyNamed, MoneyJson amount, MoneyJson usd,
            @Schema(format = "date") String givenDate) {

        static GiftView of(TransferGift g, String currency) {
            return new GiftView(g.getSeq(), g.getGiverName(), g.getGiverKind().name(), g.isAnonymous(), g.isPubliclyNamed(),
                    MoneyJson.of(Money.of(g.getAmount(), currency)), TransferJson.usd(g.getUsdAmount()),
                    g.getGivenDate() == null ? null : g.getGivenDate().toString());
        }
    }

    public record ReconciliationView(boolean reconciles,
            @Schema(description = "gross − fees − net; null while the net is not known") MoneyJson feesDifference,
            @Schema(description = "the gifts' sum − gross") MoneyJson giftsDifference, MoneyJson gifts) {

        static ReconciliationView of(Reconciliation r) {
            return new ReconciliationView(r.reconciles(), MoneyJson.of(r.feesDifference()), MoneyJson.of(r.giftsDifference()),
                    MoneyJson.of(r.gifts()));
        }
    }

    public record TransferView(long id, long intermediaryId, String intermediaryName, long fundId, String fundCode,
            String statementReference, @Schema(format = "date", description = "Null while pending") String receivedDate,
            MoneyJson gross, MoneyJson fees, @Schema(description = "Null while pending") MoneyJson net,
            String bankReference, @Schema(description = "Units per USD") String unitsPerUsd,
            @Schema(description = "The fund's income: the net in US dollars") MoneyJson usdNet, MoneyJson usdGross,
            MoneyJson usdFees, boolean pending, String status, String recordedBy, String certifiedBy,
            String returnedReason, String reversalReason, Long replacesId, ReconciliationView reconciliation,
            List<GiftView> gifts, long version) {

        static TransferView of(IntermediaryTransfer t) {
            return new TransferView(t.getId(), t.getIntermediary().getId(), t.getIntermediary().getName(), t.getFund().getId(),
                    t.getFund().getCode(), t.getStatementReference(),
                    t.getReceivedDate() == null ? null : t.getReceivedDate().toString(), MoneyJson.of(t.grossMoney()),
                    MoneyJson.of(t.feesMoney()), MoneyJson.of(t.netMoney()), t.getBankReference(),
                    t.getUnitsPerUsd() == null ? null : t.getUnitsPerUsd().toPlainString(), usd(t.getUsdNet()),
                    usd(t.getUsdGross()), usd(t.getUsdFees()), t.isPending(), t.getStatus().name(),
                    t.getCertification().getRecordedBy(), t.getCertification().getCertifiedBy(),
                    t.getCertification().getReturnedReason(), t.getCertification().getReversalReason(),
                    t.getReplaces() == null ? null : t.getReplaces().getId(), ReconciliationView.of(t.reconciliation()),
                    t.getGifts().stream().map(g -> GiftView.of(g, t.getCurrency())).toList(), t.getVersion());
        }
    }

    public record TransferPage(List<TransferView> items, int page, int size, long total) {
    }

    public record NewGift(String giverName, @Schema(required = true, description = "PERSON, COMPANY or FOUNDATION")
            String giverKind, Boolean anonymous, Boolean publiclyNamed,
            @Schema(required = true, description = "In the transfer's currency, as a decimal string") String amount,
            @Schema(format = "date") String givenDate,
            @Schema(description = "A donor the fund already knows, credited with this gift (a soft credit, in no total)")
            Long giverDonorId) {

        GiftInput toInput(int line) {
            String field = "gifts[" + line + "]";
            return new GiftInput(giverName, Inputs.choice(field + ".giverKind", giverKind, GiverKind.class),
                    Boolean.TRUE.equals(anonymous), Boolean.TRUE.equals(publiclyNamed),
                    Inputs.decimal(field + ".amount", amount), Inputs.date(field + ".givenDate", givenDate), giverDonorId);
        }
    }

    /** A transfer as recorded or corrected; {@code gifts} left out keeps the gifts already recorded (a correction). */
    public record NewTransfer(@Schema(required = true) Long intermediaryId, @Schema(required = true) Long fundId,
            @Schema(required = true, example = "USD") String currency,
            @Schema(required = true, example = "10000.00") String gross,
            @Schema(required = true, example = "450.00") String fees,
            @Schema(description = "Leave out while pending", example = "9550.00") String net,
            @Schema(format = "date", description = "Leave out while pending") String receivedDate,
            String bankReference, String statementReference, List<NewGift> gifts,
            @Schema(description = "Why a rate from before the received date's month is used") String staleRateReason,
            @Schema(description = "The transfer's version, as read (corrections only)") Long version) {

        TransferInput toInput() {
            List<GiftInput> lines = null;
            if (gifts != null) {
                lines = new java.util.ArrayList<>();
                for (int i = 0; i < gifts.size(); i++) {
                    lines.add(Inputs.required("gifts[" + i + "]", gifts.get(i)).toInput(i));
                }
            }
            return new TransferInput(Inputs.required("intermediaryId", intermediaryId), Inputs.required("fundId", fundId),
                    currency, Inputs.decimal("gross", gross), Inputs.decimal("fees", fees), Inputs.decimal("net", net),
                    Inputs.date("receivedDate", receivedDate), bankReference, statementReference, lines, staleRateReason);
        }
    }

    public record TransferVersion(@Schema(required = true, description = "The transfer's version, as read") Long version) {
    }

    public record TransferReason(@Schema(required = true, description = "The transfer's version, as read") Long version,
            @Schema(required = true) String reason) {
    }

    public record ImportView(int added, boolean alreadyImported, List<RowProblem> errors, long version) {
    }

    public record RowProblem(int row, String column, String message) {
    }

    static MoneyJson usd(BigDecimal amount) {
        return amount == null ? null : MoneyJson.of(Money.of(amount, "USD"));
    }
}
