package org.trustfund.approval;

/** What an approval request asks for. */
public enum ApprovalKind {
    CONTRIBUTION_REVERSAL,
    PLEDGE_WRITE_OFF,
    SEPARATE_GIFT
}
