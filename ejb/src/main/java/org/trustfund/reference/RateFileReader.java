package org.trustfund.reference;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;
import org.trustfund.platform.BusinessException;
import org.trustfund.spreadsheet.XlsxCell;
import org.trustfund.spreadsheet.XlsxReading;
import org.trustfund.spreadsheet.XlsxRefusal;

/**
 * Reads a file of UN operational rates, as xlsx or CSV, with the columns {@code currency},
 * {@code effective_date} (yyyy-mm-dd) and {@code units_per_usd}, named in the first row in any order.
 * <p>
 * Every row is read, and every cell that is wrong is reported with its row and column, so one pass shows
 * everything to fix. Only the form of each row is checked here; whether a currency is accepted and whether a
 * rate is already recorded is for {@link ReferenceData#importRateFile}.
 * <p>
 * A file that cannot be a rate file at all (another type, too big, a zip bomb, not UTF-8 text, no header) is
 * refused with a {@link BusinessException} on the field {@code file}, before any row is looked at.
 */
public final class RateFileReader {

    public static final String CURRENCY = "currency";
    public static final String EFFECTIVE_DATE = "effective_date";
    public static final String UNITS_PER_USD = "units_per_usd";
    public static final List<String> COLUMNS = List.of(CURRENCY, EFFECTIVE_DATE, UNITS_PER_USD);

    /** The sheet the template names; a workbook without it is read from its first sheet. */
    public static final String SHEET = "Rates";

    /** A year of rates for every currency is a few hundred kilobytes; 2 MB leaves room for years of history. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final String MAX_SIZE_TEXT = "2 MB";
    public static final int MAX_ROWS = 50_000;

    /** What a genuine rate workbook within {@link #MAX_BYTES} can inflate to; a bomb goes far beyond. */
    static final long MAX_INFLATED_BYTES = 50L * 1024 * 1024;
    static final int MAX_ZIP_ENTRIES = 200;
    /** The header and {@link #MAX_ROWS} rows; any number of columns (only three are read); Excel's cell length. */
    private static final XlsxReading.Limits XLSX_LIMITS = new XlsxReading.Limits(MAX_ROWS + 1,
            XlsxReading.EXCEL_COLUMNS, XlsxReading.MAX_CELL_CHARS);

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern CODE = Pattern.compile("[A-Za-z]{3}");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,30}(\\.\\d{1,30})?");
    /** Excel keeps 15 significant digits; more digits of a stored double are binary noise. */
    private static final MathContext EXCEL_DIGITS = new MathContext(15);
    private static final int MAX_INTEGER_DIGITS = 13;
    private static final int MAX_DECIMALS = 6;
    private static final int SHOWN_CHARS = 40;

    /** Reads at most {@link #MAX_BYTES} (and one more, to know it was too many) from the stream. */
    public RateFile read(String fileName, InputStream in) throws IOException {
        byte[] content = in.readNBytes(MAX_BYTES + 1);
        return read(fileName, content);
    }

    public RateFile read(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw refused("rate.file.empty");
        }
        if (content.length > MAX_BYTES) {
            throw refused("rate.file.tooLarge", MAX_SIZE_TEXT);
        }
        String name = fileName == null ? "" : fileName.trim();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (XlsxReading.format(content) == XlsxReading.Format.OLD_OR_PROTECTED) {
            // The old binary .xls, or an xlsx protected by a password: both are compound files.
            throw refused("rate.file.oldExcel");
        }
        boolean zip = XlsxReading.format(content) == XlsxReading.Format.XLSX;
        return switch (extension) {
            case "xlsx" -> {
                if (!zip) {
                    throw refused("rate.file.notXlsx");
                }
                yield readXlsx(content);
            }
            case "csv" -> {
                if (zip) {
                    throw refused("rate.file.notCsv");
                }
                yield readCsv(content);
            }
            default -> throw refused("rate.file.type", shown(name));
        };
    }

    // ---- xlsx

    private RateFile readXlsx(byte[] content) {
        Rows rows = new Rows();
        boolean[] date1904 = {false};
        try {
            // A rate workbook is small: a whole-zip check first refuses a bomb before POI opens a part.
            if (XlsxReading.checkZip(content, MAX_ZIP_ENTRIES, MAX_INFLATED_BYTES) == 0) {
                throw refused("rate.file.notXlsx");
            }
            XlsxReading.read(content, SHEET, XLSX_LIMITS, new XlsxReading.RowSink() {
                @Override
                public void workbook(boolean from1904) {
                    date1904[0] = from1904;
                }

                @Override
                public void row(int number, List<XlsxCell> cells) {
                    if (!rows.hasHeader()) {
                        List<String> names = new ArrayList<>();
                        for (XlsxCell cell : cells) {
                            while (names.size() < cell.column()) {
                                names.add("");
                            }
                            names.add(cell.value());
                        }
                        rows.header(names);
                    } else {
                        Map<Integer, XlsxCell> byColumn = new HashMap<>();
                        cells.forEach(cell -> byColumn.put(cell.column(), cell));
                        rows.add(number, index -> value(byColumn.get(index), date1904[0]));
                    }
                }
            });
        } catch (XlsxRefusal e) {
            throw switch (e.reason()) {
                case ZIP_BOMB -> refused("rate.file.bomb");
                case NO_SHEET -> refused("rate.file.noRows");
                case TOO_MANY_ROWS -> refused("rate.file.tooManyRows", String.valueOf(MAX_ROWS));
                default -> refused("rate.file.unreadable");
            };
        }
        return rows.result();
    }

    private static Value value(XlsxCell cell, boolean date1904) {
        if (cell == null) {
            return Value.BLANK;
        }
        return switch (cell.kind()) {
            case TEXT, BOOLEAN -> Value.text(cell.value());
            case NUMBER -> {
                double number;
                try {
                    number = Double.parseDouble(cell.value());
                } catch (NumberFormatException e) {
                    yield new Value(null, null, null, true);
                }
                yield cell.dateFormatted() && DateUtil.isValidExcelDate(number)
                        ? new Value(null, null, DateUtil.getLocalDateTime(number, date1904), false)
                        : new Value(null, number, null, false);
            }
            // A formula Excel never computed has no value to read: shown as an error, like #VALUE!.
            case ERROR, FORMULA_WITHOUT_VALUE -> new Value(null, null, null, true);
        };
    }

    // ---- CSV

    private RateFile readCsv(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw refused("rate.file.encoding");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\0') >= 0) {
            throw refused("rate.file.notCsv");
        }
        Rows rows = new Rows();
        for (CsvRecord record : parseCsv(text, delimiter(text))) {
            if (!rows.hasHeader()) {
                rows.header(record.fields());
            } else {
                rows.add(record.line(), index -> index < record.fields().size()
                        ? Value.text(record.fields().get(index)) : Value.BLANK);
            }
        }
        return rows.result();
    }

    private record CsvRecord(int line, List<String> fields) {
    }

    /** The separator of the first line: a comma, or the semicolon or tab a spreadsheet may save with. */
    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        long commas = first.chars().filter(c -> c == ',').count();
        long semicolons = first.chars().filter(c -> c == ';').count();
        long tabs = first.chars().filter(c -> c == '\t').count();
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    /** RFC 4180: fields may be quoted, with "" for a quote, and may then hold separators and line breaks. */
    private static List<CsvRecord> parseCsv(String text, char delimiter) {
        List<CsvRecord> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                field.setLength(0);
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                fields.add(field.toString());
                field.setLength(0);
                records.add(new CsvRecord(recordLine, List.copyOf(fields)));
                fields.clear();
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                recordLine = line;
                if (records.size() > MAX_ROWS + 1) {
                    throw refused("rate.file.tooManyRows", String.valueOf(MAX_ROWS));
                }
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw refused("rate.file.csv.quote", String.valueOf(recordLine));
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(new CsvRecord(recordLine, List.copyOf(fields)));
        }
        return records;
    }

    // ---- rows, whatever the format

    /** One cell as the file holds it: text, a number, a date, an error, or nothing. */
    private record Value(String text, Double number, LocalDateTime date, boolean error) {

        static final Value BLANK = new Value(null, null, null, false);

        static Value text(String text) {
            return text == null || text.isBlank() ? BLANK : new Value(text.trim(), null, null, false);
        }

        boolean isBlank() {
            return text == null && number == null && date == null && !error;
        }

        String shown() {
            if (text != null) {
                return RateFileReader.shown(text);
            }
            if (number != null) {
                return decimal(number).toPlainString();
            }
            return date != null ? date.toString().replace('T', ' ') : "#ERROR";
        }
    }

    /** Collects rows below the header, checking each cell, and remembers where each rate first appeared. */
    private static final class Rows {

        private Map<String, Integer> columns;
        private final List<RateFile.Line> lines = new ArrayList<>();
        private final List<RateFileProblem> problems = new ArrayList<>();
        private final Map<String, Integer> firstRowOfRate = new HashMap<>();
        private int dataRows;

        boolean hasHeader() {
            return columns != null;
        }

        /** The first row that is not blank names the columns. */
        void header(List<String> names) {
            if (names.stream().allMatch(n -> n == null || n.isBlank())) {
                return;
            }
            Map<String, Integer> found = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i) == null ? "" : names.get(i).replace("\uFEFF", "").trim()
                        .toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
                found.putIfAbsent(name, i);
            }
            for (String column : COLUMNS) {
                if (!found.containsKey(column)) {
                    throw refused("rate.file.header", column, String.join(", ", COLUMNS));
                }
            }
            columns = found;
        }

        void add(int row, IntFunction<Value> cellAt) {
            Value currencyCell = cellAt.apply(columns.get(CURRENCY));
            Value dateCell = cellAt.apply(columns.get(EFFECTIVE_DATE));
            Value unitsCell = cellAt.apply(columns.get(UNITS_PER_USD));
            if (currencyCell.isBlank() && dateCell.isBlank() && unitsCell.isBlank()) {
                return;
            }
            if (++dataRows > MAX_ROWS) {
                throw refused("rate.file.tooManyRows", String.valueOf(MAX_ROWS));
            }
            int before = problems.size();
            String currency = currency(row, currencyCell);
            LocalDate date = date(row, dateCell);
            BigDecimal units = units(row, unitsCell);
            if (currency != null && date != null) {
                Integer first = firstRowOfRate.putIfAbsent(currency + "@" + date, row);
                if (first != null) {
                    problems.add(RateFileProblem.of(row, EFFECTIVE_DATE, "rate.file.duplicate", currency,
                            date.toString(), String.valueOf(first)));
                }
            }
            if (problems.size() == before) {
                lines.add(new RateFile.Line(row, new RateRow(currency, date, units)));
            }
        }

        RateFile result() {
            if (!hasHeader()) {
                throw refused("rate.file.header", COLUMNS.get(0), String.join(", ", COLUMNS));
            }
            if (dataRows == 0) {
                throw refused("rate.file.noRows");
            }
            return new RateFile(dataRows, lines, problems);
        }

        private String currency(int row, Value cell) {
            if (cell.isBlank()) {
                problems.add(RateFileProblem.of(row, CURRENCY, "rate.file.required"));
                return null;
            }
            if (cell.text() == null || !CODE.matcher(cell.text()).matches()) {
                problems.add(RateFileProblem.of(row, CURRENCY, "rate.file.currency.format", cell.shown()));
                return null;
            }
            return cell.text().toUpperCase(Locale.ROOT);
        }

        private LocalDate date(int row, Value cell) {
            if (cell.isBlank()) {
                problems.add(RateFileProblem.of(row, EFFECTIVE_DATE, "rate.file.required"));
                return null;
            }
            if (cell.date() != null) {
                if (!cell.date().toLocalTime().equals(LocalTime.MIDNIGHT)) {
                    problems.add(RateFileProblem.of(row, EFFECTIVE_DATE, "rate.file.date.time", cell.shown()));
                    return null;
                }
                return cell.date().toLocalDate();
            }
            if (cell.text() != null) {
                try {
                    return LocalDate.parse(cell.text(), ISO_DATE);
                } catch (DateTimeParseException e) {
                    // reported below
                }
            }
            problems.add(RateFileProblem.of(row, EFFECTIVE_DATE, "rate.file.date.format", cell.shown()));
            return null;
        }

        private BigDecimal units(int row, Value cell) {
            if (cell.isBlank()) {
                problems.add(RateFileProblem.of(row, UNITS_PER_USD, "rate.file.required"));
                return null;
            }
            BigDecimal units;
            if (cell.number() != null) {
                units = decimal(cell.number());
            } else if (cell.text() != null && DECIMAL.matcher(cell.text()).matches()) {
                units = new BigDecimal(cell.text());
            } else {
                problems.add(RateFileProblem.of(row, UNITS_PER_USD, "rate.file.value.format", cell.shown()));
                return null;
            }
            if (units.signum() <= 0) {
                problems.add(RateFileProblem.of(row, UNITS_PER_USD, "rate.file.value.positive", cell.shown()));
                return null;
            }
            BigDecimal stripped = units.stripTrailingZeros();
            if (stripped.scale() > MAX_DECIMALS) {
                problems.add(RateFileProblem.of(row, UNITS_PER_USD, "rate.file.value.decimals", cell.shown(),
                        String.valueOf(MAX_DECIMALS)));
                return null;
            }
            if (stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
                problems.add(RateFileProblem.of(row, UNITS_PER_USD, "rate.file.value.tooLarge", cell.shown()));
                return null;
            }
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
    }

    private static BigDecimal decimal(double number) {
        return new BigDecimal(Double.toString(number)).round(EXCEL_DIGITS).stripTrailingZeros();
    }

    /** A value from the file, cut short, to repeat in a message. */
    private static String shown(String value) {
        String oneLine = value.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= SHOWN_CHARS ? oneLine : oneLine.substring(0, SHOWN_CHARS) + "…";
    }

    private static BusinessException refused(String key, String... args) {
        return new BusinessException("file", key, (Object[]) args);
    }
}
