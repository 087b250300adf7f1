-- One row per kind of file import. An import locks its kind's row (SELECT ... FOR UPDATE) before it reads
-- anything else, so two imports of the same kind run one after the other and the second one sees, and
-- skips, what the first recorded: idempotency holds even for two officers importing at the same moment.
CREATE TABLE import_lock (
    kind    VARCHAR(30) NOT NULL,
    CONSTRAINT pk_import_lock PRIMARY KEY (kind)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO import_lock (kind) VALUES ('CONTRIBUTIONS');
