package org.trustfund.web.security;

/** Names of the few things kept in the HTTP session, and of the request attributes sign-in leaves. */
public final class SessionKeys {

    public static final String MUST_CHANGE_PASSWORD = "trustfund.mustChangePassword";
    public static final String DISPLAY_NAME = "trustfund.displayName";
    /** The {@link SessionAccount} of the signed-in user. */
    public static final String ACCOUNT = "trustfund.account";
    /** Why the last session ended, for the sign-in page to say: one of the ENDED_ values. */
    public static final String ENDED = "trustfund.sessionEnded";
    public static final String ENDED_ACCOUNT_CHANGED = "accountChanged";
    public static final String ENDED_LIFETIME = "lifetimeOver";
    /** The page a signed-out user asked for, to return to after sign-in. */
    public static final String RETURN_TO = "trustfund.returnTo";

    /**
     * Request attribute: the {@link org.trustfund.security.SignInResult} of a check, for the mechanism that
     * asked (the page mechanism keeps parts of it in the session, or tells the page why it failed).
     */
    public static final String SIGN_IN_RESULT = "trustfund.signInResult";
    /**
     * Request attribute: set when a sign-in could not be checked because the database is not reachable, so the
     * page says that rather than "wrong password".
     */
    public static final String DATABASE_UNREACHABLE = "trustfund.databaseUnreachable";

    private SessionKeys() {
    }
}
