-- The language the fund writes to a donor in: the acknowledgement e-mails and their PDF letters go in it. One of the
-- six official languages of the United Nations; every donor recorded before this is written to in English, as until
-- now. Binary collation so that the check is exact ('FR' is refused, the application writes 'fr'). Donors have no
-- history table or trigger (their changes are in the audit log), so nothing else needs the column.
ALTER TABLE donor ADD COLUMN correspondence_language CHAR(2) CHARACTER SET ascii COLLATE ascii_bin NOT NULL
        DEFAULT 'en' AFTER publicly_named,
    ADD CONSTRAINT ck_donor_correspondence_language
        CHECK (correspondence_language IN ('ar', 'en', 'es', 'fr', 'ru', 'zh'));
