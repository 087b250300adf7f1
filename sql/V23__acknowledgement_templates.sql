-- Issue 12: the thank-you text of the acknowledgement letters, per fund and language, as an administrator wrote it
-- (plain text: shown in the letter as written, never read as markup). Without one, the letter has the default text
-- of its language.
CREATE TABLE acknowledgement_template (
    fund_id     BIGINT        NOT NULL,
    language    VARCHAR(8)    NOT NULL,
    body        TEXT          NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    updated_by  VARCHAR(100)  NOT NULL,
    version     BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT pk_acknowledgement_template PRIMARY KEY (fund_id, language),
    CONSTRAINT fk_acknowledgement_template_fund FOREIGN KEY (fund_id) REFERENCES fund (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
