-- Issue 12: acknowledgements go by e-mail through an outbox. A message is written in the certifying (or reversing, or
-- re-sending) transaction, so a letter is never lost: if the mail server is down the certification still commits and
-- the message waits here, retried with a growing delay, until it is sent or staff see it failed and retry it. Sending
-- claims a row by moving its next attempt forward (a lease), so two servers never send the same message at once.

CREATE TABLE letter_outbox (
    id                 BIGINT         NOT NULL AUTO_INCREMENT,
    acknowledgement_id BIGINT         NOT NULL,
    recipient          VARCHAR(200)   NOT NULL,
    language           CHAR(2)        NOT NULL,
    cause              VARCHAR(10)    NOT NULL,
    status             VARCHAR(10)    NOT NULL,
    attempts           INT            NOT NULL DEFAULT 0,
    next_attempt_at    DATETIME(6)    NULL,
    last_attempt_at    DATETIME(6)    NULL,
    last_error         VARCHAR(500)   NULL,
    sent_at            DATETIME(6)    NULL,
    message_id         VARCHAR(250)   NULL,
    created_at         DATETIME(6)    NOT NULL,
    created_by         VARCHAR(100)   NOT NULL,
    version            BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_letter_outbox PRIMARY KEY (id),
    CONSTRAINT fk_letter_outbox_acknowledgement FOREIGN KEY (acknowledgement_id) REFERENCES acknowledgement (id),
    CONSTRAINT ck_letter_outbox_status CHECK (status IN ('WAITING', 'SENT', 'FAILED')),
    CONSTRAINT ck_letter_outbox_cause CHECK (cause IN ('ISSUED', 'RESENT')),
    CONSTRAINT ck_letter_outbox_attempts CHECK (attempts >= 0),
    CONSTRAINT ck_letter_outbox_waiting CHECK ((status = 'WAITING') = (next_attempt_at IS NOT NULL)),
    CONSTRAINT ck_letter_outbox_sent CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_letter_outbox_due ON letter_outbox (status, next_attempt_at);
CREATE INDEX ix_letter_outbox_acknowledgement ON letter_outbox (acknowledgement_id);
