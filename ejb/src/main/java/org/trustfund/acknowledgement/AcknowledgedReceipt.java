package org.trustfund.acknowledgement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.trustfund.contribution.Contribution;
import org.trustfund.donor.Donor;
import org.trustfund.inkind.InKindContribution;
import org.trustfund.intermediary.IntermediaryTransfer;
import org.trustfund.receipt.ReceiptKind;
import org.trustfund.reference.Fund;

/**
 * What a letter acknowledges, read from a certified receipt: the original currency and amount with its US dollar
 * value, rate and rate date (cash); the description, valuation basis and value (in kind); the net and the channel (a
 * transfer). {@code certifiedOn} is the date of issue.
 */
public record AcknowledgedReceipt(ReceiptKind kind, long sourceId, Donor donor, Fund fund, LocalDate certifiedOn,
        LocalDate receivedOn, String currency, BigDecimal amount, BigDecimal usd, BigDecimal unitsPerUsd,
        LocalDate rateDate, String description, String valuationBasis, String channel) {

    private static LocalDate day(java.time.Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }

    public static AcknowledgedReceipt of(Contribution c) {
        return new AcknowledgedReceipt(ReceiptKind.CASH, c.getId(), c.getDonor(), c.getFund(), day(c.getCertifiedAt()),
                c.getReceivedDate(), c.getAmount().currencyCode(), c.getAmount().amount(), c.getUsdAmount(),
                c.getUnitsPerUsd(), c.getRate() == null ? null : c.getRate().getEffectiveDate(), null, null, null);
    }

    public static AcknowledgedReceipt of(InKindContribution g) {
        return new AcknowledgedReceipt(ReceiptKind.IN_KIND, g.getId(), g.getDonor(), g.getFund(),
                day(g.getCertification().getCertifiedAt()), g.getStartDate(), g.getFairValue().currencyCode(),
                g.getFairValue().amount(), g.getUsdAmount(), g.getUnitsPerUsd(),
                g.getRate() == null ? null : g.getRate().getEffectiveDate(), g.getDescription(),
                g.getValuationBasis().name(), null);
    }

    public static AcknowledgedReceipt of(IntermediaryTransfer t) {
        return new AcknowledgedReceipt(ReceiptKind.TRANSFER, t.getId(), t.getDonor(), t.getFund(),
                day(t.getCertification().getCertifiedAt()), t.getReceivedDate(), t.getCurrency(), t.getNet(),
                t.getUsdNet(), t.getUnitsPerUsd(), t.getRate() == null ? null : t.getRate().getEffectiveDate(), null,
                null, t.getStatementReference());
    }
}
