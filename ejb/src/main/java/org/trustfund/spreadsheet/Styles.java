package org.trustfund.spreadsheet;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The workbook's cell styles, made once each: a workbook holds at most 64,000 styles, and one per cell would
 * also make the file large and slow to open.
 */
public final class Styles {

    /** US dollars: thousands separators, two decimals, negatives in brackets. */
    public static final String USD_FORMAT = "#,##0.00;(#,##0.00)";
    public static final String DATE_FORMAT = "yyyy-mm-dd";
    public static final String TIMESTAMP_FORMAT = "yyyy-mm-dd hh:mm:ss";
    public static final String RATE_FORMAT = "0.000000";

    private final Workbook workbook;
    private final CellStyle text;
    private final CellStyle quotedText;
    private final CellStyle bold;
    private final CellStyle title;
    private final CellStyle header;
    private final CellStyle integer;
    private final CellStyle usd;
    private final CellStyle usdTotal;
    private final CellStyle rate;
    private final CellStyle date;
    private final CellStyle timestamp;
    private final CellStyle link;
    private final Map<Integer, CellStyle> amounts = new HashMap<>();

    Styles(Workbook workbook) {
        this.workbook = workbook;
        Font boldFont = workbook.createFont();
        boldFont.setBold(true);
        Font titleFont = workbook.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 14);
        Font linkFont = workbook.createFont();
        linkFont.setUnderline(Font.U_SINGLE);
        linkFont.setColor(IndexedColors.BLUE.getIndex());

        text = workbook.createCellStyle();
        // Shown as typed, and kept as text if someone edits the cell: "=1+1" stays "=1+1", never a formula.
        quotedText = workbook.createCellStyle();
        quotedText.setQuotePrefixed(true);
        bold = workbook.createCellStyle();
        bold.setFont(boldFont);
        title = workbook.createCellStyle();
        title.setFont(titleFont);
        header = workbook.createCellStyle();
        header.setFont(boldFont);
        header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.TOP);
        integer = numeric("#,##0", false);
        usd = numeric(USD_FORMAT, false);
        usdTotal = numeric(USD_FORMAT, true);
        usdTotal.setFont(boldFont);
        rate = numeric(RATE_FORMAT, false);
        date = numeric(DATE_FORMAT, false);
        timestamp = numeric(TIMESTAMP_FORMAT, false);
        link = workbook.createCellStyle();
        link.setFont(linkFont);
    }

    private CellStyle numeric(String format, boolean topBorder) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        if (topBorder) {
            style.setBorderTop(BorderStyle.THIN);
        }
        return style;
    }

    /** An amount in a currency with {@code minorUnits} decimals (JPY 0, USD 2, KWD 3), negatives in brackets. */
    public CellStyle amount(int minorUnits) {
        return amounts.computeIfAbsent(minorUnits, units -> {
            String number = units <= 0 ? "#,##0" : "#,##0." + "0".repeat(units);
            return numeric(number + ";(" + number + ")", false);
        });
    }

    public CellStyle text() {
        return text;
    }

    public CellStyle quotedText() {
        return quotedText;
    }

    public CellStyle bold() {
        return bold;
    }

    public CellStyle title() {
        return title;
    }

    public CellStyle header() {
        return header;
    }

    public CellStyle integer() {
        return integer;
    }

    public CellStyle usd() {
        return usd;
    }

    public CellStyle usdTotal() {
        return usdTotal;
    }

    public CellStyle rate() {
        return rate;
    }

    public CellStyle date() {
        return date;
    }

    public CellStyle timestamp() {
        return timestamp;
    }

    public CellStyle link() {
        return link;
    }
}
