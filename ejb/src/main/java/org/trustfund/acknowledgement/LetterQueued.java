package org.trustfund.acknowledgement;

/** A letter was put in the outbox; observed after the transaction commits, to send it at once. */
public record LetterQueued(long messageId) {
}
