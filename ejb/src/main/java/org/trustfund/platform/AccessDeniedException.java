package org.trustfund.platform;

/**
 * The caller may not see or change this record. The message does not say whether the record exists; the API
 * answers 403.
 */
public class AccessDeniedException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException() {
        super("access.denied");
    }
}
