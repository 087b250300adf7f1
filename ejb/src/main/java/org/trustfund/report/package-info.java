/**
 * The annual financial report of a fund: one xlsx workbook read from the ledger with SQL aggregates. Each sheet is an
 * {@link org.trustfund.report.AnnualReportSection}; the statements' lines are {@link org.trustfund.report.StatementLine}s,
 * so a later kind of income or expense adds its lines, its sheet and its reconciliation rows without touching the rest.
 */
package org.trustfund.report;
