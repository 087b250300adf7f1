package org.trustfund.security;

import jakarta.ejb.ApplicationException;

/** Too many password checks are waiting for their turn: the caller should try again in a moment. */
@ApplicationException(rollback = true)
public class HashingBusyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HashingBusyException() {
        super("Too many password checks at once; try again in a moment");
    }
}
