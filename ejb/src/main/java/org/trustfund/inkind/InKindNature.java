package org.trustfund.inkind;

/** Goods (premises included) are recognized at fair value; services in kind are disclosed, not recognized. */
public enum InKindNature {
    GOODS,
    SERVICES;

    public boolean isRecognized() {
        return this == GOODS;
    }
}
