package org.trustfund.intermediary;

/** Who gave through an intermediary. */
public enum GiverKind {
    PERSON,
    COMPANY,
    FOUNDATION
}
