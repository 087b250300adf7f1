package org.trustfund.web.security;

/** Names of the few things kept in the HTTP session. */
public final class SessionKeys {

    public static final String MUST_CHANGE_PASSWORD = "trustfund.mustChangePassword";
    public static final String DISPLAY_NAME = "trustfund.displayName";

    private SessionKeys() {
    }
}
