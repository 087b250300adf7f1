package org.trustfund.ledger;

/**
 * The fund's chart of accounts. Asset and expense accounts grow with debits; liability, revenue and
 * fund-balance accounts with credits.
 */
public enum Account {
    CASH(Kind.ASSET),
    CONTRIBUTIONS_RECEIVABLE(Kind.ASSET),
    DEFERRED_REVENUE(Kind.LIABILITY),
    /** Cash from a donor with an open receivable, not yet applied to instalments nor recognised as a gift. */
    UNAPPLIED_RECEIPTS(Kind.LIABILITY),
    CONTRIBUTION_REVENUE(Kind.REVENUE),
    REALIZED_EXCHANGE_GAIN_LOSS(Kind.REVENUE),
    UNREALIZED_EXCHANGE_GAIN_LOSS(Kind.REVENUE),
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
