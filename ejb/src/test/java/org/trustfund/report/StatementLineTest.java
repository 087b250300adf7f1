package org.trustfund.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.trustfund.ledger.Account;
import org.trustfund.ledger.JournalEvent;
import org.trustfund.report.StatementLine.Statement;

/**
 * Every posting lands on exactly one line of each statement that shows its account: an account added to the chart
 * later cannot be silently missing from the statements or from the reconciliation.
 */
class StatementLineTest {

    @Test
    void everyRevenueAndExpensePostingIsOnExactlyOneLineOfThePerformanceStatement() {
        for (Account account : Account.values()) {
            boolean shown = account.kind() == Account.Kind.REVENUE || account.kind() == Account.Kind.EXPENSE;
            for (JournalEvent event : JournalEvent.values()) {
                long lines = java.util.Arrays.stream(StatementLine.values())
                        .filter(l -> l.statement() == Statement.PERFORMANCE && l.takes(account, event)).count();
                assertEquals(shown ? 1 : 0, lines, account + " posted by " + event);
            }
        }
    }

    @Test
    void everyPostingButCommitmentsIsOnExactlyOneLineOfThePositionStatement() {
        for (Account account : Account.values()) {
            for (JournalEvent event : JournalEvent.values()) {
                long lines = java.util.Arrays.stream(StatementLine.values())
                        .filter(l -> l.statement() == Statement.POSITION && l.takes(account, event)).count();
                assertEquals(account.isOnStatements() ? 1 : 0, lines, account + " posted by " + event);
            }
        }
    }

    @Test
    void contributionRevenueIsSplitByWhetherAnAgreementMadeIt() {
        assertEquals(StatementLine.CONTRIBUTIONS_FROM_AGREEMENTS, StatementLine.forPosting(Statement.PERFORMANCE,
                Account.CONTRIBUTION_REVENUE, JournalEvent.CONDITIONS_MET).orElseThrow());
        assertEquals(StatementLine.CONTRIBUTIONS_WITHOUT_AGREEMENT, StatementLine.forPosting(Statement.PERFORMANCE,
                Account.CONTRIBUTION_REVENUE, JournalEvent.CONTRIBUTION_REVERSED).orElseThrow());
        assertEquals(StatementLine.CONTRIBUTIONS_WITHOUT_AGREEMENT, StatementLine.forPosting(Statement.PERFORMANCE,
                Account.CONTRIBUTION_REVENUE, JournalEvent.SEPARATE_GIFT_RECOGNISED).orElseThrow());
    }

    @Test
    void everyLineHasItsLabelInEnglishAndFrench() {
        for (java.util.Locale locale : new java.util.Locale[] {java.util.Locale.ENGLISH, java.util.Locale.FRENCH}) {
            java.util.ResourceBundle texts = ReportContext.texts(locale);
            for (StatementLine line : StatementLine.values()) {
                assertEquals(true, texts.containsKey(line.labelKey()), line + " in " + locale);
            }
            java.util.ResourceBundle english = ReportContext.texts(java.util.Locale.ENGLISH);
            assertEquals(java.util.Collections.list(english.getKeys()).stream().sorted().toList(),
                    java.util.Collections.list(texts.getKeys()).stream().sorted().toList(), "same keys in " + locale);
        }
    }
}
