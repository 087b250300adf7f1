package org.trustfund.contribution.imports;

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
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.trustfund.platform.BusinessException;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first worksheet of an xlsx file row by row with POI's event (SAX) API, so that a file of
 * 100,000 rows is never held as a workbook in memory. Hands each non-empty row to a {@link RowSink} as raw
 * cells (text, number with its date formatting, and so on); what the cells mean is the caller's business.
 *
 * <p>Refuses, with a {@link BusinessException} on the field {@code file}, what is not a plain xlsx workbook
 * or is built to hurt: other formats (checked by magic bytes, then by POI), zip bombs (POI's inflate-ratio
 * and entry-size guards), more than {@value #MAX_ROWS} rows, values beyond column {@value #MAX_COLUMNS},
 * cells longer than Excel allows. Formulas are read as their cached value (what the user saw); a formula
 * without one is flagged on its cell. The XML parser is POI's hardened one (no external entities).
 */
final class XlsxSheetReader {

    static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
    static final int MAX_ROWS = 200_000;
    static final int MAX_COLUMNS = 26;
    /** Excel's own limit for the text of one cell. */
    static final int MAX_CELL_CHARS = 32_767;
    /** The largest XML part POI may inflate: a 200,000-row sheet with inline strings stays well below. */
    static final long MAX_ENTRY_BYTES = 300L * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(XlsxSheetReader.class.getName());
    private static final String FIELD = "file";

    static {
        // Process-wide settings of POI. Both are at least as strict as POI's defaults (ratio 0.01, 4 GB).
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    /** What a cell holds, before any meaning is given to it. */
    enum Kind { TEXT, NUMBER, BOOLEAN, ERROR, FORMULA_WITHOUT_VALUE }

    /**
     * One non-empty cell.
     *
     * @param column 0 for A
     * @param value text as written, a number as stored (e.g. {@code 1250.5}), TRUE/FALSE, or an error code
     * @param dateFormatted a number shown as a date or time by its cell format
     */
    record Cell(int column, Kind kind, String value, boolean dateFormatted) {

        String columnLetters() {
            return letters(column);
        }
    }

    /** Receives the rows in order; row numbers are those Excel shows (the first row is 1). */
    interface RowSink {

        /** Called once before the rows: whether the workbook counts dates from 1904 (old Mac files) or 1900. */
        default void workbook(boolean date1904) {
        }

        void row(int rowNumber, List<Cell> cells);
    }

    private XlsxSheetReader() {
    }

    static void read(byte[] content, RowSink sink) {
        if (content == null || content.length == 0) {
            throw new BusinessException(FIELD, "import.file.empty");
        }
        if (content.length > MAX_FILE_BYTES) {
            throw new BusinessException(FIELD, "import.file.tooLarge", MAX_FILE_BYTES / (1024 * 1024));
        }
        FileMagic magic = FileMagic.valueOf(content);
        if (magic == FileMagic.OLE2) {
            // An .xls of Excel 97-2003, or an xlsx protected by a password (wrapped in OLE2).
            throw new BusinessException(FIELD, "import.file.oldOrProtected");
        }
        if (magic != FileMagic.OOXML) {
            throw new BusinessException(FIELD, "import.file.notXlsx");
        }
        Path temp = null;
        try {
            // From a file POI inflates each part as it is read, instead of every part into memory up front.
            temp = Files.createTempFile("trustfund-import-", ".xlsx");
            Files.write(temp, content);
            try (OPCPackage pkg = OPCPackage.open(temp.toFile(), PackageAccess.READ)) {
                readFirstSheet(pkg, sink);
            }
        } catch (BusinessException e) {
            throw e;
        } catch (StopReading e) {
            throw e.reason;
        } catch (Exception e) {
            throw refusal(e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void readFirstSheet(OPCPackage pkg, RowSink sink) throws Exception {
        XSSFReader reader = new XSSFReader(pkg);
        sink.workbook(isDate1904(reader));
        StylesTable styles = reader.getStylesTable();
        ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
        XSSFReader.SheetIterator sheets = reader.getSheetIterator();
        if (!sheets.hasNext()) {
            throw new BusinessException(FIELD, "import.file.noSheet");
        }
        try (InputStream sheet = sheets.next()) {
            SheetHandler handler = new SheetHandler(styles, strings, sink);
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(handler);
            xml.parse(new InputSource(sheet));
        }
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

    /** Turns what POI threw into a message the user can act on; the detail goes to the server log. */
    private static BusinessException refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StopReading stop) {
                return stop.reason;
            }
            String message = t.getMessage();
            // POI signals both guards with a plain IOException; its message is the only mark.
            if (message != null && (message.startsWith("Zip bomb detected")
                    || message.startsWith("The file appears to be potentially malicious"))) {
                LOG.log(Level.WARNING, "Import refused a zip bomb: {0}", message.lines().findFirst().orElse(""));
                return new BusinessException(FIELD, "import.file.zipBomb");
            }
        }
        LOG.log(Level.INFO, "Import refused an unreadable file", e);
        return new BusinessException(FIELD, "import.file.notXlsx");
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not delete the temporary import file " + temp, e);
            }
        }
    }

    /** Column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA. */
    static String letters(int column) {
        StringBuilder s = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            s.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return s.toString();
    }

    /** 0-based column of a cell reference such as {@code AB12}, or -1 if there is none. */
    static int columnOf(String reference) {
        if (reference == null) {
            return -1;
        }
        int column = 0;
        int i = 0;
        for (; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
            if (column > 16_384) {
                return Integer.MAX_VALUE;
            }
        }
        return i == 0 ? -1 : column - 1;
    }

    /** Ends the parse early with a refusal; unchecked so it passes through the SAX parser untouched. */
    private static final class StopReading extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient BusinessException reason;

        StopReading(BusinessException reason) {
            super(reason.getMessage(), null, false, false);
            this.reason = reason;
        }
    }

    /** The SAX handler for one worksheet part ({@code <sheetData><row><c><v>…}). */
    private static final class SheetHandler extends DefaultHandler {

        private final StylesTable styles;
        private final ReadOnlySharedStringsTable strings;
        private final RowSink sink;
        private final Map<Integer, Boolean> dateStyles = new HashMap<>();

        private int rowNumber;
        private int rowsDelivered;
        private List<Cell> cells;
        private int nextColumn;

        private int column;
        private String type;
        private String style;
        private boolean formula;
        private boolean inValue;
        private boolean inInlineText;
        private final StringBuilder value = new StringBuilder();
        private boolean hasValue;

        SheetHandler(StylesTable styles, ReadOnlySharedStringsTable strings, RowSink sink) {
            this.styles = styles;
            this.strings = strings;
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
                if (value.length() + length > MAX_CELL_CHARS) {
                    throw new StopReading(new BusinessException(FIELD, "import.file.cellTooLong",
                            letters(column) + rowNumber, MAX_CELL_CHARS));
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
            Cell cell = cell();
            if (cell == null) {
                return;
            }
            if (column >= MAX_COLUMNS) {
                throw new StopReading(new BusinessException(FIELD, "import.file.tooManyColumns",
                        letters(column) + rowNumber, letters(MAX_COLUMNS - 1)));
            }
            cells.add(cell);
        }

        private Cell cell() {
            if (!hasValue) {
                return formula ? new Cell(column, Kind.FORMULA_WITHOUT_VALUE, "", false) : null;
            }
            String raw = value.toString();
            String t = type == null ? "n" : type;
            return switch (t) {
                case "s" -> text(sharedString(raw));
                case "inlineStr", "str", "d" -> text(raw);
                case "b" -> new Cell(column, Kind.BOOLEAN, "1".equals(raw.trim()) ? "TRUE" : "FALSE", false);
                case "e" -> new Cell(column, Kind.ERROR, raw.trim(), false);
                default -> raw.isBlank() ? null : new Cell(column, Kind.NUMBER, raw.trim(), isDateStyle());
            };
        }

        private Cell text(String s) {
            return s == null || s.isBlank() ? null : new Cell(column, Kind.TEXT, s.strip(), false);
        }

        private String sharedString(String index) {
            try {
                return strings.getItemAt(Integer.parseInt(index.trim())).getString();
            } catch (RuntimeException e) {
                throw new StopReading(new BusinessException(FIELD, "import.file.notXlsx"));
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
            rowsDelivered++;
            // The header row plus the data rows.
            if (rowsDelivered > MAX_ROWS + 1) {
                throw new StopReading(new BusinessException(FIELD, "import.file.tooManyRows", MAX_ROWS));
            }
            sink.row(rowNumber, cells);
            cells = null;
        }
    }
}
