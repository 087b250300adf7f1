package org.trustfund.ledger;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the ledger check found. The books are consistent when all the lists are empty: no journal whose
 * debits differ from its credits, no fund whose ledger does not balance, no pledge whose receivable in the
 * ledger differs from what was agreed minus what was received (in the pledge's currency), no pledge
 * holding deferred revenue without conditions waiting to be met, or holding less than none, and no contribution
 * whose unapplied receipts in the ledger differ from its unapplied rest while held (none otherwise).
 */
public record LedgerCheckResult(Instant checkedAt, long journalCount, long lineCount,
        List<UnbalancedJournal> unbalancedJournals, List<FundTotals> funds, List<ReceivableMismatch> receivableMismatches,
        List<DeferredRevenueMismatch> deferredRevenueMismatches, List<UnappliedReceiptMismatch> unappliedReceiptMismatches)
        implements Serializable {

    public boolean isConsistent() {
        return unbalancedJournals.isEmpty() && receivableMismatches.isEmpty() && deferredRevenueMismatches.isEmpty()
                && unappliedReceiptMismatches.isEmpty() && funds.stream().allMatch(FundTotals::balances);
    }

    /** Per contribution: its unapplied rest while held (records) against its unapplied receipt lines (ledger). */
    public record UnappliedReceiptMismatch(long contributionId, long donorId, String currency, BigDecimal expected,
            BigDecimal inLedger) implements Serializable {
    }

    public record UnbalancedJournal(long journalId, BigDecimal debits, BigDecimal credits) implements Serializable {
    }

    public record FundTotals(long fundId, String fundCode, BigDecimal debits, BigDecimal credits) implements Serializable {
        public boolean balances() {
            return debits.compareTo(credits) == 0;
        }
    }

    /** A pledge's deferred revenue (credits less debits, in its currency) where none, or not less than none, may be. */
    public record DeferredRevenueMismatch(long pledgeId, long donorId, String currency, boolean conditionsPending,
            BigDecimal inLedger) implements Serializable {
    }

    /** Per pledge: agreed minus received (records) against the receivable lines (ledger), in its currency. */
    public record ReceivableMismatch(long pledgeId, long donorId, String currency, BigDecimal expected,
            BigDecimal inLedger) implements Serializable {
    }
}
