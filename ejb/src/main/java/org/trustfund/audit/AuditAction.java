package org.trustfund.audit;

/** What kind of event an audit entry records. */
public enum AuditAction {
    SIGN_IN,
    SIGN_IN_FAILED,
    /** An attempt refused unchecked because too many failed before it (per address or user name). */
    SIGN_IN_THROTTLED,
    SIGN_OUT,
    /** Written until accounts stopped locking (V11); kept so that older entries still read. */
    ACCOUNT_LOCKED,
    CREATE,
    UPDATE,
    PASSWORD_CHANGED,
    PASSWORD_CHANGE_FAILED,
    PASSWORD_RESET,
    API_TOKEN_CREATED,
    API_TOKEN_REVOKED,
    /** A run of the ledger check from its page, with its outcome: the auditor's dashboard shows the last one. */
    LEDGER_CHECKED,
    /** An acknowledgement letter (or its cancellation notice) downloaded, by whom and in which language. */
    DOWNLOADED,
    /** A request for another donor's record refused: who asked and for what. */
    ACCESS_REFUSED,
    /** An acknowledgement sent by e-mail: to whom, which attempt. */
    SENT,
    /** An attempt to send an acknowledgement by e-mail that failed, with the mail server's answer. */
    SEND_FAILED
}
