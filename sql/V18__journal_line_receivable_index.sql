-- The year-end revaluation (and the annual report's preview of it) sums each pledge's receivable lines up to a
-- date, reading the fund's journals by date: with the pledge and the currency amount in the lines' covering index,
-- no line row is fetched (the largest fund's preview: 1 s reading row by row on a million lines). Same name, one
-- statement: the journal foreign key always has its index.
ALTER TABLE journal_line DROP INDEX ix_journal_line_totals,
    ADD INDEX ix_journal_line_totals (journal_id, account, debit, credit, pledge_id, currency_amount);
