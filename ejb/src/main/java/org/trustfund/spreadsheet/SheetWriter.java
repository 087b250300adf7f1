package org.trustfund.spreadsheet;

import java.util.Arrays;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * Writes one sheet from top to bottom. The first {@link #header} row starts the sheet's table: panes freeze below
 * it, it repeats on every printed page, and the autofilter covers it and the rows under it up to the next title,
 * line or blank row (Excel allows one autofilter per sheet).
 */
public final class SheetWriter {

    /** Excel's widest column, in characters. */
    private static final int MAX_WIDTH = 80;

    private final XlsxWriter workbook;
    private final SXSSFSheet sheet;
    private int nextRow;
    private int[] widths = new int[8];
    private int[] minWidths = new int[8];
    private int headerRow = -1;
    private int headerColumns;
    private int tableEnd = -1;
    private boolean printSet;
    private String printHeader;

    SheetWriter(XlsxWriter workbook, SXSSFSheet sheet) {
        this.workbook = workbook;
        this.sheet = sheet;
    }

    public String name() {
        return sheet.getSheetName();
    }

    /** 0-based index of the next row to be written. */
    public int nextRow() {
        return nextRow;
    }

    public SheetWriter title(String text) {
        endTable();
        Row row = sheet.createRow(nextRow++);
        row.setHeightInPoints(20);
        Cell cell = row.createCell(0);
        RowWriter.setText(cell, text, workbook.styles().title(), workbook.styles().quotedText());
        return this;
    }

    /** A plain row of text in the first column, such as a filter ("Status: Certified"). */
    public SheetWriter line(String text) {
        endTable();
        Row row = sheet.createRow(nextRow++);
        RowWriter.setText(row.createCell(0), text, workbook.styles().text(), workbook.styles().quotedText());
        return this;
    }

    public SheetWriter blankRow() {
        endTable();
        nextRow++;
        return this;
    }

    public SheetWriter header(String... labels) {
        endTable();
        int index = nextRow++;
        Row row = sheet.createRow(index);
        for (int i = 0; i < labels.length; i++) {
            Cell cell = row.createCell(i);
            RowWriter.setText(cell, labels[i], workbook.styles().header(), workbook.styles().header());
            measure(i, labels[i] == null ? 0 : Math.min(labels[i].length(), 30));
        }
        if (headerRow < 0) {
            headerRow = index;
            headerColumns = Math.max(1, labels.length);
        }
        return this;
    }

    public RowWriter row() {
        return new RowWriter(this, sheet.createRow(nextRow++), workbook.styles());
    }

    /**
     * Print setup: landscape, one page wide (as many tall as needed), {@code headerLeft} on the left of each page's
     * header and the workbook's title on its right, "Page x of y" in the footer.
     */
    public SheetWriter print(String headerLeft) {
        printSet = true;
        printHeader = headerLeft;
        return this;
    }

    public SheetWriter minWidth(int column, int chars) {
        ensure(column);
        minWidths[column] = Math.max(minWidths[column], chars);
        return this;
    }

    /** An A1-style reference ("B12") from 0-based row and column indexes, for formulas. */
    public static String cellRef(int row, int column) {
        return new CellReference(row, column).formatAsString(false);
    }

    /** The same, qualified by this sheet's name ({@code 'Sheet name'!B12}), for formulas on other sheets. */
    public String qualifiedRef(int row, int column) {
        return new CellReference(name(), row, column, false, false).formatAsString(true);
    }

    public Sheet poi() {
        return sheet;
    }

    void measure(int column, int length) {
        ensure(column);
        if (length > widths[column]) {
            widths[column] = length;
        }
    }

    private void ensure(int column) {
        if (column >= widths.length) {
            int size = Math.max(column + 1, widths.length * 2);
            widths = Arrays.copyOf(widths, size);
            minWidths = Arrays.copyOf(minWidths, size);
        }
    }

    private void endTable() {
        if (headerRow >= 0 && tableEnd < 0) {
            tableEnd = nextRow - 1;
        }
    }

    /** Widths, frozen panes, the autofilter and print setup, once every row is written. */
    void finish() {
        for (int column = 0; column < widths.length; column++) {
            int chars = Math.max(widths[column], minWidths[column]);
            if (chars > 0) {
                sheet.setColumnWidth(column, Math.min(chars + 2, MAX_WIDTH) * 256);
            }
        }
        if (headerRow >= 0) {
            int last = tableEnd >= 0 ? tableEnd : nextRow - 1;
            sheet.createFreezePane(0, headerRow + 1);
            sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, last), 0, headerColumns - 1));
        }
        if (printSet) {
            PrintSetup setup = sheet.getPrintSetup();
            setup.setLandscape(true);
            setup.setPaperSize(PrintSetup.A4_PAPERSIZE);
            setup.setFitWidth((short) 1);
            setup.setFitHeight((short) 0);
            sheet.setFitToPage(true);
            sheet.setAutobreaks(true);
            if (headerRow >= 0) {
                sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
            }
            sheet.getHeader().setLeft(escapeHeader(printHeader));
            sheet.getHeader().setRight(escapeHeader(workbook.title()));
            sheet.getFooter().setCenter("Page &P of &N");
        }
    }

    /** In a print header "&" starts a code: a fund called "A&B" must print as written. */
    private static String escapeHeader(String text) {
        return text == null ? "" : text.replace("&", "&&");
    }
}
