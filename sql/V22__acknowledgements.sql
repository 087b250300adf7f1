-- Issue 12: acknowledgement letters. One is issued when a contribution, an in-kind contribution or a transfer from
-- an intermediary is certified; a reversal issues a cancellation notice that names the letter it cancels. Each has a
-- number sequential per fund and year of issue, with no gap and no reuse: the sequence row is locked and advanced in
-- the certification's own transaction, so a rollback gives the number back and two certifications at the same instant
-- wait for each other. What the letter says is kept as issued (never recomputed at download).

CREATE TABLE acknowledgement_sequence (
    fund_id      BIGINT  NOT NULL,
    year         INT     NOT NULL,
    last_number  INT     NOT NULL,
    CONSTRAINT pk_acknowledgement_sequence PRIMARY KEY (fund_id, year),
    CONSTRAINT fk_acknowledgement_sequence_fund FOREIGN KEY (fund_id) REFERENCES fund (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE acknowledgement (
    id               BIGINT         NOT NULL AUTO_INCREMENT,
    fund_id          BIGINT         NOT NULL,
    year             INT            NOT NULL,
    number           INT            NOT NULL,
    kind             VARCHAR(20)    NOT NULL,
    receipt_kind     VARCHAR(20)    NOT NULL,
    source_id        BIGINT         NOT NULL,
    donor_id         BIGINT         NOT NULL,
    issued_on        DATE           NOT NULL,
    received_on      DATE           NULL,
    currency         CHAR(3)        NULL,
    amount           DECIMAL(19,4)  NULL,
    usd_amount       DECIMAL(19,2)  NOT NULL,
    units_per_usd    DECIMAL(19,6)  NULL,
    rate_date        DATE           NULL,
    description      VARCHAR(500)   NULL,
    valuation_basis  VARCHAR(30)    NULL,
    channel          VARCHAR(200)   NULL,
    cancels_id       BIGINT         NULL,
    cancelled_on     DATE           NULL,
    reason           VARCHAR(500)   NULL,
    issued_at        DATETIME(6)    NOT NULL,
    issued_by        VARCHAR(100)   NOT NULL,
    version          BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_acknowledgement PRIMARY KEY (id),
    CONSTRAINT uk_acknowledgement_number UNIQUE (fund_id, year, number),
    CONSTRAINT uk_acknowledgement_source UNIQUE (receipt_kind, source_id, kind),
    CONSTRAINT uk_acknowledgement_cancels UNIQUE (cancels_id),
    CONSTRAINT fk_acknowledgement_fund FOREIGN KEY (fund_id) REFERENCES fund (id),
    CONSTRAINT fk_acknowledgement_donor FOREIGN KEY (donor_id) REFERENCES donor (id),
    CONSTRAINT fk_acknowledgement_cancels FOREIGN KEY (cancels_id) REFERENCES acknowledgement (id),
    CONSTRAINT ck_acknowledgement_kind CHECK (kind IN ('LETTER', 'CANCELLATION')),
    CONSTRAINT ck_acknowledgement_receipt CHECK (receipt_kind IN ('CASH', 'IN_KIND', 'TRANSFER')),
    CONSTRAINT ck_acknowledgement_cancellation CHECK ((kind = 'CANCELLATION') = (cancels_id IS NOT NULL)),
    CONSTRAINT ck_acknowledgement_number CHECK (number > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_acknowledgement_donor ON acknowledgement (donor_id, issued_on);
