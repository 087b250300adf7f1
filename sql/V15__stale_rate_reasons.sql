-- Issue 7: an operational rate from before the month of the date it converts on is used only with a reason,
-- kept with the record that used it (null when the rate was the month's own).
ALTER TABLE contribution ADD COLUMN stale_rate_reason VARCHAR(500) NULL;
ALTER TABLE pledge ADD COLUMN agreement_stale_rate_reason VARCHAR(500) NULL;
