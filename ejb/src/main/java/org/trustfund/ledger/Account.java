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
    TRAVEL_OF_STAFF(Kind.EXPENSE),
    OPERATING_EXPENSES(Kind.EXPENSE),
    EQUIPMENT(Kind.EXPENSE),
    OTHER_EXPENSES(Kind.EXPENSE),
    PROGRAMME_SUPPORT_COSTS(Kind.EXPENSE),
    PLEDGE_WRITE_OFFS(Kind.EXPENSE),
    /**
     * Travel obligated and not yet paid (memo, debit side). An obligation is a commitment, not an expense nor a
     * liability under IPSAS: the memo pair carries it in the ledger, off both statements, so the balance available
     * for new commitments (cash less open obligations) is read from the ledger like every other balance.
     */
    OPEN_OBLIGATIONS(Kind.MEMO, true),
    /** The memo pair's credit side: every obligation journal balances without touching the statements. */
    OBLIGATIONS_RESERVE(Kind.MEMO, false);

    /** MEMO accounts (commitments) are on neither statement; their journals balance among themselves. */
    public enum Kind { ASSET, LIABILITY, REVENUE, EXPENSE, MEMO }

    private final Kind kind;
    private final boolean debitNormal;

    Account(Kind kind) {
        this(kind, kind == Kind.ASSET || kind == Kind.EXPENSE);
    }

    Account(Kind kind, boolean debitNormal) {
        this.kind = kind;
        this.debitNormal = debitNormal;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isDebitNormal() {
        return debitNormal;
    }

    /** Whether the account is on the statements (every account but the memo pair of obligations). */
    public boolean isOnStatements() {
        return kind != Kind.MEMO;
    }
}
