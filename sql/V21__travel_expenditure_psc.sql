-- Travel and fellowship disbursements, other expenditure and programme support costs (issue 11): what the fund
-- spends, set against its income in the annual report.

-- Meetings the fund pays people to attend.
CREATE TABLE travel_event (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    name         VARCHAR(200)  NOT NULL,
    event_type   VARCHAR(30)   NOT NULL,
    city         VARCHAR(100)  NOT NULL,
    country_code CHAR(2)       NOT NULL,
    start_date   DATE          NOT NULL,
    end_date     DATE          NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    created_by   VARCHAR(100)  NOT NULL,
    version      BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT pk_travel_event PRIMARY KEY (id),
    CONSTRAINT fk_travel_event_country FOREIGN KEY (country_code) REFERENCES country (code),
    CONSTRAINT ck_travel_event_type CHECK (event_type IN ('ANNUAL_MEETING', 'OPEN_CONSULTATIONS_MAG',
        'REGIONAL_NATIONAL', 'OTHER')),
    CONSTRAINT ck_travel_event_dates CHECK (end_date >= start_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The fund's participant-funding programmes; the three the source documents name come with the schema.
CREATE TABLE travel_programme (
    id       BIGINT        NOT NULL AUTO_INCREMENT,
    code     VARCHAR(30)   NOT NULL,
    version  BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT pk_travel_programme PRIMARY KEY (id),
    CONSTRAINT uk_travel_programme_code UNIQUE (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO travel_programme (code) VALUES ('MAG_TRAVEL'), ('FELLOWSHIP'), ('OTHER_PARTICIPANTS');

-- An optional budget of a programme in one fund and year, in US dollars; changed with a reason.
CREATE TABLE programme_budget (
    id           BIGINT         NOT NULL AUTO_INCREMENT,
    programme_id BIGINT         NOT NULL,
    fund_id      BIGINT         NOT NULL,
    year         INT            NOT NULL,
    amount_usd   DECIMAL(19,2)  NOT NULL,
    reason       VARCHAR(500)   NULL,
    set_at       DATETIME(6)    NOT NULL,
    set_by       VARCHAR(100)   NOT NULL,
    version      BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_programme_budget PRIMARY KEY (id),
    CONSTRAINT uk_programme_budget UNIQUE (programme_id, fund_id, year),
    CONSTRAINT fk_programme_budget_programme FOREIGN KEY (programme_id) REFERENCES travel_programme (id),
    CONSTRAINT fk_programme_budget_fund FOREIGN KEY (fund_id) REFERENCES fund (id),
    CONSTRAINT ck_programme_budget_amount CHECK (amount_usd >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Daily subsistence allowance in US dollars per place (city of a country) from the first of a month (ICSC style):
-- in force until the place's next rate.
CREATE TABLE dsa_rate (
    id              BIGINT         NOT NULL AUTO_INCREMENT,
    country_code    CHAR(2)        NOT NULL,
    city            VARCHAR(100)   NOT NULL,
    effective_month DATE           NOT NULL,
    rate_usd        DECIMAL(19,2)  NOT NULL,
    recorded_at     DATETIME(6)    NOT NULL,
    recorded_by     VARCHAR(100)   NOT NULL,
    version         BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_dsa_rate PRIMARY KEY (id),
    CONSTRAINT uk_dsa_rate UNIQUE (country_code, city, effective_month),
    CONSTRAINT fk_dsa_rate_country FOREIGN KEY (country_code) REFERENCES country (code),
    CONSTRAINT ck_dsa_rate_month CHECK (DAY(effective_month) = 1),
    CONSTRAINT ck_dsa_rate_amount CHECK (rate_usd > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE traveller (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    name              VARCHAR(200)  NOT NULL,
    gender            VARCHAR(20)   NOT NULL,
    nationality       CHAR(2)       NOT NULL,
    residence         CHAR(2)       NOT NULL,
    stakeholder_group VARCHAR(40)   NOT NULL,
    mag_member        BOOLEAN       NOT NULL,
    email             VARCHAR(200)  NULL,
    created_at        DATETIME(6)   NOT NULL,
    created_by        VARCHAR(100)  NOT NULL,
    version           BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT pk_traveller PRIMARY KEY (id),
    CONSTRAINT fk_traveller_nationality FOREIGN KEY (nationality) REFERENCES country (code),
    CONSTRAINT fk_traveller_residence FOREIGN KEY (residence) REFERENCES country (code),
    CONSTRAINT ck_traveller_gender CHECK (gender IN ('FEMALE', 'MALE', 'OTHER', 'NOT_STATED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_traveller_name ON traveller (name);

-- One trip the fund pays for. The ticket and other costs are in one currency (converted at the operational rate of
-- the step's date); DSA and terminal expenses are in US dollars, as the ICSC sets them. The residence country's
-- development status on the departure date is kept, so the reports group by what it was, not what it became.
-- Obligating posts a commitment to the memo accounts; paying liquidates it and posts the expense against cash.
CREATE TABLE travel_request (
    id                   BIGINT         NOT NULL AUTO_INCREMENT,
    traveller_id         BIGINT         NOT NULL,
    programme_id         BIGINT         NOT NULL,
    event_id             BIGINT         NOT NULL,
    fund_id              BIGINT         NOT NULL,
    itinerary            VARCHAR(500)   NOT NULL,
    asks                 VARCHAR(20)    NOT NULL,
    requested_on         DATE           NOT NULL,
    departure_date       DATE           NOT NULL,
    return_date          DATE           NOT NULL,
    currency             CHAR(3)        NOT NULL,
    ticket_amount        DECIMAL(19,4)  NOT NULL,
    other_amount         DECIMAL(19,4)  NOT NULL,
    other_description    VARCHAR(200)   NULL,
    dsa_city             VARCHAR(100)   NULL,
    dsa_rate_id          BIGINT         NULL,
    dsa_rate_usd         DECIMAL(19,2)  NOT NULL,
    dsa_rate_reason      VARCHAR(500)   NULL,
    dsa_days             INT            NOT NULL,
    dsa_days_reason      VARCHAR(500)   NULL,
    terminal_usd         DECIMAL(19,2)  NOT NULL,
    rate_id              BIGINT         NULL,
    units_per_usd        DECIMAL(19,6)  NOT NULL,
    stale_rate_reason    VARCHAR(500)   NULL,
    costed_usd           DECIMAL(19,2)  NOT NULL,
    residence_status     VARCHAR(30)    NOT NULL,
    eligibility_reason   VARCHAR(500)   NULL,
    status               VARCHAR(20)    NOT NULL,
    requested_at         DATETIME(6)    NOT NULL,
    requested_by         VARCHAR(100)   NOT NULL,
    approved_at          DATETIME(6)    NULL,
    approved_by          VARCHAR(100)   NULL,
    override_reason      VARCHAR(500)   NULL,
    obligation_date      DATE           NULL,
    obligated_usd        DECIMAL(19,2)  NULL,
    obligated_by         VARCHAR(100)   NULL,
    payment_date         DATE           NULL,
    payment_reference    VARCHAR(100)   NULL,
    paid_units_per_usd   DECIMAL(19,6)  NULL,
    paid_usd             DECIMAL(19,2)  NULL,
    paid_by              VARCHAR(100)   NULL,
    report_received_on   DATE           NULL,
    report_recorded_by   VARCHAR(100)   NULL,
    closed_at            DATETIME(6)    NULL,
    closed_by            VARCHAR(100)   NULL,
    closed_reason        VARCHAR(500)   NULL,
    version              BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_travel_request PRIMARY KEY (id),
    CONSTRAINT fk_travel_request_traveller FOREIGN KEY (traveller_id) REFERENCES traveller (id),
    CONSTRAINT fk_travel_request_programme FOREIGN KEY (programme_id) REFERENCES travel_programme (id),
    CONSTRAINT fk_travel_request_event FOREIGN KEY (event_id) REFERENCES travel_event (id),
    CONSTRAINT fk_travel_request_fund FOREIGN KEY (fund_id) REFERENCES fund (id),
    CONSTRAINT fk_travel_request_currency FOREIGN KEY (currency) REFERENCES currency (code),
    CONSTRAINT fk_travel_request_rate FOREIGN KEY (rate_id) REFERENCES exchange_rate (id),
    CONSTRAINT fk_travel_request_dsa FOREIGN KEY (dsa_rate_id) REFERENCES dsa_rate (id),
    CONSTRAINT ck_travel_request_asks CHECK (asks IN ('TICKET', 'DSA', 'BOTH')),
    CONSTRAINT ck_travel_request_dates CHECK (return_date >= departure_date),
    CONSTRAINT ck_travel_request_amounts CHECK (ticket_amount >= 0 AND other_amount >= 0 AND dsa_rate_usd >= 0
        AND dsa_days >= 0 AND terminal_usd >= 0 AND costed_usd >= 0),
    CONSTRAINT ck_travel_request_status CHECK (status IN ('REQUESTED', 'APPROVED', 'OBLIGATED', 'PAID',
        'REPORTED', 'REJECTED', 'CANCELLED')),
    CONSTRAINT ck_travel_request_paid CHECK (payment_date IS NULL
        OR (payment_reference IS NOT NULL AND paid_usd IS NOT NULL AND obligated_usd IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_travel_request_fund ON travel_request (fund_id, departure_date);
CREATE INDEX ix_travel_request_status ON travel_request (status, return_date);
CREATE INDEX ix_travel_request_payment ON travel_request (fund_id, payment_date);
CREATE INDEX ix_travel_request_traveller ON travel_request (traveller_id);

-- What the fund spends other than on travel of participants; recorded by one person, certified by another.
CREATE TABLE other_expenditure (
    id                BIGINT         NOT NULL AUTO_INCREMENT,
    fund_id           BIGINT         NOT NULL,
    category          VARCHAR(30)    NOT NULL,
    expense_date      DATE           NOT NULL,
    amount            DECIMAL(19,4)  NOT NULL,
    currency          CHAR(3)        NOT NULL,
    rate_id           BIGINT         NULL,
    stale_rate_reason VARCHAR(500)   NULL,
    units_per_usd     DECIMAL(19,6)  NOT NULL,
    usd_amount        DECIMAL(19,2)  NOT NULL,
    reference         VARCHAR(100)   NOT NULL,
    description       VARCHAR(500)   NOT NULL,
    status            VARCHAR(20)    NOT NULL,
    recorded_at       DATETIME(6)    NOT NULL,
    recorded_by       VARCHAR(100)   NOT NULL,
    certified_at      DATETIME(6)    NULL,
    certified_by      VARCHAR(100)   NULL,
    returned_reason   VARCHAR(500)   NULL,
    reversed_at       DATETIME(6)    NULL,
    reversed_by       VARCHAR(100)   NULL,
    reversal_reason   VARCHAR(500)   NULL,
    version           BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_other_expenditure PRIMARY KEY (id),
    CONSTRAINT fk_other_expenditure_fund FOREIGN KEY (fund_id) REFERENCES fund (id),
    CONSTRAINT fk_other_expenditure_currency FOREIGN KEY (currency) REFERENCES currency (code),
    CONSTRAINT fk_other_expenditure_rate FOREIGN KEY (rate_id) REFERENCES exchange_rate (id),
    CONSTRAINT ck_other_expenditure_amount CHECK (amount > 0),
    CONSTRAINT ck_other_expenditure_category CHECK (category IN ('STAFF_AND_CONSULTANTS', 'CONTRACTUAL_SERVICES',
        'TRAVEL_OF_STAFF', 'OPERATING_EXPENSES', 'EQUIPMENT', 'OTHER')),
    CONSTRAINT ck_other_expenditure_status CHECK (status IN ('RECORDED', 'RETURNED', 'CERTIFIED', 'REVERSED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_other_expenditure_fund ON other_expenditure (fund_id, expense_date);
CREATE INDEX ix_other_expenditure_status ON other_expenditure (status, expense_date);

-- A fund's programme support cost rate for one year, where it differs from the fund's rate; kept with its reason.
CREATE TABLE psc_rate (
    id       BIGINT        NOT NULL AUTO_INCREMENT,
    fund_id  BIGINT        NOT NULL,
    year     INT           NOT NULL,
    rate     DECIMAL(7,4)  NOT NULL,
    reason   VARCHAR(500)  NOT NULL,
    set_at   DATETIME(6)   NOT NULL,
    set_by   VARCHAR(100)  NOT NULL,
    version  BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT pk_psc_rate PRIMARY KEY (id),
    CONSTRAINT uk_psc_rate UNIQUE (fund_id, year),
    CONSTRAINT fk_psc_rate_fund FOREIGN KEY (fund_id) REFERENCES fund (id),
    CONSTRAINT ck_psc_rate CHECK (rate >= 0 AND rate < 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One run of the period-end PSC charge that posted something: the base and rate it used and what it posted (the
-- difference between what is due and what was already charged, so a second run posts nothing). A reversal is a
-- charge of its own that names the charge it undoes.
CREATE TABLE psc_charge (
    id           BIGINT         NOT NULL AUTO_INCREMENT,
    fund_id      BIGINT         NOT NULL,
    year         INT            NOT NULL,
    charge_date  DATE           NOT NULL,
    base_usd     DECIMAL(19,2)  NOT NULL,
    rate         DECIMAL(7,4)   NOT NULL,
    due_usd      DECIMAL(19,2)  NOT NULL,
    amount_usd   DECIMAL(19,2)  NOT NULL,
    reverses_id  BIGINT         NULL,
    reason       VARCHAR(500)   NULL,
    posted_at    DATETIME(6)    NOT NULL,
    posted_by    VARCHAR(100)   NOT NULL,
    version      BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_psc_charge PRIMARY KEY (id),
    CONSTRAINT fk_psc_charge_fund FOREIGN KEY (fund_id) REFERENCES fund (id),
    CONSTRAINT fk_psc_charge_reverses FOREIGN KEY (reverses_id) REFERENCES psc_charge (id),
    CONSTRAINT uk_psc_charge_reverses UNIQUE (reverses_id),
    CONSTRAINT ck_psc_charge_reversal CHECK (reverses_id IS NULL OR reason IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_psc_charge_fund ON psc_charge (fund_id, year);
