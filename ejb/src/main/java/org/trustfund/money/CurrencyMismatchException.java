package org.trustfund.money;

/** Raised when arithmetic or comparison is attempted across two currencies without a conversion. */
public class CurrencyMismatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public CurrencyMismatchException(String left, String right) {
        super("Cannot combine " + left + " with " + right + " without an exchange rate");
    }
}
