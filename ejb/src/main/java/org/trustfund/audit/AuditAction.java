package org.trustfund.audit;

/** What kind of event an audit entry records. */
public enum AuditAction {
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_OUT,
    ACCOUNT_LOCKED,
    CREATE,
    UPDATE,
    PASSWORD_CHANGED,
    PASSWORD_RESET
}
