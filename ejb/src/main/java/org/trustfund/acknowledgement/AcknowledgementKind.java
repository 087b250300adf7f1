package org.trustfund.acknowledgement;

/** A letter thanking the donor for what was received, or the notice that cancels one after a reversal. */
public enum AcknowledgementKind {
    LETTER,
    CANCELLATION
}
