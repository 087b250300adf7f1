package org.trustfund.approval;

/** What an approval request asks for. */
public enum ApprovalKind {
    CONTRIBUTION_REVERSAL,
    PLEDGE_WRITE_OFF,
    SEPARATE_GIFT,
    IN_KIND_REVERSAL,
    TRANSFER_REVERSAL
}
