-- Issue 12: whether the public recognition page of a fund shows how much each supporter gave (in USD), or only names.
-- Off for every fund until an administrator turns it on.
ALTER TABLE fund ADD COLUMN public_amounts BOOLEAN NOT NULL DEFAULT FALSE;
