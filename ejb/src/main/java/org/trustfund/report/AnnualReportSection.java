package org.trustfund.report;

import java.util.List;
import java.util.Locale;
import org.trustfund.spreadsheet.XlsxWriter;

/**
 * One sheet of the annual report. The cover's contents and the Reconciliation sheet are built from the sections, so a
 * later kind of record (in-kind, transfers, travel, programme support costs) adds its sheet as one new class: a CDI
 * bean in the container, and an entry in {@link AnnualReportWriter#standardSections()} outside it.
 */
public interface AnnualReportSection {

    /** Where the sheet goes, smallest first (the cover is 10, the statements 20 and 30, the notes last). */
    int order();

    /** The sheet's name in the report's language (31 characters at most). */
    String sheetName(Locale locale);

    /** Whether the sheet belongs in a statement-only workbook (cover, statements, reconciliation). */
    default boolean inStatementOnly() {
        return false;
    }

    /** Writes the sheet; totals that the reconciliation ties back are registered in the context. */
    void write(ReportContext ctx, XlsxWriter xlsx);

    /**
     * This sheet's totals against the ledger's balance for the same accounts and period, each read by its own query;
     * called after every sheet is written.
     */
    default List<ReconciliationRow> reconciliation(ReportContext ctx) {
        return List.of();
    }
}
