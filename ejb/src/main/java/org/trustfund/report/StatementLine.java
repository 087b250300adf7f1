package org.trustfund.report;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.trustfund.ledger.Account;
import org.trustfund.ledger.JournalEvent;

/**
 * Every line of the two statements, in the order printed, with the ledger postings it sums. A line sums its accounts'
 * lines, or, where it splits an account, only the lines of the journals whose event it names ({@link #events}) or
 * those of every other event ({@link #otherEvents}). {@code StatementLineTest} proves that every account is on
 * exactly one line of each statement, so an account added to the chart cannot go missing from the statements.
 */
public enum StatementLine {

    // Statement of financial performance: revenue (credit balances) and expenses (debit balances) of the period.
    CONTRIBUTIONS_FROM_AGREEMENTS(Statement.PERFORMANCE, Section.REVENUE, Set.of(Account.CONTRIBUTION_REVENUE),
            EnumSet.of(JournalEvent.AGREEMENT_SIGNED, JournalEvent.PLEDGE_REVISED, JournalEvent.CONDITIONS_MET), false),
    CONTRIBUTIONS_WITHOUT_AGREEMENT(Statement.PERFORMANCE, Section.REVENUE, Set.of(Account.CONTRIBUTION_REVENUE),
            EnumSet.of(JournalEvent.AGREEMENT_SIGNED, JournalEvent.PLEDGE_REVISED, JournalEvent.CONDITIONS_MET,
                    JournalEvent.TRANSFER_CERTIFIED, JournalEvent.TRANSFER_REVERSED), true),
    /** What intermediary foundations passed on, at the net received: their fees never reached the fund (a note says). */
    CONTRIBUTIONS_THROUGH_INTERMEDIARIES(Statement.PERFORMANCE, Section.REVENUE, Set.of(Account.CONTRIBUTION_REVENUE),
            EnumSet.of(JournalEvent.TRANSFER_CERTIFIED, JournalEvent.TRANSFER_REVERSED), false),
    IN_KIND_GOODS(Statement.PERFORMANCE, Section.REVENUE, Account.IN_KIND_REVENUE),
    INTEREST_AND_OTHER(Statement.PERFORMANCE, Section.REVENUE, Account.INTEREST_AND_OTHER_REVENUE),
    REALIZED_EXCHANGE(Statement.PERFORMANCE, Section.REVENUE, Account.REALIZED_EXCHANGE_GAIN_LOSS),
    UNREALIZED_EXCHANGE(Statement.PERFORMANCE, Section.REVENUE, Account.UNREALIZED_EXCHANGE_GAIN_LOSS),
    /** Goods and premises given in kind are used as they are received: the expense matching {@link #IN_KIND_GOODS}. */
    IN_KIND_GOODS_USED(Statement.PERFORMANCE, Section.EXPENSES, Account.IN_KIND_EXPENSE),
    TRAVEL_AND_FELLOWSHIPS(Statement.PERFORMANCE, Section.EXPENSES, Account.TRAVEL_AND_FELLOWSHIPS),
    STAFF_AND_CONSULTANTS(Statement.PERFORMANCE, Section.EXPENSES, Account.STAFF_AND_CONSULTANTS),
    CONTRACTUAL_SERVICES(Statement.PERFORMANCE, Section.EXPENSES, Account.CONTRACTUAL_SERVICES),
    TRAVEL_OF_STAFF(Statement.PERFORMANCE, Section.EXPENSES, Account.TRAVEL_OF_STAFF),
    OPERATING_EXPENSES(Statement.PERFORMANCE, Section.EXPENSES, Account.OPERATING_EXPENSES),
    EQUIPMENT(Statement.PERFORMANCE, Section.EXPENSES, Account.EQUIPMENT),
    OTHER_EXPENSES(Statement.PERFORMANCE, Section.EXPENSES, Account.OTHER_EXPENSES),
    PROGRAMME_SUPPORT_COSTS(Statement.PERFORMANCE, Section.EXPENSES, Account.PROGRAMME_SUPPORT_COSTS),
    WRITE_OFFS(Statement.PERFORMANCE, Section.EXPENSES, Account.PLEDGE_WRITE_OFFS),

    // Statement of financial position: balances at the end of the period.
    CASH(Statement.POSITION, Section.ASSETS, Account.CASH),
    CONTRIBUTIONS_RECEIVABLE(Statement.POSITION, Section.ASSETS, Account.CONTRIBUTIONS_RECEIVABLE),
    UNAPPLIED_RECEIPTS(Statement.POSITION, Section.LIABILITIES, Account.UNAPPLIED_RECEIPTS),
    OTHER_LIABILITIES(Statement.POSITION, Section.LIABILITIES, Account.OTHER_LIABILITIES),
    DEFERRED_REVENUE(Statement.POSITION, Section.LIABILITIES, Account.DEFERRED_REVENUE),
    /** The accumulated surplus: every revenue and expense account since the fund began. */
    FUND_BALANCE(Statement.POSITION, Section.FUND_BALANCE, accountsOf(Account.Kind.REVENUE, Account.Kind.EXPENSE),
            EnumSet.noneOf(JournalEvent.class), true);

    public enum Statement { PERFORMANCE, POSITION }

    /** Where a line is printed; revenue, liabilities and fund balance are credit balances. */
    public enum Section {
        REVENUE(false), EXPENSES(true), ASSETS(true), LIABILITIES(false), FUND_BALANCE(false);

        private final boolean debitNormal;

        Section(boolean debitNormal) {
            this.debitNormal = debitNormal;
        }

        public boolean isDebitNormal() {
            return debitNormal;
        }
    }

    private final Statement statement;
    private final Section section;
    private final Set<Account> accounts;
    private final Set<JournalEvent> events;
    private final boolean otherEvents;

    StatementLine(Statement statement, Section section, Account account) {
        this(statement, section, Set.of(account), EnumSet.noneOf(JournalEvent.class), true);
    }

    StatementLine(Statement statement, Section section, Set<Account> accounts, Set<JournalEvent> events,
            boolean otherEvents) {
        this.statement = statement;
        this.section = section;
        this.accounts = Set.copyOf(accounts);
        this.events = events.isEmpty() ? Set.of() : EnumSet.copyOf(events);
        this.otherEvents = otherEvents;
    }

    private static Set<Account> accountsOf(Account.Kind... kinds) {
        Set<Account> out = EnumSet.noneOf(Account.class);
        for (Account a : Account.values()) {
            for (Account.Kind k : kinds) {
                if (a.kind() == k) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    public Statement statement() {
        return statement;
    }

    public Section section() {
        return section;
    }

    public Set<Account> accounts() {
        return accounts;
    }

    /** Whether this line takes a posting of {@code account} made by a journal of {@code event}. */
    public boolean takes(Account account, JournalEvent event) {
        return accounts.contains(account) && events.contains(event) != otherEvents;
    }

    /** The bundle key of the line's label. */
    public String labelKey() {
        return "line." + name();
    }

    public static List<StatementLine> of(Statement statement, Section section) {
        return java.util.Arrays.stream(values()).filter(l -> l.statement == statement && l.section == section).toList();
    }

    /** The line of a statement that takes a posting (empty if that statement does not show the account). */
    public static java.util.Optional<StatementLine> forPosting(Statement statement, Account account, JournalEvent event) {
        return java.util.Arrays.stream(values()).filter(l -> l.statement == statement && l.takes(account, event)).findFirst();
    }
}
