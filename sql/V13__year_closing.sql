-- Year-end closing per fund (issue 7, item 6). A year with no row is open. Once closed (proposed by a finance
-- officer, confirmed by another person, a certifying officer), nothing is posted with a date in it.
CREATE TABLE fund_year (
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    fund_id              BIGINT        NOT NULL,
    year                 INT           NOT NULL,
    status               VARCHAR(20)   NOT NULL,
    proposed_by          VARCHAR(100)  NULL,
    proposed_at          DATETIME(6)   NULL,
    closed_by            VARCHAR(100)  NULL,
    closed_at            DATETIME(6)   NULL,
    reopen_requested_by  VARCHAR(100)  NULL,
    reopen_requested_at  DATETIME(6)   NULL,
    reopen_reason        VARCHAR(500)  NULL,
    reopened_by          VARCHAR(100)  NULL,
    reopened_at          DATETIME(6)   NULL,
    version              BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT pk_fund_year PRIMARY KEY (id),
    -- Also the index of the posting guard's one look-up per journal.
    CONSTRAINT uk_fund_year UNIQUE (fund_id, year),
    CONSTRAINT fk_fund_year_fund FOREIGN KEY (fund_id) REFERENCES fund (id),
    CONSTRAINT ck_fund_year_status CHECK (status IN ('OPEN', 'CLOSE_PROPOSED', 'CLOSED', 'REOPEN_PROPOSED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every step of every closing and reopening, kept: a year can be closed, reopened and closed again.
CREATE TABLE fund_year_event (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    fund_year_id  BIGINT        NOT NULL,
    action        VARCHAR(20)   NOT NULL,
    status_after  VARCHAR(20)   NOT NULL,
    occurred_at   DATETIME(6)   NOT NULL,
    actor         VARCHAR(100)  NOT NULL,
    reason        VARCHAR(500)  NULL,
    version       BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT pk_fund_year_event PRIMARY KEY (id),
    CONSTRAINT fk_fund_year_event_year FOREIGN KEY (fund_year_id) REFERENCES fund_year (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_fund_year_event_year ON fund_year_event (fund_year_id, id);

CREATE TRIGGER fund_year_event_no_update BEFORE UPDATE ON fund_year_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'fund_year_event is append-only';
CREATE TRIGGER fund_year_event_no_delete BEFORE DELETE ON fund_year_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'fund_year_event is append-only';
