package org.trustfund.platform;

/**
 * Someone else changed the record since the caller read it, so nothing was saved; the API answers 409. The
 * caller sends the version it read with each change.
 */
public class ConcurrentChangeException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public ConcurrentChangeException() {
        super("record.changedByAnother");
    }

    /** Refuses unless the record is still at the version the caller read. */
    public static void requireVersion(long actual, long expected) {
        if (actual != expected) {
            throw new ConcurrentChangeException();
        }
    }
}
