package org.trustfund.contribution.imports;

import org.trustfund.platform.BusinessException;
import org.trustfund.spreadsheet.XlsxReading;
import org.trustfund.spreadsheet.XlsxRefusal;

/**
 * The contribution import's use of {@link XlsxReading}: its limits (a 10 MB file, {@value #MAX_ROWS} rows,
 * columns A to Z) and its wording of each refusal, as a {@link BusinessException} on the field {@code file}.
 * The reading itself (SAX, POI's guards, no external entities) is {@link XlsxReading}'s.
 */
final class XlsxSheetReader {

    static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
    static final int MAX_ROWS = 200_000;
    static final int MAX_COLUMNS = 26;
    static final int MAX_CELL_CHARS = XlsxReading.MAX_CELL_CHARS;
    private static final String FIELD = "file";
    /** The header row plus the data rows. */
    private static final XlsxReading.Limits LIMITS = new XlsxReading.Limits(MAX_ROWS + 1, MAX_COLUMNS, MAX_CELL_CHARS);

    private XlsxSheetReader() {
    }

    /** Reads the first worksheet; what the sink throws passes through. */
    static void read(byte[] content, XlsxReading.RowSink sink) {
        if (content == null || content.length == 0) {
            throw new BusinessException(FIELD, "import.file.empty");
        }
        if (content.length > MAX_FILE_BYTES) {
            throw new BusinessException(FIELD, "import.file.tooLarge", MAX_FILE_BYTES / (1024 * 1024));
        }
        switch (XlsxReading.format(content)) {
            case OLD_OR_PROTECTED -> throw new BusinessException(FIELD, "import.file.oldOrProtected");
            case OTHER -> throw new BusinessException(FIELD, "import.file.notXlsx");
            case XLSX -> {
                // read below
            }
        }
        try {
            XlsxReading.read(content, null, LIMITS, sink);
        } catch (XlsxRefusal e) {
            throw switch (e.reason()) {
                case ZIP_BOMB -> new BusinessException(FIELD, "import.file.zipBomb");
                case NO_SHEET -> new BusinessException(FIELD, "import.file.noSheet");
                case TOO_MANY_ROWS -> new BusinessException(FIELD, "import.file.tooManyRows", MAX_ROWS);
                case TOO_MANY_COLUMNS -> new BusinessException(FIELD, "import.file.tooManyColumns",
                        e.cell(), letters(MAX_COLUMNS - 1));
                case CELL_TOO_LONG -> new BusinessException(FIELD, "import.file.cellTooLong", e.cell(), MAX_CELL_CHARS);
                case UNREADABLE -> new BusinessException(FIELD, "import.file.notXlsx");
            };
        }
    }

    static String letters(int column) {
        return XlsxReading.letters(column);
    }

    static int columnOf(String reference) {
        return XlsxReading.columnOf(reference);
    }
}
