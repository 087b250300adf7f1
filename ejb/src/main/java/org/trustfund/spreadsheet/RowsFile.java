package org.trustfund.spreadsheet;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DateUtil;
import org.trustfund.platform.BusinessException;

/**
 * The rows of an uploaded table, an xlsx (first sheet) or a CSV file, as text: what the gift import and the DSA rate
 * import read. A refusal names the upload's field, so the officer reads it at the file input.
 */
public final class RowsFile {

    private RowsFile() {
    }

    /** The file's rows as text, whether xlsx or CSV; empty rows left out. */
    public static List<String[]> read(byte[] content, String field, int columns, int maxRows, String notCsvKey) {
        return switch (XlsxReading.format(content)) {
            case XLSX -> readXlsx(content, field, columns, maxRows);
            case OLD_OR_PROTECTED -> throw new BusinessException(field, "import.file.oldOrProtected");
            case OTHER -> readCsv(content, field, maxRows, notCsvKey);
        };
    }

    private static List<String[]> readXlsx(byte[] content, String field, int columns, int maxRows) {
        List<String[]> rows = new ArrayList<>();
        boolean[] date1904 = {false};
        try {
            XlsxReading.read(content, null, new XlsxReading.Limits(maxRows + 1, columns, 1000), new XlsxReading.RowSink() {
                @Override
                public void workbook(boolean dates1904) {
                    date1904[0] = dates1904;
                }

                @Override
                public void row(int rowNumber, List<XlsxCell> cells) {
                    String[] row = new String[columns];
                    for (XlsxCell c : cells) {
                        if (c.column() < row.length) {
                            row[c.column()] = text(c, date1904[0]);
                        }
                    }
                    rows.add(row);
                }
            });
        } catch (XlsxRefusal e) {
            throw switch (e.reason()) {
                case ZIP_BOMB -> new BusinessException(field, "import.file.zipBomb");
                case NO_SHEET -> new BusinessException(field, "import.file.noSheet");
                case TOO_MANY_ROWS -> new BusinessException(field, "import.file.tooManyRows", maxRows);
                case TOO_MANY_COLUMNS -> new BusinessException(field, "import.file.tooManyColumns", e.cell(),
                        XlsxReading.letters(columns - 1));
                case CELL_TOO_LONG -> new BusinessException(field, "import.file.cellTooLong", e.cell(), 1000);
                case UNREADABLE -> new BusinessException(field, "import.file.notXlsx");
            };
        }
        return rows;
    }

    /** A cell as text: a date cell as its ISO date, a number in plain notation, anything else as written. */
    private static String text(XlsxCell c, boolean date1904) {
        if (c.kind() == XlsxCell.Kind.NUMBER) {
            double serial = Double.parseDouble(c.value());
            if (c.dateFormatted() && serial == Math.rint(serial) && DateUtil.isValidExcelDate(serial)) {
                return DateUtil.getLocalDateTime(serial, date1904).toLocalDate().toString();
            }
            return new BigDecimal(c.value()).toPlainString();
        }
        return c.value();
    }

    /**
     * CSV as RFC 4180 writes it (quoted fields, doubled quotes, line breaks inside quotes), separated by commas or,
     * when the header has more semicolons than commas (a French spreadsheet's export), by semicolons. UTF-8, with or
     * without a byte order mark.
     */
    static List<String[]> readCsv(byte[] content, String field, int maxRows, String notCsvKey) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\ufeff")) {
            text = text.substring(1);
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new BusinessException(field, notCsvKey);
        }
        int firstLineEnd = text.indexOf('\n') < 0 ? text.length() : text.indexOf('\n');
        String header = text.substring(0, firstLineEnd);
        char separator = header.chars().filter(ch -> ch == ';').count() > header.chars().filter(ch -> ch == ',').count()
                ? ';' : ',';
        List<String[]> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.length() == 0) {
                quoted = true;
            } else if (ch == separator) {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endRow(rows, row, cell);
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
            if (rows.size() > maxRows + 1) {
                throw new BusinessException(field, "import.file.tooManyRows", maxRows);
            }
        }
        endRow(rows, row, cell);
        return rows;
    }

    private static void endRow(List<String[]> rows, List<String> row, StringBuilder cell) {
        row.add(cell.toString());
        cell.setLength(0);
        if (row.stream().anyMatch(f -> !f.isBlank())) {
            rows.add(row.toArray(String[]::new));
        }
    }

}
