package org.trustfund.travel;

/** What a request asks the fund to pay for. */
public enum TravelAsk {
    TICKET(true, false),
    DSA(false, true),
    BOTH(true, true);

    private final boolean ticket;
    private final boolean dsa;

    TravelAsk(boolean ticket, boolean dsa) {
        this.ticket = ticket;
        this.dsa = dsa;
    }

    public boolean includesTicket() {
        return ticket;
    }

    public boolean includesDsa() {
        return dsa;
    }
}
