package org.trustfund.approval;

/** Where a request stands: waiting, or decided one of three ways. */
public enum ApprovalStatus {
    PENDING,
    APPROVED,
    REJECTED,
    WITHDRAWN
}
