package org.trustfund.ledger;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * Filters and sort order for the journal list; applied in the database. A null filter selects everything;
 * {@code account} selects the journals that have at least one line on that account.
 */
public record JournalQuery(Long fundId, Account account, Long donorId, JournalEvent event, LocalDate from,
        LocalDate to, Sort sort, boolean descending) implements Serializable {

    public enum Sort { EVENT_DATE, ID }

    public JournalQuery {
        sort = sort == null ? Sort.EVENT_DATE : sort;
    }

    /** Every journal of a fund in a period, newest first. */
    public static JournalQuery of(Long fundId, LocalDate from, LocalDate to) {
        return new JournalQuery(fundId, null, null, null, from, to, Sort.EVENT_DATE, true);
    }

    public JournalQuery withAccount(Account a) {
        return new JournalQuery(fundId, a, donorId, event, from, to, sort, descending);
    }

    public JournalQuery withDonor(Long d) {
        return new JournalQuery(fundId, account, d, event, from, to, sort, descending);
    }

    public JournalQuery withEvent(JournalEvent e) {
        return new JournalQuery(fundId, account, donorId, e, from, to, sort, descending);
    }

    public JournalQuery sortedBy(Sort s, boolean desc) {
        return new JournalQuery(fundId, account, donorId, event, from, to, s, desc);
    }
}
