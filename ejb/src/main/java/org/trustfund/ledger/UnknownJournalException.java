package org.trustfund.ledger;

import org.trustfund.platform.UnknownRecordException;

/** No journal has that id. */
public class UnknownJournalException extends UnknownRecordException {

    private static final long serialVersionUID = 1L;

    public UnknownJournalException(Object id) {
        super("journal.unknown", id);
    }
}
