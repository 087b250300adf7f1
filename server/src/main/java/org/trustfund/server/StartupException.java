package org.trustfund.server;

/**
 * The system could not start. The message is written for the person running it: it says what went wrong
 * and, where one setting is to blame, which one to fix. It never contains a password.
 */
public class StartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
