package org.trustfund.receipt;

import java.time.LocalDate;
import org.trustfund.donor.Donor;
import org.trustfund.money.Money;
import org.trustfund.reference.Fund;

/** What the fund received, of whatever kind: the shared face of cash, in-kind and intermediary receipts. */
public interface Receipt {

    Long getId();

    ReceiptKind receiptKind();

    /** The donor of record: the giver for cash and in-kind, the intermediary for a transfer. */
    Donor getDonor();

    Fund getFund();

    /** The date the fund received it (an in-kind gift's first day); null for a transfer not yet received. */
    LocalDate receiptDate();

    /** Its US dollar value at the operational rate of the receipt date (a transfer's net); null until known. */
    Money usdValue();

    /** Whether it counts: certified and not reversed. */
    boolean isCertified();
}
