package org.trustfund.ledger;

import java.util.List;

/** One journal with its lines in the order they were posted, and the name of its fund. */
public record JournalDetail(JournalSummary journal, String fundName, List<JournalLineView> lines) {

    public JournalDetail {
        lines = List.copyOf(lines);
    }
}
