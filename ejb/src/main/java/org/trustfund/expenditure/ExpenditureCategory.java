package org.trustfund.expenditure;

import org.trustfund.ledger.Account;

/** The fund's other expenditure, each to its expense account and statement line. */
public enum ExpenditureCategory {
    STAFF_AND_CONSULTANTS(Account.STAFF_AND_CONSULTANTS),
    CONTRACTUAL_SERVICES(Account.CONTRACTUAL_SERVICES),
    TRAVEL_OF_STAFF(Account.TRAVEL_OF_STAFF),
    OPERATING_EXPENSES(Account.OPERATING_EXPENSES),
    EQUIPMENT(Account.EQUIPMENT),
    OTHER(Account.OTHER_EXPENSES);

    private final Account account;

    ExpenditureCategory(Account account) {
        this.account = account;
    }

    public Account account() {
        return account;
    }
}
