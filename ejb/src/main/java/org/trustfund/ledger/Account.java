package org.trustfund.ledger;

/**
 * The fund's chart of accounts. Asset and expense accounts grow with debits; liability, revenue and
 * fund-balance accounts with credits. The statements' lines (in-kind goods, expense categories) have their accounts
 * here before anything posts to them, so a statement shows 0.00 for them because the ledger holds nothing, and
 * the report and the trial balance list the same accounts.
 */
public enum Account {
    CASH(Kind.ASSET),
    CONTRIBUTIONS_RECEIVABLE(Kind.ASSET),
    DEFERRED_REVENUE(Kind.LIABILITY),
    /** Cash from a donor with an open receivable, not yet applied to instalments nor recognised as a gift. */
    UNAPPLIED_RECEIPTS(Kind.LIABILITY),
    /** Payables and other obligations (e.g. programme support costs due to the UN, travel claims approved). */
    OTHER_LIABILITIES(Kind.LIABILITY),
    CONTRIBUTION_REVENUE(Kind.REVENUE),
    IN_KIND_REVENUE(Kind.REVENUE),
    INTEREST_AND_OTHER_REVENUE(Kind.REVENUE),
    REALIZED_EXCHANGE_GAIN_LOSS(Kind.REVENUE),
    UNREALIZED_EXCHANGE_GAIN_LOSS(Kind.REVENUE),
    /** Goods and premises given in kind, used by the fund: the expense matching {@link #IN_KIND_REVENUE}. */
    IN_KIND_EXPENSE(Kind.EXPENSE),
    TRAVEL_AND_FELLOWSHIPS(Kind.EXPENSE),
    STAFF_AND_CONSULTANTS(Kind.EXPENSE),
    CONTRACTUAL_SERVICES(Kind.EXPENSE),
    OPERATING_EXPENSES(Kind.EXPENSE),
    OTHER_EXPENSES(Kind.EXPENSE),
    PROGRAMME_SUPPORT_COSTS(Kind.EXPENSE),
    PLEDGE_WRITE_OFFS(Kind.EXPENSE);

    public enum Kind { ASSET, LIABILITY, REVENUE, EXPENSE }

    private final Kind kind;

    Account(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isDebitNormal() {
        return kind == Kind.ASSET || kind == Kind.EXPENSE;
    }
}
