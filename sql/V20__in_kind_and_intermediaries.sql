-- In-kind contributions and transfers from intermediary foundations (issue 10). Both are receipts like cash
-- contributions: a donor, a fund, a date, recorded by one person and certified by another, corrected by a
-- reversal. Neither pretends to be cash: an in-kind gift has no bank reference and never debits cash; a transfer
-- debits cash at the net it brought.

-- Goods and premises are recognized at fair value (revenue and matching expense); services are disclosed only.
-- recognized is derived from nature and stored so the reports read one column; the check keeps them agreeing.
CREATE TABLE in_kind_contribution (
    id                   BIGINT         NOT NULL AUTO_INCREMENT,
    donor_id             BIGINT         NOT NULL,
    fund_id              BIGINT         NOT NULL,
    start_date           DATE           NOT NULL,
    end_date             DATE           NULL,
    event_name           VARCHAR(200)   NULL,
    description          VARCHAR(1000)  NOT NULL,
    category             VARCHAR(40)    NOT NULL,
    nature               VARCHAR(10)    NOT NULL,
    recognized           BOOLEAN        NOT NULL,
    amount               DECIMAL(19,4)  NOT NULL,
    currency             CHAR(3)        NOT NULL,
    rate_id              BIGINT         NULL,
    stale_rate_reason    VARCHAR(500)   NULL,
    units_per_usd        DECIMAL(19,6)  NOT NULL,
    usd_amount           DECIMAL(19,2)  NOT NULL,
    valuation_basis      VARCHAR(20)    NOT NULL,
    supporting_reference VARCHAR(200)   NULL,
    status               VARCHAR(20)    NOT NULL,
    recorded_at          DATETIME(6)    NOT NULL,
    recorded_by          VARCHAR(100)   NOT NULL,
    certified_at         DATETIME(6)    NULL,
    certified_by         VARCHAR(100)   NULL,
    returned_reason      VARCHAR(500)   NULL,
    reversed_at          DATETIME(6)    NULL,
    reversed_by          VARCHAR(100)   NULL,
    reversal_reason      VARCHAR(500)   NULL,
    replaces_id          BIGINT         NULL,
    version              BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_in_kind PRIMARY KEY (id),
    CONSTRAINT fk_in_kind_donor FOREIGN KEY (donor_id) REFERENCES donor (id),
    CONSTRAINT fk_in_kind_fund FOREIGN KEY (fund_id) REFERENCES fund (id),
    CONSTRAINT fk_in_kind_currency FOREIGN KEY (currency) REFERENCES currency (code),
    CONSTRAINT fk_in_kind_rate FOREIGN KEY (rate_id) REFERENCES exchange_rate (id),
    CONSTRAINT fk_in_kind_replaces FOREIGN KEY (replaces_id) REFERENCES in_kind_contribution (id),
    CONSTRAINT ck_in_kind_amount CHECK (amount > 0),
    CONSTRAINT ck_in_kind_period CHECK (end_date IS NULL OR end_date >= start_date),
    CONSTRAINT ck_in_kind_nature CHECK (nature IN ('GOODS', 'SERVICES')),
    CONSTRAINT ck_in_kind_recognized CHECK (recognized = (nature = 'GOODS')),
    CONSTRAINT ck_in_kind_category CHECK (category IN ('VENUE_AND_PREMISES', 'TRAVEL_AND_ACCOMMODATION',
        'INTERPRETATION_AND_TRANSLATION', 'EQUIPMENT_AND_CONNECTIVITY', 'STAFF_SECONDMENT', 'HOSTING_SERVICES', 'OTHER')),
    CONSTRAINT ck_in_kind_basis CHECK (valuation_basis IN ('QUOTE', 'INVOICE', 'MARKET_RATE', 'DONOR_STATEMENT')),
    CONSTRAINT ck_in_kind_status CHECK (status IN ('RECORDED', 'RETURNED', 'CERTIFIED', 'REVERSED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_in_kind_donor ON in_kind_contribution (donor_id, start_date);
CREATE INDEX ix_in_kind_fund ON in_kind_contribution (fund_id, start_date);
CREATE INDEX ix_in_kind_status ON in_kind_contribution (status, start_date);

-- A foundation that collects gifts and passes them on net of its fees. It is a donor (the contributor of record,
-- with its name, country and contact) with fee terms; one donor is at most one intermediary.
CREATE TABLE intermediary (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    donor_id    BIGINT        NOT NULL,
    fee_terms   VARCHAR(500)  NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    created_by  VARCHAR(100)  NOT NULL,
    version     BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT pk_intermediary PRIMARY KEY (id),
    CONSTRAINT uk_intermediary_donor UNIQUE (donor_id),
    CONSTRAINT fk_intermediary_donor FOREIGN KEY (donor_id) REFERENCES donor (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A batch an intermediary passes on. Until money arrives (received_date, net, bank_reference null) the gifts it
-- reports are pending; certification needs gross - fees = net and the gifts adding up to the gross. donor_id is
-- the intermediary's donor, kept here so journals, approvals and reports find the contributor of record at once.
CREATE TABLE intermediary_transfer (
    id                  BIGINT         NOT NULL AUTO_INCREMENT,
    intermediary_id     BIGINT         NOT NULL,
    donor_id            BIGINT         NOT NULL,
    fund_id             BIGINT         NOT NULL,
    statement_reference VARCHAR(100)   NULL,
    received_date       DATE           NULL,
    currency            CHAR(3)        NOT NULL,
    gross               DECIMAL(19,4)  NOT NULL,
    fees                DECIMAL(19,4)  NOT NULL,
    net                 DECIMAL(19,4)  NULL,
    bank_reference      VARCHAR(100)   NULL,
    rate_id             BIGINT         NULL,
    stale_rate_reason   VARCHAR(500)   NULL,
    units_per_usd       DECIMAL(19,6)  NULL,
    usd_gross           DECIMAL(19,2)  NULL,
    usd_fees            DECIMAL(19,2)  NULL,
    usd_net             DECIMAL(19,2)  NULL,
    status              VARCHAR(20)    NOT NULL,
    recorded_at         DATETIME(6)    NOT NULL,
    recorded_by         VARCHAR(100)   NOT NULL,
    certified_at        DATETIME(6)    NULL,
    certified_by        VARCHAR(100)   NULL,
    returned_reason     VARCHAR(500)   NULL,
    reversed_at         DATETIME(6)    NULL,
    reversed_by         VARCHAR(100)   NULL,
    reversal_reason     VARCHAR(500)   NULL,
    replaces_id         BIGINT         NULL,
    version             BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_transfer PRIMARY KEY (id),
    CONSTRAINT fk_transfer_intermediary FOREIGN KEY (intermediary_id) REFERENCES intermediary (id),
    CONSTRAINT fk_transfer_donor FOREIGN KEY (donor_id) REFERENCES donor (id),
    CONSTRAINT fk_transfer_fund FOREIGN KEY (fund_id) REFERENCES fund (id),
    CONSTRAINT fk_transfer_currency FOREIGN KEY (currency) REFERENCES currency (code),
    CONSTRAINT fk_transfer_rate FOREIGN KEY (rate_id) REFERENCES exchange_rate (id),
    CONSTRAINT fk_transfer_replaces FOREIGN KEY (replaces_id) REFERENCES intermediary_transfer (id),
    CONSTRAINT ck_transfer_amounts CHECK (gross >= 0 AND fees >= 0 AND fees <= gross AND (net IS NULL OR net > 0)),
    CONSTRAINT ck_transfer_status CHECK (status IN ('RECORDED', 'RETURNED', 'CERTIFIED', 'REVERSED')),
    CONSTRAINT ck_transfer_certified CHECK (status NOT IN ('CERTIFIED', 'REVERSED')
        OR (received_date IS NOT NULL AND net IS NOT NULL AND bank_reference IS NOT NULL AND usd_net IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_transfer_intermediary ON intermediary_transfer (intermediary_id, received_date);
CREATE INDEX ix_transfer_fund ON intermediary_transfer (fund_id, received_date);
CREATE INDEX ix_transfer_status ON intermediary_transfer (status, received_date);

-- One original gift a transfer passes on, in the transfer's currency. An anonymous giver has no name; a named
-- giver who did not agree to be named publicly is listed to staff, counted but not named in what is published.
-- giver_donor_id gives the soft credit to a donor the fund knows (never counted in that donor's totals).
CREATE TABLE transfer_gift (
    id              BIGINT         NOT NULL AUTO_INCREMENT,
    transfer_id     BIGINT         NOT NULL,
    seq             INT            NOT NULL,
    giver_name      VARCHAR(200)   NULL,
    giver_kind      VARCHAR(20)    NOT NULL,
    anonymous       BOOLEAN        NOT NULL,
    publicly_named  BOOLEAN        NOT NULL,
    giver_donor_id  BIGINT         NULL,
    amount          DECIMAL(19,4)  NOT NULL,
    usd_amount      DECIMAL(19,2)  NULL,
    given_date      DATE           NULL,
    import_batch_id BIGINT         NULL,
    version         BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_transfer_gift PRIMARY KEY (id),
    CONSTRAINT uk_transfer_gift_seq UNIQUE (transfer_id, seq),
    CONSTRAINT fk_transfer_gift_transfer FOREIGN KEY (transfer_id) REFERENCES intermediary_transfer (id),
    CONSTRAINT fk_transfer_gift_donor FOREIGN KEY (giver_donor_id) REFERENCES donor (id),
    CONSTRAINT fk_transfer_gift_batch FOREIGN KEY (import_batch_id) REFERENCES import_batch (id),
    CONSTRAINT ck_transfer_gift_amount CHECK (amount > 0),
    CONSTRAINT ck_transfer_gift_kind CHECK (giver_kind IN ('PERSON', 'COMPANY', 'FOUNDATION')),
    CONSTRAINT ck_transfer_gift_anonymous CHECK (NOT anonymous OR (giver_name IS NULL AND NOT publicly_named)),
    CONSTRAINT ck_transfer_gift_named CHECK (anonymous OR giver_name IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_transfer_gift_donor ON transfer_gift (giver_donor_id);

-- Reversals of in-kind contributions and transfers wait for a second person, as a contribution's does.
ALTER TABLE approval_request DROP CONSTRAINT ck_approval_request_kind;
ALTER TABLE approval_request ADD CONSTRAINT ck_approval_request_kind CHECK (kind IN ('CONTRIBUTION_REVERSAL',
    'PLEDGE_WRITE_OFF', 'SEPARATE_GIFT', 'IN_KIND_REVERSAL', 'TRANSFER_REVERSAL'));
