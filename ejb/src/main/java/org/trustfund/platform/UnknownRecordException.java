package org.trustfund.platform;

/**
 * The record asked for by its id or code does not exist; the API answers 404. An unknown record named in an
 * input (the donor of a new pledge) is a refused input instead: a plain {@link BusinessException} at that field.
 */
public class UnknownRecordException extends BusinessException {

    private static final long serialVersionUID = 1L;

    /** {@code messageKey} names what is unknown, e.g. {@code donor.unknown} with the id as argument. */
    public UnknownRecordException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
