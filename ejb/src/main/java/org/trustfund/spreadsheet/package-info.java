/**
 * The one place that writes spreadsheets: streaming xlsx sheets (rows go to disk as they are written, so a
 * sheet of a million rows does not live in the heap), the workbook's styles, formula-safe text and column widths
 * measured while writing. Reports, list exports and import templates use it.
 */
package org.trustfund.spreadsheet;
