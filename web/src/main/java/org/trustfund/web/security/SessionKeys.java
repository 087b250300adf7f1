package org.trustfund.web.security;

/** Names of the few things kept in the HTTP session, and of the one request attribute sign-in leaves. */
public final class SessionKeys {

    public static final String MUST_CHANGE_PASSWORD = "trustfund.mustChangePassword";
    public static final String DISPLAY_NAME = "trustfund.displayName";
    /** The page a signed-out user asked for, to return to after sign-in. */
    public static final String RETURN_TO = "trustfund.returnTo";

    /**
     * Request attribute: the {@link org.trustfund.security.SignInResult} of a successful check, for the
     * mechanism that asked (the page mechanism keeps parts of it in the session; the API keeps no session).
     */
    public static final String SIGN_IN_RESULT = "trustfund.signInResult";

    private SessionKeys() {
    }
}
