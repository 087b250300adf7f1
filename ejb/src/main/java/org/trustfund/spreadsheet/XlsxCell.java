package org.trustfund.spreadsheet;

/**
 * One non-empty cell of a worksheet read by {@link XlsxReading}, before any meaning is given to it.
 *
 * @param column 0 for A
 * @param value text as written (stripped), a number as stored (e.g. {@code 1250.5}), TRUE/FALSE, or an error code
 * @param dateFormatted a number shown as a date or time by its cell format
 */
public record XlsxCell(int column, Kind kind, String value, boolean dateFormatted) {

    /** What a cell holds. Formulas are read as their cached value (what the user saw). */
    public enum Kind { TEXT, NUMBER, BOOLEAN, ERROR, FORMULA_WITHOUT_VALUE }

    public String columnLetters() {
        return XlsxReading.letters(column);
    }
}
