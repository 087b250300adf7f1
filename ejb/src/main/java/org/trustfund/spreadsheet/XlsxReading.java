package org.trustfund.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The one way the application reads an uploaded xlsx (the rate import, the contribution import): one
 * worksheet, row by row, with POI's event (SAX) API, so a large sheet is never held as a workbook in memory.
 * <p>
 * What protects the server lives here: POI's JVM-wide guards ({@link PoiLimits}: inflate ratio, largest part,
 * largest array), an optional pre-check of the whole zip ({@link #checkZip}), POI's hardened XML parser (no
 * external entities), and per-reader limits on rows, columns and cell length ({@link Limits}). Refusals are
 * {@link XlsxRefusal}s with a reason; each caller words them in its own messages. Whatever the
 * {@link RowSink} throws passes through unchanged.
 */
public final class XlsxReading {

    /** Excel's own limit for the text of one cell. */
    public static final int MAX_CELL_CHARS = 32_767;
    /** Excel's last column (XFD) is 16,384. */
    public static final int EXCEL_COLUMNS = 16_384;

    private static final Logger LOG = Logger.getLogger(XlsxReading.class.getName());

    /** What the first bytes of a file say it is. */
    public enum Format {
        XLSX,
        /** An .xls of Excel 97-2003, or an xlsx protected by a password (wrapped in the same OLE2 container). */
        OLD_OR_PROTECTED,
        OTHER
    }

    /**
     * A reader's own limits.
     *
     * @param maxRows non-empty rows, the header included
     * @param maxColumns a non-empty cell at or beyond this 0-based column is refused
     * @param maxCellChars the longest text of one cell
     */
    public record Limits(int maxRows, int maxColumns, int maxCellChars) {
    }

    /** Receives the rows in order; row numbers are those Excel shows (the first row is 1). */
    public interface RowSink {

        /** Called once before the rows: whether the workbook counts dates from 1904 (old Mac files) or 1900. */
        default void workbook(boolean date1904) {
        }

        /** A row with at least one non-empty cell, the cells left to right. */
        void row(int rowNumber, List<XlsxCell> cells);
    }

    private XlsxReading() {
    }

    public static Format format(byte[] content) {
        if (content == null || content.length == 0) {
            return Format.OTHER;
        }
        FileMagic magic;
        try {
            magic = FileMagic.valueOf(content);
        } catch (RuntimeException e) {
            return Format.OTHER;
        }
        if (magic == FileMagic.OLE2) {
            return Format.OLD_OR_PROTECTED;
        }
        return magic == FileMagic.OOXML ? Format.XLSX : Format.OTHER;
    }

    /**
     * Inflates every entry of the zip (keeping nothing) and refuses it before POI sees it if it inflates beyond
     * {@code maxInflatedBytes} in all or has more than {@code maxEntries} parts: what a small workbook cannot do.
     *
     * @return how many entries the zip has (0: not a workbook at all)
     */
    public static int checkZip(byte[] content, int maxEntries, long maxInflatedBytes) {
        long inflated = 0;
        int entries = 0;
        byte[] buffer = new byte[16 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > maxEntries) {
                    throw XlsxRefusal.of(XlsxRefusal.Reason.ZIP_BOMB);
                }
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    inflated += n;
                    if (inflated > maxInflatedBytes) {
                        throw XlsxRefusal.of(XlsxRefusal.Reason.ZIP_BOMB);
                    }
                }
            }
        } catch (IOException e) {
            LOG.log(Level.INFO, "Spreadsheet refused as unreadable: {0}", e.getMessage());
            throw new XlsxRefusal(XlsxRefusal.Reason.UNREADABLE, null, 0, e);
        }
        return entries;
    }

    /**
     * Reads one worksheet: the one named {@code sheetName} (case ignored, as Excel does) if there is one,
     * else the first.
     *
     * @throws XlsxRefusal if the file is not a readable workbook or breaks a limit
     */
    public static void read(byte[] content, String sheetName, Limits limits, RowSink sink) {
        PoiLimits.apply();
        Path temp = null;
        try {
            // From a file POI inflates each part as it is read, instead of every part into memory up front.
            temp = Files.createTempFile("trustfund-xlsx-", ".xlsx");
            Files.write(temp, content);
            try (OPCPackage pkg = OPCPackage.open(temp.toFile(), PackageAccess.READ)) {
                readSheet(pkg, sheetName, limits, sink);
            }
        } catch (XlsxRefusal e) {
            throw e;
        } catch (SinkFailure e) {
            throw e.failure;
        } catch (Exception e) {
            throw refusal(e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void readSheet(OPCPackage pkg, String sheetName, Limits limits, RowSink sink) throws Exception {
        XSSFReader reader = new XSSFReader(pkg);
        boolean date1904 = isDate1904(reader);
        StylesTable styles = reader.getStylesTable();
        ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
        int index = sheetIndex(reader, sheetName);
        XSSFReader.SheetIterator sheets = reader.getSheetIterator();
        for (int i = 0; i < index; i++) {
            sheets.next().close();
        }
        try {
            sink.workbook(date1904);
        } catch (RuntimeException e) {
            throw new SinkFailure(e);
        }
        try (InputStream sheet = sheets.next()) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new SheetHandler(styles, strings, limits, sink));
            xml.parse(new InputSource(sheet));
        }
    }

    /** The position of the sheet named so, else 0; refuses a workbook without sheets. */
    private static int sheetIndex(XSSFReader reader, String sheetName) throws Exception {
        XSSFReader.SheetIterator sheets = reader.getSheetIterator();
        if (!sheets.hasNext()) {
            throw XlsxRefusal.of(XlsxRefusal.Reason.NO_SHEET);
        }
        if (sheetName == null) {
            return 0;
        }
        for (int i = 0; sheets.hasNext(); i++) {
            try (InputStream ignored = sheets.next()) {
                if (sheetName.equalsIgnoreCase(sheets.getSheetName())) {
                    return i;
                }
            }
        }
        return 0;
    }

    private static boolean isDate1904(XSSFReader reader) throws Exception {
        boolean[] found = {false};
        try (InputStream workbook = reader.getWorkbookData()) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attrs) {
                    if ("workbookPr".equals(localName)) {
                        String v = attrs.getValue("date1904");
                        found[0] = "1".equals(v) || "true".equalsIgnoreCase(v);
                    }
                }
            });
            xml.parse(new InputSource(workbook));
        }
        return found[0];
    }

    /** Turns what POI threw into a reason; the detail goes to the server log. */
    private static XlsxRefusal refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof XlsxRefusal refusal) {
                return refusal;
            }
            String message = t.getMessage();
            // POI signals its guards with a plain IOException; its message is the only mark.
            if (message != null && (message.startsWith("Zip bomb detected")
                    || message.startsWith("The file appears to be potentially malicious")
                    || message.toLowerCase(java.util.Locale.ROOT).contains("zip bomb"))) {
                LOG.log(Level.WARNING, "Spreadsheet refused as a zip bomb: {0}", message.lines().findFirst().orElse(""));
                return new XlsxRefusal(XlsxRefusal.Reason.ZIP_BOMB, null, 0, e);
            }
        }
        LOG.log(Level.INFO, "Spreadsheet refused as unreadable", e);
        return new XlsxRefusal(XlsxRefusal.Reason.UNREADABLE, null, 0, e);
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not delete the temporary spreadsheet " + temp, e);
            }
        }
    }

    /** Column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA. */
    public static String letters(int column) {
        StringBuilder s = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            s.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return s.toString();
    }

    /** 0-based column of a cell reference such as {@code AB12}, or -1 if there is none. */
    public static int columnOf(String reference) {
        if (reference == null) {
            return -1;
        }
        int column = 0;
        int i = 0;
        for (; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
            if (column > EXCEL_COLUMNS) {
                return Integer.MAX_VALUE;
            }
        }
        return i == 0 ? -1 : column - 1;
    }

    /** Carries what the sink threw through the SAX parser and POI, to be rethrown as it was. */
    private static final class SinkFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient RuntimeException failure;

        SinkFailure(RuntimeException failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }
    }

    /** The SAX handler for one worksheet part ({@code <sheetData><row><c><v>…}). */
    private static final class SheetHandler extends DefaultHandler {

        private final StylesTable styles;
        private final ReadOnlySharedStringsTable strings;
        private final Limits limits;
        private final RowSink sink;
        private final Map<Integer, Boolean> dateStyles = new HashMap<>();

        private int rowNumber;
        private int rowsDelivered;
        private List<XlsxCell> cells;
        private int nextColumn;

        private int column;
        private String type;
        private String style;
        private boolean formula;
        private boolean inValue;
        private boolean inInlineText;
        private final StringBuilder value = new StringBuilder();
        private boolean hasValue;

        SheetHandler(StylesTable styles, ReadOnlySharedStringsTable strings, Limits limits, RowSink sink) {
            this.styles = styles;
            this.strings = strings;
            this.limits = limits;
            this.sink = sink;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attrs) {
            switch (localName) {
                case "row" -> {
                    String r = attrs.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    cells = new ArrayList<>();
                    nextColumn = 0;
                }
                case "c" -> {
                    int referenced = columnOf(attrs.getValue("r"));
                    column = referenced < 0 ? nextColumn : referenced;
                    nextColumn = column + 1;
                    type = attrs.getValue("t");
                    style = attrs.getValue("s");
                    formula = false;
                    hasValue = false;
                    value.setLength(0);
                }
                case "f" -> formula = true;
                case "v" -> {
                    inValue = true;
                    hasValue = true;
                }
                case "is" -> hasValue = true;
                case "t" -> inInlineText = "inlineStr".equals(type);
                default -> {
                    // Formatting, merged cells, hyperlinks and the like carry no data.
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue || inInlineText) {
                if (value.length() + length > limits.maxCellChars()) {
                    throw new XlsxRefusal(XlsxRefusal.Reason.CELL_TOO_LONG, letters(column) + rowNumber,
                            limits.maxCellChars(), null);
                }
                value.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v" -> inValue = false;
                case "t" -> inInlineText = false;
                case "c" -> endCell();
                case "row" -> endRow();
                default -> {
                    // Nothing to finish.
                }
            }
        }

        private void endCell() {
            XlsxCell cell = cell();
            if (cell == null) {
                return;
            }
            if (column >= limits.maxColumns()) {
                throw new XlsxRefusal(XlsxRefusal.Reason.TOO_MANY_COLUMNS, letters(column) + rowNumber,
                        limits.maxColumns(), null);
            }
            cells.add(cell);
        }

        private XlsxCell cell() {
            if (!hasValue) {
                return formula ? new XlsxCell(column, XlsxCell.Kind.FORMULA_WITHOUT_VALUE, "", false) : null;
            }
            String raw = value.toString();
            String t = type == null ? "n" : type;
            return switch (t) {
                case "s" -> text(sharedString(raw));
                case "inlineStr", "str", "d" -> text(raw);
                case "b" -> new XlsxCell(column, XlsxCell.Kind.BOOLEAN, "1".equals(raw.trim()) ? "TRUE" : "FALSE", false);
                case "e" -> new XlsxCell(column, XlsxCell.Kind.ERROR, raw.trim(), false);
                default -> raw.isBlank() ? null : new XlsxCell(column, XlsxCell.Kind.NUMBER, raw.trim(), isDateStyle());
            };
        }

        private XlsxCell text(String s) {
            return s == null || s.isBlank() ? null : new XlsxCell(column, XlsxCell.Kind.TEXT, s.strip(), false);
        }

        private String sharedString(String index) {
            try {
                return strings.getItemAt(Integer.parseInt(index.trim())).getString();
            } catch (RuntimeException e) {
                throw new XlsxRefusal(XlsxRefusal.Reason.UNREADABLE, null, 0, e);
            }
        }

        private boolean isDateStyle() {
            if (style == null || style.isBlank()) {
                return false;
            }
            int index;
            try {
                index = Integer.parseInt(style.trim());
            } catch (NumberFormatException e) {
                return false;
            }
            return dateStyles.computeIfAbsent(index, i -> {
                if (styles == null || i < 0 || i >= styles.getNumCellStyles()) {
                    return false;
                }
                XSSFCellStyle cellStyle = styles.getStyleAt(i);
                short format = cellStyle.getDataFormat();
                String pattern = cellStyle.getDataFormatString();
                if (pattern == null) {
                    pattern = BuiltinFormats.getBuiltinFormat(format);
                }
                return pattern != null && DateUtil.isADateFormat(format, pattern);
            });
        }

        private void endRow() {
            if (cells == null || cells.isEmpty()) {
                return;
            }
            if (++rowsDelivered > limits.maxRows()) {
                throw new XlsxRefusal(XlsxRefusal.Reason.TOO_MANY_ROWS, null, limits.maxRows(), null);
            }
            List<XlsxCell> row = cells;
            cells = null;
            try {
                sink.row(rowNumber, row);
            } catch (RuntimeException e) {
                throw new SinkFailure(e);
            }
        }
    }
}
