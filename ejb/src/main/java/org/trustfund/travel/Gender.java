package org.trustfund.travel;

/** As the traveller states it; the participation page counts each. */
public enum Gender {
    FEMALE,
    MALE,
    OTHER,
    NOT_STATED
}
