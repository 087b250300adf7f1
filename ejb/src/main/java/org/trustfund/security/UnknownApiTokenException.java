package org.trustfund.security;

import org.trustfund.platform.UnknownRecordException;

/** No API token with that id belongs to the account in question. */
public class UnknownApiTokenException extends UnknownRecordException {

    private static final long serialVersionUID = 1L;

    public UnknownApiTokenException(Object id) {
        super("token.unknown", id);
    }
}
