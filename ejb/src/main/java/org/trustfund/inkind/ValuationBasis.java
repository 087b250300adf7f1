package org.trustfund.inkind;

/** How the fair value of an in-kind contribution was found; an auditor asks for it first. */
public enum ValuationBasis {
    QUOTE,
    INVOICE,
    MARKET_RATE,
    DONOR_STATEMENT
}
