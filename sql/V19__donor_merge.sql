-- Donors recorded twice (issue 9). An administrator merges one donor into another: its pledges, contributions,
-- approval requests and donor users move to the kept donor, and the merged donor stays (history, audit) but
-- points to the one kept. Journals keep the donor they were posted for (the ledger is append-only); what
-- reads the ledger by donor follows merged_into_id to the donor kept. One level only: merging the kept donor
-- later repoints the donors merged into it.
ALTER TABLE donor ADD COLUMN merged_into_id BIGINT       NULL AFTER publicly_named,
    ADD COLUMN merged_at      DATETIME(6)  NULL AFTER merged_into_id,
    ADD COLUMN merged_by      VARCHAR(100) NULL AFTER merged_at,
    ADD COLUMN merge_reason   VARCHAR(500) NULL AFTER merged_by,
    ADD CONSTRAINT fk_donor_merged_into FOREIGN KEY (merged_into_id) REFERENCES donor (id),
    ADD CONSTRAINT ck_donor_merged CHECK ((merged_into_id IS NULL) = (merged_at IS NULL));

CREATE INDEX ix_donor_merged_into ON donor (merged_into_id);
