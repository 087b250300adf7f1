package org.trustfund.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * A fund's trial balance for a period: every account of the chart, in its order, with no account left out
 * (one without postings shows 0.00). Since every journal balances, the period's debits equal its credits and
 * the opening and closing balances (debit minus credit) each add up to 0.00.
 */
public record TrialBalanceReport(long fundId, String fundCode, String fundName, LocalDate from, LocalDate to,
        List<TrialBalanceRow> rows) {

    public TrialBalanceReport {
        rows = List.copyOf(rows);
    }

    public BigDecimal totalOpening() {
        return sum(TrialBalanceRow::opening);
    }

    public BigDecimal totalDebits() {
        return sum(TrialBalanceRow::debits);
    }

    public BigDecimal totalCredits() {
        return sum(TrialBalanceRow::credits);
    }

    public BigDecimal totalClosing() {
        return sum(TrialBalanceRow::closing);
    }

    public TrialBalanceRow row(Account account) {
        return rows.stream().filter(r -> r.account() == account).findFirst().orElseThrow();
    }

    private BigDecimal sum(Function<TrialBalanceRow, BigDecimal> figure) {
        return rows.stream().map(figure).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
