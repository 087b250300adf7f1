package org.trustfund.web.contribution;

import java.io.Serializable;

/** An option of a select: the value submitted and the label shown. */
public record Choice<T extends Serializable>(T value, String label) implements Serializable {
}
