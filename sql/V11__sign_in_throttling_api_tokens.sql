-- Sign-in under attack and parallel use (issue 6).
-- The account lock goes: anyone who knew a user name could lock its holder out. Failed attempts are now
-- slowed down and refused per client address and per user name (in the application), and the count of
-- failures in a row stays here, written by one atomic UPDATE per attempt.
ALTER TABLE user_account DROP COLUMN locked_until;

-- Changes whenever the account's sessions and verified credentials must stop counting: disabled, roles
-- changed, password reset or changed, donor link changed. A session or a cached credential made under an
-- older stamp is ended on its next request.
ALTER TABLE user_account ADD COLUMN security_stamp BIGINT NOT NULL DEFAULT 0 AFTER last_sign_in_at;

-- Personal API tokens: only the SHA-256 of the secret is kept; the secret is shown once when made.
CREATE TABLE api_token (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    user_id        BIGINT       NOT NULL,
    name           VARCHAR(100) NOT NULL,
    token_hash     CHAR(64)     NOT NULL,
    token_prefix   VARCHAR(12)  NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    created_by     VARCHAR(100) NOT NULL,
    expires_at     DATETIME(6)  NOT NULL,
    last_used_at   DATETIME(6)  NULL,
    last_used_from VARCHAR(64)  NULL,
    revoked_at     DATETIME(6)  NULL,
    revoked_by     VARCHAR(100) NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT pk_api_token PRIMARY KEY (id),
    CONSTRAINT uk_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_user FOREIGN KEY (user_id) REFERENCES user_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_api_token_user ON api_token (user_id, created_at);
