package org.trustfund.worklist;

import java.io.Serializable;
import java.util.Optional;

/**
 * What became of one entry of a bulk certification: certified, or refused with the business message key and
 * its arguments (the page words it in the user's language).
 */
public record CertificationOutcome(long contributionId, boolean certified, String messageKey, Object[] arguments)
        implements Serializable {

    public static CertificationOutcome done(long id) {
        return new CertificationOutcome(id, true, null, new Object[0]);
    }

    public static CertificationOutcome refused(long id, String messageKey, Object... arguments) {
        return new CertificationOutcome(id, false, messageKey, arguments);
    }

    public Optional<String> refusal() {
        return Optional.ofNullable(messageKey);
    }
}
