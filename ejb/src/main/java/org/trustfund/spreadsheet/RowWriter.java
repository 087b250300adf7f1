package org.trustfund.spreadsheet;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;

/** Writes the cells of one row, left to right. A null value leaves its cell empty. */
public final class RowWriter {

    /** Excel's limit for the text of one cell. */
    static final int MAX_TEXT = 32_767;

    private final SheetWriter sheet;
    private final Row row;
    private final Styles styles;
    private int column;

    RowWriter(SheetWriter sheet, Row row, Styles styles) {
        this.sheet = sheet;
        this.row = row;
        this.styles = styles;
    }

    public int rowIndex() {
        return row.getRowNum();
    }

    /** The 0-based column the next cell goes into. */
    public int column() {
        return column;
    }

    /** Always a text cell, never a formula, whatever it starts with (see {@link #isFormulaLike}). */
    public RowWriter text(String s) {
        return textStyled(s, styles.text());
    }

    public RowWriter bold(String s) {
        return textStyled(s, styles.bold());
    }

    private RowWriter textStyled(String s, CellStyle style) {
        if (s != null) {
            setText(row.createCell(column), s, style, styles.quotedText());
            sheet.measure(column, longestLine(s));
        }
        column++;
        return this;
    }

    public RowWriter integer(long n) {
        Cell cell = row.createCell(column);
        cell.setCellValue(n);
        cell.setCellStyle(styles.integer());
        sheet.measure(column, digits(n) + digits(n) / 3);
        column++;
        return this;
    }

    /** US dollars with two decimals; negatives show in brackets. */
    public RowWriter usd(BigDecimal v) {
        return number(v, styles.usd());
    }

    /** A total: US dollars in bold with a line above. */
    public RowWriter usdTotal(BigDecimal v) {
        return number(v, styles.usdTotal());
    }

    /** An amount in its own currency, shown with that currency's decimals. */
    public RowWriter amount(BigDecimal v, int minorUnits) {
        return number(v, styles.amount(minorUnits));
    }

    public RowWriter rate(BigDecimal v) {
        return number(v, styles.rate());
    }

    private RowWriter number(BigDecimal v, CellStyle style) {
        if (v != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(v.doubleValue());
            cell.setCellStyle(style);
            sheet.measure(column, formattedLength(v));
        }
        column++;
        return this;
    }

    public RowWriter date(LocalDate d) {
        if (d != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(d);
            cell.setCellStyle(styles.date());
            sheet.measure(column, 10);
        }
        column++;
        return this;
    }

    /** An instant as its UTC date and time. */
    public RowWriter timestamp(Instant t) {
        if (t != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
            cell.setCellStyle(styles.timestamp());
            sheet.measure(column, 19);
        }
        column++;
        return this;
    }

    /**
     * A formula in US dollars, with the value it computes written beside it: a reader that does not recalculate
     * (a preview, a script reading values) sees the figure, and recalculation must give the same.
     */
    public RowWriter formula(String excelFormula, BigDecimal cachedValue) {
        return formulaStyled(excelFormula, cachedValue, styles.usd());
    }

    public RowWriter formulaTotal(String excelFormula, BigDecimal cachedValue) {
        return formulaStyled(excelFormula, cachedValue, styles.usdTotal());
    }

    /** A formula that counts (trips, rows), shown as a whole number, with its value beside it. */
    public RowWriter integerFormula(String excelFormula, long cachedValue) {
        return formulaStyled(excelFormula, BigDecimal.valueOf(cachedValue), styles.integer());
    }

    private RowWriter formulaStyled(String excelFormula, BigDecimal cachedValue, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellFormula(excelFormula.startsWith("=") ? excelFormula.substring(1) : excelFormula);
        cell.setCellValue(cachedValue.doubleValue());
        cell.setCellStyle(style);
        sheet.measure(column, formattedLength(cachedValue));
        column++;
        return this;
    }

    /** Text that opens cell A1 of another sheet of the workbook. */
    public RowWriter link(String text, String sheetName) {
        Cell cell = row.createCell(column);
        setText(cell, text, styles.link(), styles.link());
        Hyperlink link = row.getSheet().getWorkbook().getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
        link.setAddress(new CellReference(sheetName, 0, 0, false, false).formatAsString(true));
        cell.setHyperlink(link);
        sheet.measure(column, text.length());
        column++;
        return this;
    }

    public RowWriter blank() {
        column++;
        return this;
    }

    public RowWriter skipTo(int targetColumn) {
        column = Math.max(column, targetColumn);
        return this;
    }

    /**
     * Whether a spreadsheet program would take typed text as a formula (or, in a CSV, run it): = + - @ at the start,
     * or a tab or carriage return before one.
     */
    public static boolean isFormulaLike(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        char first = s.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /** Writes text as a text cell; formula-like text also gets the quote prefix, so editing it keeps it text. */
    static void setText(Cell cell, String s, CellStyle style, CellStyle quotedStyle) {
        String value = s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s;
        cell.setCellValue(value);
        cell.setCellStyle(isFormulaLike(value) && quotedStyle != style ? quoted(cell, style, quotedStyle) : style);
    }

    private static CellStyle quoted(Cell cell, CellStyle style, CellStyle quotedStyle) {
        return style.getQuotePrefixed() ? style : quotedStyle;
    }

    private static int longestLine(String s) {
        int longest = 0;
        int current = 0;
        for (int i = 0; i < s.length() && longest < 200; i++) {
            if (s.charAt(i) == '\n') {
                current = 0;
            } else if (++current > longest) {
                longest = current;
            }
        }
        return longest;
    }

    private static int digits(long n) {
        return Long.toString(Math.abs(n)).length() + (n < 0 ? 1 : 0);
    }

    /** Length as shown with separators and two decimals, brackets for negatives: enough for the column's width. */
    private static int formattedLength(BigDecimal v) {
        int integerDigits = Math.max(1, v.precision() - v.scale());
        return integerDigits + (integerDigits - 1) / 3 + 3 + (v.signum() < 0 ? 2 : 0);
    }
}
