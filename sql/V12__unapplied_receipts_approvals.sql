-- Money rules (issue 7): unapplied receipts, and reversals and write-offs that need a second person.

-- Set at certification when the part of a contribution not applied to instalments came from a donor with an
-- open receivable in the fund: it is then held as unapplied receipts (a liability), not revenue, until it is
-- applied to instalments or recognised as a separate gift (which clears the flag).
ALTER TABLE contribution ADD COLUMN unapplied_held BOOLEAN NOT NULL DEFAULT FALSE AFTER usd_amount;

-- Held receipts can be applied after certification, in several steps: each application is its own row, with
-- when and by whom (null for the applications made with the contribution itself). The unique pair goes; the
-- contribution's foreign key keeps an index of its own.
CREATE INDEX ix_application_contribution ON contribution_application (contribution_id);
ALTER TABLE contribution_application DROP INDEX uk_contribution_application,
    ADD COLUMN applied_at DATETIME(6)  NULL AFTER amount,
    ADD COLUMN applied_by VARCHAR(100) NULL AFTER applied_at;

-- A request one person makes and another approves before anything is posted: the reversal of a certified
-- contribution, the write-off of a pledge, an unapplied receipt recognised as a separate gift. At most one
-- request waits per subject (pending_subject is unique and null once decided), so a double click or two
-- officers at once cannot queue the same action twice.
CREATE TABLE approval_request (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    kind            VARCHAR(30)   NOT NULL,
    subject_type    VARCHAR(40)   NOT NULL,
    subject_id      BIGINT        NOT NULL,
    fund_id         BIGINT        NOT NULL,
    donor_id        BIGINT        NOT NULL,
    effective_date  DATE          NULL,
    reason          VARCHAR(500)  NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    requested_at    DATETIME(6)   NOT NULL,
    requested_by    VARCHAR(100)  NOT NULL,
    decided_at      DATETIME(6)   NULL,
    decided_by      VARCHAR(100)  NULL,
    decision_note   VARCHAR(500)  NULL,
    pending_subject VARCHAR(60) AS (CASE WHEN status = 'PENDING' THEN CONCAT(subject_type, ':', subject_id) END) STORED,
    version         BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT pk_approval_request PRIMARY KEY (id),
    CONSTRAINT uk_approval_request_pending UNIQUE (pending_subject),
    CONSTRAINT fk_approval_request_fund FOREIGN KEY (fund_id) REFERENCES fund (id),
    CONSTRAINT fk_approval_request_donor FOREIGN KEY (donor_id) REFERENCES donor (id),
    CONSTRAINT ck_approval_request_kind CHECK (kind IN ('CONTRIBUTION_REVERSAL', 'PLEDGE_WRITE_OFF', 'SEPARATE_GIFT')),
    CONSTRAINT ck_approval_request_status CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_approval_request_subject ON approval_request (subject_type, subject_id, requested_at);
CREATE INDEX ix_approval_request_status ON approval_request (status, requested_at);
