package org.trustfund.web.ledger;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trustfund.ledger.JournalDetail;
import org.trustfund.ledger.JournalLineView;
import org.trustfund.ledger.JournalSummary;
import org.trustfund.ledger.TrialBalanceReport;
import org.trustfund.ledger.TrialBalanceRow;
import org.trustfund.web.api.Iso;

/** The JSON forms of the ledger as read: a trial balance, journals and their lines. Amounts are US dollars as text. */
public final class LedgerJson {

    private LedgerJson() {
    }

    /** A fund's trial balance for a period: every account of the chart, in its order. */
    public record TrialBalanceView(long fundId, String fundCode, @Schema(format = "date") String from,
            @Schema(format = "date") String to, List<TrialBalanceLine> accounts,
            @Schema(description = "Sum of the opening balances (debit minus credit): 0.00 when the books balance")
            String totalOpening, String totalDebits, String totalCredits,
            @Schema(description = "Sum of the closing balances (debit minus credit): 0.00 when the books balance")
            String totalClosing) {

        static TrialBalanceView of(TrialBalanceReport r) {
            return new TrialBalanceView(r.fundId(), r.fundCode(), Iso.text(r.from()), Iso.text(r.to()),
                    r.rows().stream().map(TrialBalanceLine::of).toList(), usd(r.totalOpening()), usd(r.totalDebits()),
                    usd(r.totalCredits()), usd(r.totalClosing()));
        }
    }

    /** One account of a trial balance. */
    public record TrialBalanceLine(String account,
            @Schema(enumeration = {"ASSET", "LIABILITY", "REVENUE", "EXPENSE"}) String kind,
            @Schema(enumeration = {"DEBIT", "CREDIT"}, description = "The side the account grows on") String normalSide,
            @Schema(description = "Debits less credits dated before the period") String opening,
            @Schema(description = "Debits dated in the period") String debits,
            @Schema(description = "Credits dated in the period") String credits,
            @Schema(description = "Debits less credits at the period's end") String closing,
            @Schema(description = "The closing balance on the account's normal side (a credit balance of a liability or "
                    + "revenue account as a positive amount)") String closingOnNormalSide) {

        static TrialBalanceLine of(TrialBalanceRow r) {
            return new TrialBalanceLine(r.account().name(), r.kind().name(), r.normalSide(), usd(r.opening()),
                    usd(r.debits()), usd(r.credits()), usd(r.closing()), usd(r.closingOnNormalSide()));
        }
    }

    /** A journal's header and the total of its debits (equal to its credits). */
    public record JournalView(long id, long fundId, String fundCode, @Schema(format = "date") String eventDate,
            String event, Long donorId, String donorName, String description, String debitTotal, String postedBy,
            @Schema(format = "date-time") String postedAt,
            @Schema(description = "The kind of record the journal was posted for, e.g. Contribution or Pledge")
            String sourceType, long sourceId, Long reversesJournalId) {

        static JournalView of(JournalSummary j) {
            return new JournalView(j.id(), j.fundId(), j.fundCode(), Iso.text(j.eventDate()), j.event().name(),
                    j.donorId(), j.donorName(), j.description(), usd(j.debitTotal()), j.postedBy(), Iso.text(j.postedAt()),
                    j.sourceType(), j.sourceId(), j.reversesJournalId());
        }
    }

    public record JournalList(List<JournalView> items, int first, int max, long total) {
    }

    /** One line of a journal. */
    public record JournalLineJson(long id, String account, String debit, String credit,
            @Schema(description = "ISO 4217 code of the transaction's currency, if the line carries one") String currency,
            @Schema(description = "The movement in that currency, debit minus credit") String currencyAmount,
            @Schema(description = "The pledge whose receivable the line moves") Long pledgeId) {

        static JournalLineJson of(JournalLineView l) {
            return new JournalLineJson(l.id(), l.account().name(), usd(l.debit()), usd(l.credit()), l.currency(),
                    l.currencyAmount() == null ? null : l.currencyAmount().toPlainString(), l.pledgeId());
        }
    }

    public record JournalDetailView(JournalView journal, String fundName, List<JournalLineJson> lines) {

        static JournalDetailView of(JournalDetail d) {
            return new JournalDetailView(JournalView.of(d.journal()), d.fundName(),
                    d.lines().stream().map(JournalLineJson::of).toList());
        }
    }

    private static String usd(BigDecimal v) {
        return v == null ? null : v.setScale(2).toPlainString();
    }
}
