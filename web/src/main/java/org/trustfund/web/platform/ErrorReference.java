package org.trustfund.web.platform;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A short reference that ties what the user sees on the error page to one server log line. */
public final class ErrorReference {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ErrorReference() {
    }

    /** Logs the failure under a new reference and returns the reference. */
    public static String logged(Logger log, Throwable failure, String what) {
        byte[] bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        String reference = "TF-" + HexFormat.of().withUpperCase().formatHex(bytes);
        log.log(Level.SEVERE, "Error reference " + reference + ": " + what, failure);
        return reference;
    }
}
