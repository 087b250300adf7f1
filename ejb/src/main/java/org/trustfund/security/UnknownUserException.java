package org.trustfund.security;

import org.trustfund.platform.UnknownRecordException;

/** No user account has that id. */
public class UnknownUserException extends UnknownRecordException {

    private static final long serialVersionUID = 1L;

    public UnknownUserException(Object id) {
        super("user.unknown", id);
    }
}
