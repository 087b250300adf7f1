package org.trustfund.spreadsheet;

/**
 * Why {@link XlsxReading} would not read a file. Each reader turns it into its own message (the rate import
 * and the contribution import word their refusals differently), so this carries a reason, not a message key.
 */
public final class XlsxRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** Not a zip of workbook parts, or parts POI cannot make sense of (a truncated file, a plain zip). */
        UNREADABLE,
        /** Inflates beyond the reader's limit, has more parts than a workbook has, or trips POI's ratio guard. */
        ZIP_BOMB,
        NO_SHEET,
        /** More non-empty rows than the reader's limit; {@link #limit()} is that limit. */
        TOO_MANY_ROWS,
        /** A value beyond the last column allowed; {@link #cell()} is where, {@link #limit()} the column count. */
        TOO_MANY_COLUMNS,
        /** A cell's text longer than Excel allows; {@link #cell()} is where. */
        CELL_TOO_LONG
    }

    private final Reason reason;
    private final String cell;
    private final int limit;

    XlsxRefusal(Reason reason, String cell, int limit, Throwable cause) {
        super(reason + (cell == null ? "" : " at " + cell), cause, false, false);
        this.reason = reason;
        this.cell = cell;
        this.limit = limit;
    }

    static XlsxRefusal of(Reason reason) {
        return new XlsxRefusal(reason, null, 0, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The cell (e.g. {@code AB12}) the refusal is about, or null. */
    public String cell() {
        return cell;
    }

    public int limit() {
        return limit;
    }
}
