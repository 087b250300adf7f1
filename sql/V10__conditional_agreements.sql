-- IPSAS 23: an agreement whose conditions would oblige the fund to return the money if unmet is a
-- receivable matched by deferred revenue, not revenue, until the conditions are met. The conditions are
-- kept as the agreement states them; the date they were met moves the deferred revenue to revenue.
ALTER TABLE pledge
    ADD COLUMN agreement_conditions VARCHAR(500) NULL AFTER agreement_rate_id,
    ADD COLUMN conditions_met_on DATE NULL AFTER agreement_conditions;
