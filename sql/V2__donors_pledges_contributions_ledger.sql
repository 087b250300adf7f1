-- Reference data, donors, pledges with instalments, contributions, and the append-only ledger.
-- Amounts: DECIMAL(19,4) holds every ISO 4217 currency's minor units; USD ledger amounts DECIMAL(19,2).

CREATE TABLE fund (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    code              VARCHAR(20)   NOT NULL,
    name              VARCHAR(200)  NOT NULL,
    base_currency     CHAR(3)       NOT NULL DEFAULT 'USD',
    start_date        DATE          NOT NULL,
    psc_rate          DECIMAL(7,4)  NOT NULL DEFAULT 0.1300,
    created_at        DATETIME(6)   NOT NULL,
    created_by        VARCHAR(100)  NOT NULL,
    version           BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT pk_fund PRIMARY KEY (id),
    CONSTRAINT uk_fund_code UNIQUE (code),
    CONSTRAINT ck_fund_psc CHECK (psc_rate >= 0 AND psc_rate < 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE country (
    code               CHAR(2)      NOT NULL,
    name               VARCHAR(100) NOT NULL,
    development_status VARCHAR(20)  NOT NULL,
    region             VARCHAR(60)  NOT NULL,
    version            BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT pk_country PRIMARY KEY (code),
    CONSTRAINT ck_country_status CHECK (development_status IN ('DEVELOPED', 'DEVELOPING', 'LEAST_DEVELOPED', 'TRANSITION'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE currency (
    code        CHAR(3)      NOT NULL,
    name        VARCHAR(100) NOT NULL,
    minor_units INT          NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT pk_currency PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- UN operational rates of exchange: units of the currency for one US dollar, in force from effective_date
-- until the next rate of the same currency.
CREATE TABLE exchange_rate (
    id             BIGINT         NOT NULL AUTO_INCREMENT,
    currency       CHAR(3)        NOT NULL,
    effective_date DATE           NOT NULL,
    units_per_usd  DECIMAL(19,6)  NOT NULL,
    created_at     DATETIME(6)    NOT NULL,
    created_by     VARCHAR(100)   NOT NULL,
    version        BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_exchange_rate PRIMARY KEY (id),
    CONSTRAINT uk_exchange_rate UNIQUE (currency, effective_date),
    CONSTRAINT fk_exchange_rate_currency FOREIGN KEY (currency) REFERENCES currency (code),
    CONSTRAINT ck_exchange_rate_positive CHECK (units_per_usd > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE donor (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    name              VARCHAR(200)  NOT NULL,
    stakeholder_group VARCHAR(40)   NOT NULL,
    country_code      CHAR(2)       NOT NULL,
    contact_name      VARCHAR(200)  NULL,
    contact_email     VARCHAR(200)  NULL,
    publicly_named    BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at        DATETIME(6)   NOT NULL,
    created_by        VARCHAR(100)  NOT NULL,
    version           BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT pk_donor PRIMARY KEY (id),
    CONSTRAINT fk_donor_country FOREIGN KEY (country_code) REFERENCES country (code),
    CONSTRAINT ck_donor_group CHECK (stakeholder_group IN ('GOVERNMENT', 'INTERGOVERNMENTAL_ORGANIZATION',
        'PRIVATE_SECTOR', 'CIVIL_SOCIETY', 'TECHNICAL_COMMUNITY', 'ACADEMIA', 'FOUNDATION'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_donor_name ON donor (name);
CREATE INDEX ix_donor_country ON donor (country_code);
CREATE INDEX ix_donor_group ON donor (stakeholder_group, name);

ALTER TABLE user_account ADD COLUMN donor_id BIGINT NULL,
    ADD CONSTRAINT fk_user_account_donor FOREIGN KEY (donor_id) REFERENCES donor (id);

CREATE TABLE pledge (
    id                  BIGINT         NOT NULL AUTO_INCREMENT,
    donor_id            BIGINT         NOT NULL,
    fund_id             BIGINT         NOT NULL,
    amount              DECIMAL(19,4)  NOT NULL,
    currency            CHAR(3)        NOT NULL,
    purpose             VARCHAR(500)   NULL,
    first_year          INT            NOT NULL,
    last_year           INT            NOT NULL,
    pledged_on          DATE           NOT NULL,
    status              VARCHAR(20)    NOT NULL,
    agreement_date      DATE           NULL,
    agreement_reference VARCHAR(100)   NULL,
    agreement_rate_id   BIGINT         NULL,
    written_off_on      DATE           NULL,
    write_off_reason    VARCHAR(500)   NULL,
    revision            INT            NOT NULL DEFAULT 0,
    created_at          DATETIME(6)    NOT NULL,
    created_by          VARCHAR(100)   NOT NULL,
    version             BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_pledge PRIMARY KEY (id),
    CONSTRAINT fk_pledge_donor FOREIGN KEY (donor_id) REFERENCES donor (id),
    CONSTRAINT fk_pledge_fund FOREIGN KEY (fund_id) REFERENCES fund (id),
    CONSTRAINT fk_pledge_currency FOREIGN KEY (currency) REFERENCES currency (code),
    CONSTRAINT fk_pledge_agreement_rate FOREIGN KEY (agreement_rate_id) REFERENCES exchange_rate (id),
    CONSTRAINT ck_pledge_amount CHECK (amount > 0),
    CONSTRAINT ck_pledge_years CHECK (last_year >= first_year),
    CONSTRAINT ck_pledge_status CHECK (status IN ('PLEDGED', 'AGREEMENT_SIGNED', 'PARTLY_PAID', 'PAID', 'WRITTEN_OFF'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_pledge_donor ON pledge (donor_id, status);
CREATE INDEX ix_pledge_fund ON pledge (fund_id, status);

CREATE TABLE instalment (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    pledge_id  BIGINT        NOT NULL,
    seq        INT           NOT NULL,
    due_date   DATE          NOT NULL,
    amount     DECIMAL(19,4) NOT NULL,
    currency   CHAR(3)       NOT NULL,
    version    BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT pk_instalment PRIMARY KEY (id),
    CONSTRAINT uk_instalment_seq UNIQUE (pledge_id, seq),
    CONSTRAINT fk_instalment_pledge FOREIGN KEY (pledge_id) REFERENCES pledge (id),
    CONSTRAINT ck_instalment_amount CHECK (amount > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_instalment_due ON instalment (due_date);

-- Each revision of a pledge's amount or schedule, with the schedule before and after.
CREATE TABLE pledge_revision (
    id              BIGINT         NOT NULL AUTO_INCREMENT,
    pledge_id       BIGINT         NOT NULL,
    revision        INT            NOT NULL,
    revised_at      DATETIME(6)    NOT NULL,
    revised_by      VARCHAR(100)   NOT NULL,
    reason          VARCHAR(500)   NOT NULL,
    amount_before   DECIMAL(19,4)  NOT NULL,
    amount_after    DECIMAL(19,4)  NOT NULL,
    schedule_before TEXT           NOT NULL,
    schedule_after  TEXT           NOT NULL,
    version         BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_pledge_revision PRIMARY KEY (id),
    CONSTRAINT uk_pledge_revision UNIQUE (pledge_id, revision),
    CONSTRAINT fk_pledge_revision_pledge FOREIGN KEY (pledge_id) REFERENCES pledge (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE import_batch (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    kind         VARCHAR(30)   NOT NULL,
    file_name    VARCHAR(255)  NOT NULL,
    file_sha256  CHAR(64)      NOT NULL,
    row_count    INT           NOT NULL,
    added_count  INT           NOT NULL,
    imported_at  DATETIME(6)   NOT NULL,
    imported_by  VARCHAR(100)  NOT NULL,
    version      BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT pk_import_batch PRIMARY KEY (id),
    CONSTRAINT uk_import_batch_file UNIQUE (kind, file_sha256)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE contribution (
    id               BIGINT         NOT NULL AUTO_INCREMENT,
    donor_id         BIGINT         NOT NULL,
    fund_id          BIGINT         NOT NULL,
    received_date    DATE           NOT NULL,
    amount           DECIMAL(19,4)  NOT NULL,
    currency         CHAR(3)        NOT NULL,
    bank_reference   VARCHAR(100)   NOT NULL,
    rate_id          BIGINT         NULL,
    units_per_usd    DECIMAL(19,6)  NOT NULL,
    usd_amount       DECIMAL(19,2)  NOT NULL,
    status           VARCHAR(20)    NOT NULL,
    recorded_at      DATETIME(6)    NOT NULL,
    recorded_by      VARCHAR(100)   NOT NULL,
    certified_at     DATETIME(6)    NULL,
    certified_by     VARCHAR(100)   NULL,
    returned_reason  VARCHAR(500)   NULL,
    reversed_at      DATETIME(6)    NULL,
    reversed_by      VARCHAR(100)   NULL,
    reversal_reason  VARCHAR(500)   NULL,
    replaces_id      BIGINT         NULL,
    import_batch_id  BIGINT         NULL,
    version          BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_contribution PRIMARY KEY (id),
    CONSTRAINT fk_contribution_donor FOREIGN KEY (donor_id) REFERENCES donor (id),
    CONSTRAINT fk_contribution_fund FOREIGN KEY (fund_id) REFERENCES fund (id),
    CONSTRAINT fk_contribution_currency FOREIGN KEY (currency) REFERENCES currency (code),
    CONSTRAINT fk_contribution_rate FOREIGN KEY (rate_id) REFERENCES exchange_rate (id),
    CONSTRAINT fk_contribution_replaces FOREIGN KEY (replaces_id) REFERENCES contribution (id),
    CONSTRAINT fk_contribution_batch FOREIGN KEY (import_batch_id) REFERENCES import_batch (id),
    CONSTRAINT ck_contribution_amount CHECK (amount > 0),
    CONSTRAINT ck_contribution_status CHECK (status IN ('RECORDED', 'RETURNED', 'CERTIFIED', 'REVERSED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_contribution_donor ON contribution (donor_id, received_date);
CREATE INDEX ix_contribution_received ON contribution (received_date, id);
CREATE INDEX ix_contribution_status ON contribution (status, received_date);
CREATE INDEX ix_contribution_idempotency ON contribution (bank_reference, donor_id, received_date);

-- How much of a contribution pays which instalment, in the pledge's (and the contribution's) currency.
CREATE TABLE contribution_application (
    id              BIGINT         NOT NULL AUTO_INCREMENT,
    contribution_id BIGINT         NOT NULL,
    instalment_id   BIGINT         NOT NULL,
    amount          DECIMAL(19,4)  NOT NULL,
    version         BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_contribution_application PRIMARY KEY (id),
    CONSTRAINT uk_contribution_application UNIQUE (contribution_id, instalment_id),
    CONSTRAINT fk_application_contribution FOREIGN KEY (contribution_id) REFERENCES contribution (id),
    CONSTRAINT fk_application_instalment FOREIGN KEY (instalment_id) REFERENCES instalment (id),
    CONSTRAINT ck_application_amount CHECK (amount > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_application_instalment ON contribution_application (instalment_id);

-- The general ledger: one journal per financial event, its lines balance (debits = credits, in USD).
CREATE TABLE journal (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    fund_id             BIGINT        NOT NULL,
    donor_id            BIGINT        NULL,
    event_type          VARCHAR(40)   NOT NULL,
    event_date          DATE          NOT NULL,
    posted_at           DATETIME(6)   NOT NULL,
    posted_by           VARCHAR(100)  NOT NULL,
    source_type         VARCHAR(40)   NOT NULL,
    source_id           BIGINT        NOT NULL,
    description         VARCHAR(500)  NOT NULL,
    reverses_journal_id BIGINT        NULL,
    version             BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT pk_journal PRIMARY KEY (id),
    CONSTRAINT fk_journal_fund FOREIGN KEY (fund_id) REFERENCES fund (id),
    CONSTRAINT fk_journal_donor FOREIGN KEY (donor_id) REFERENCES donor (id),
    CONSTRAINT fk_journal_reverses FOREIGN KEY (reverses_journal_id) REFERENCES journal (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_journal_fund_date ON journal (fund_id, event_date);
CREATE INDEX ix_journal_donor ON journal (donor_id, event_date);
CREATE INDEX ix_journal_source ON journal (source_type, source_id);

CREATE TABLE journal_line (
    id              BIGINT         NOT NULL AUTO_INCREMENT,
    journal_id      BIGINT         NOT NULL,
    account         VARCHAR(40)    NOT NULL,
    debit           DECIMAL(19,2)  NOT NULL DEFAULT 0,
    credit          DECIMAL(19,2)  NOT NULL DEFAULT 0,
    currency        CHAR(3)        NULL,
    currency_amount DECIMAL(19,4)  NULL,
    pledge_id       BIGINT         NULL,
    version         BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_journal_line PRIMARY KEY (id),
    CONSTRAINT fk_journal_line_journal FOREIGN KEY (journal_id) REFERENCES journal (id),
    CONSTRAINT fk_journal_line_pledge FOREIGN KEY (pledge_id) REFERENCES pledge (id),
    CONSTRAINT ck_journal_line_side CHECK (debit >= 0 AND credit >= 0 AND (debit = 0 OR credit = 0))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_journal_line_account ON journal_line (account, journal_id);
CREATE INDEX ix_journal_line_pledge ON journal_line (pledge_id, account);

CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'journal is append-only: post a reversal';
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'journal is append-only: post a reversal';
CREATE TRIGGER journal_line_no_update BEFORE UPDATE ON journal_line FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'journal_line is append-only: post a reversal';
CREATE TRIGGER journal_line_no_delete BEFORE DELETE ON journal_line FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'journal_line is append-only: post a reversal';
