-- Issue 12: a donor user may act for several donors (a ministry and its agency). Every donor the account may see is a
-- row here; user_account.donor_id stays the first of them (the one its pages open on). The existing links are copied.

CREATE TABLE user_donor (
    user_id   BIGINT  NOT NULL,
    donor_id  BIGINT  NOT NULL,
    CONSTRAINT pk_user_donor PRIMARY KEY (user_id, donor_id),
    CONSTRAINT fk_user_donor_user FOREIGN KEY (user_id) REFERENCES user_account (id),
    CONSTRAINT fk_user_donor_donor FOREIGN KEY (donor_id) REFERENCES donor (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_user_donor_donor ON user_donor (donor_id);

INSERT INTO user_donor (user_id, donor_id) SELECT id, donor_id FROM user_account WHERE donor_id IS NOT NULL;
