-- Counting the contribution list filtered by currency (and status): with this index the count reads index
-- entries only (EUR + certified, 130,000 of 377,000 rows: 0.22 s -> 0.09 s on the benchmark data set, under load).
-- It starts with currency, so it also serves the foreign key to currency: InnoDB then drops the index it had
-- made for that key by itself, and an import inserts into as many indexes as before.
CREATE INDEX ix_contribution_currency_status ON contribution (currency, status, received_date);
