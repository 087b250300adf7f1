package org.trustfund.receipt;

/** The kinds of support the fund receives. */
public enum ReceiptKind {
    /** Money received from the donor itself. */
    CASH,
    /** Goods, premises or services given instead of money. */
    IN_KIND,
    /** Money passed on by an intermediary foundation, net of its fees, with the gifts it collected. */
    TRANSFER
}
