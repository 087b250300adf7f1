package org.trustfund.contribution.imports;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;
import org.trustfund.spreadsheet.XlsxCell;
import org.trustfund.spreadsheet.XlsxCell.Kind;
import org.trustfund.spreadsheet.XlsxReading;

/**
 * The rows of a contribution import file, read through {@link XlsxSheetReader}: finds the columns by the
 * header row (the first non-empty row), converts each cell to the value its column needs, and notes every
 * cell that cannot be read, by row and column. Whether the values make sense (a known donor, a rate on that
 * date) is checked afterwards by {@link ContributionImport}.
 */
final class ContributionSheet implements XlsxReading.RowSink {

    /** Excel keeps 15 significant digits; more in the file are binary floating-point noise. */
    private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_EVEN);
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T00:00(:00(\\.0+)?)?)?");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("\\+?\\d{1,18}");

    static final int MAX_DONOR_NAME = 200;
    static final int MAX_BANK_REFERENCE = 100;
    static final int MAX_STALE_RATE_REASON = 500;
    static final int MAX_CODE = 20;

    /** A place in the sheet: column letters and the header written above. */
    record Location(String letters, String header) {
    }

    private final Map<Integer, ImportColumn> columnAt = new HashMap<>();
    private final Map<ImportColumn, Location> locations = new EnumMap<>(ImportColumn.class);
    private final Map<Integer, String> headerText = new HashMap<>();
    private final List<ImportRow> rows = new ArrayList<>();
    private final List<RowError> errors = new ArrayList<>();
    private final java.util.Set<Integer> rowsWithErrors = new java.util.HashSet<>();
    private boolean headerSeen;
    private boolean headerValid;
    private boolean date1904;
    private int dataRows;

    private ContributionSheet() {
    }

    /** Reads the file; refuses it outright (BusinessException) if it is not a readable, harmless xlsx. */
    static ContributionSheet read(byte[] content) {
        ContributionSheet sheet = new ContributionSheet();
        XlsxSheetReader.read(content, sheet);
        if (!sheet.headerSeen) {
            throw new org.trustfund.platform.BusinessException("file", "import.file.noHeader");
        }
        return sheet;
    }

    @Override
    public void workbook(boolean dates1904) {
        this.date1904 = dates1904;
    }

    @Override
    public void row(int rowNumber, List<XlsxCell> cells) {
        if (!headerSeen) {
            header(rowNumber, cells);
            return;
        }
        dataRows++;
        if (headerValid) {
            rows.add(convert(rowNumber, cells));
        }
    }

    private void header(int rowNumber, List<XlsxCell> cells) {
        headerSeen = true;
        for (XlsxCell cell : cells) {
            String text = cell.kind() == Kind.TEXT ? cell.value() : "";
            headerText.put(cell.column(), text);
            Optional<ImportColumn> column = ImportColumn.forHeader(text);
            if (column.isEmpty()) {
                errors.add(RowError.of(rowNumber, cell.columnLetters(), text, "import.header.unknown", text));
            } else if (locations.containsKey(column.get())) {
                errors.add(RowError.of(rowNumber, cell.columnLetters(), text, "import.header.duplicate", text,
                        locations.get(column.get()).letters()));
            } else {
                columnAt.put(cell.column(), column.get());
                locations.put(column.get(), new Location(cell.columnLetters(), text));
            }
        }
        for (ImportColumn column : ImportColumn.values()) {
            if (column.required() && !locations.containsKey(column)) {
                errors.add(RowError.of(rowNumber, "", column.key(), "import.header.missing", column.key()));
            }
        }
        if (!locations.containsKey(ImportColumn.DONOR_ID) && !locations.containsKey(ImportColumn.DONOR_NAME)) {
            errors.add(RowError.of(rowNumber, "", ImportColumn.DONOR_NAME.key(), "import.header.donorMissing",
                    ImportColumn.DONOR_ID.key(), ImportColumn.DONOR_NAME.key()));
        }
        headerValid = errors.isEmpty();
    }

    private ImportRow convert(int rowNumber, List<XlsxCell> cells) {
        Map<ImportColumn, XlsxCell> byColumn = new EnumMap<>(ImportColumn.class);
        for (XlsxCell cell : cells) {
            ImportColumn column = columnAt.get(cell.column());
            if (column == null) {
                error(rowNumber, cell.columnLetters(), headerText.get(cell.column()), "import.row.cell.noHeader",
                        shown(cell));
            } else if (cell.kind() == Kind.ERROR) {
                error(rowNumber, column, "import.row.cell.error", cell.value());
            } else if (cell.kind() == Kind.FORMULA_WITHOUT_VALUE) {
                error(rowNumber, column, "import.row.cell.formulaWithoutValue");
            } else if (cell.kind() == Kind.BOOLEAN) {
                error(rowNumber, column, "import.row.cell.invalid", cell.value());
            } else {
                byColumn.put(column, cell);
            }
        }
        LocalDate received = date(rowNumber, byColumn.get(ImportColumn.RECEIVED_DATE));
        Long donorId = id(rowNumber, ImportColumn.DONOR_ID, byColumn.get(ImportColumn.DONOR_ID));
        String donorName = text(rowNumber, ImportColumn.DONOR_NAME, byColumn.get(ImportColumn.DONOR_NAME), MAX_DONOR_NAME);
        String fund = text(rowNumber, ImportColumn.FUND_CODE, byColumn.get(ImportColumn.FUND_CODE), MAX_CODE);
        String currency = text(rowNumber, ImportColumn.CURRENCY, byColumn.get(ImportColumn.CURRENCY), MAX_CODE);
        BigDecimal amount = amount(rowNumber, byColumn.get(ImportColumn.AMOUNT));
        String reference = text(rowNumber, ImportColumn.BANK_REFERENCE, byColumn.get(ImportColumn.BANK_REFERENCE),
                MAX_BANK_REFERENCE);
        Long pledgeId = id(rowNumber, ImportColumn.PLEDGE_ID, byColumn.get(ImportColumn.PLEDGE_ID));
        String staleRateReason = text(rowNumber, ImportColumn.STALE_RATE_REASON,
                byColumn.get(ImportColumn.STALE_RATE_REASON), MAX_STALE_RATE_REASON);
        for (ImportColumn column : ImportColumn.values()) {
            if (column.required() && !byColumn.containsKey(column) && !hasError(rowNumber, column)) {
                error(rowNumber, column, "import.row.required");
            }
        }
        if (!byColumn.containsKey(ImportColumn.DONOR_ID) && !byColumn.containsKey(ImportColumn.DONOR_NAME)
                && !hasError(rowNumber, ImportColumn.DONOR_ID) && !hasError(rowNumber, ImportColumn.DONOR_NAME)) {
            error(rowNumber, locations.containsKey(ImportColumn.DONOR_ID) ? ImportColumn.DONOR_ID : ImportColumn.DONOR_NAME,
                    "import.row.donor.required");
        }
        return new ImportRow(rowNumber, received, donorId, donorName,
                fund == null ? null : fund.toUpperCase(Locale.ROOT),
                currency == null ? null : currency.toUpperCase(Locale.ROOT), amount, reference, pledgeId,
                staleRateReason);
    }

    private LocalDate date(int row, XlsxCell cell) {
        if (cell == null) {
            return null;
        }
        try {
            if (cell.kind() == Kind.TEXT && ISO_DATE.matcher(cell.value()).matches()) {
                return LocalDate.parse(cell.value().substring(0, 10));
            }
            if (cell.kind() == Kind.NUMBER && cell.dateFormatted()) {
                double serial = Double.parseDouble(cell.value());
                if (serial == Math.rint(serial) && DateUtil.isValidExcelDate(serial)) {
                    return DateUtil.getLocalDateTime(serial, date1904).toLocalDate();
                }
            }
        } catch (DateTimeException | NumberFormatException e) {
            // Falls through to the error below.
        }
        error(row, ImportColumn.RECEIVED_DATE, "import.row.date.invalid", shown(cell));
        return null;
    }

    private Long id(int row, ImportColumn column, XlsxCell cell) {
        if (cell == null) {
            return null;
        }
        try {
            BigDecimal n = cell.kind() == Kind.NUMBER ? new BigDecimal(cell.value())
                    : WHOLE.matcher(cell.value()).matches() ? new BigDecimal(cell.value()) : null;
            if (n != null && n.signum() > 0) {
                return n.longValueExact();
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // Falls through to the error below.
        }
        error(row, column, "import.row.id.invalid", shown(cell));
        return null;
    }

    private String text(int row, ImportColumn column, XlsxCell cell, int maxLength) {
        if (cell == null) {
            return null;
        }
        String s = shown(cell);
        if (s.length() > maxLength) {
            error(row, column, "import.row.text.tooLong", maxLength);
            return null;
        }
        return s;
    }

    private BigDecimal amount(int row, XlsxCell cell) {
        if (cell == null) {
            return null;
        }
        try {
            if (cell.kind() == Kind.NUMBER) {
                return excelNumber(cell.value());
            }
            if (DECIMAL.matcher(cell.value()).matches()) {
                return new BigDecimal(cell.value());
            }
        } catch (NumberFormatException e) {
            // Falls through to the error below.
        }
        error(row, ImportColumn.AMOUNT, "import.row.amount.notNumber", shown(cell));
        return null;
    }

    /** A number as the user saw it in Excel: at most 15 significant digits, no trailing zeros. */
    static BigDecimal excelNumber(String stored) {
        BigDecimal n = new BigDecimal(stored).round(EXCEL_PRECISION).stripTrailingZeros();
        return n.scale() < 0 ? n.setScale(0) : n;
    }

    /** The cell's content as text: what to show in a message, or a text column's value. */
    private static String shown(XlsxCell cell) {
        if (cell.kind() == Kind.NUMBER) {
            try {
                return excelNumber(cell.value()).toPlainString();
            } catch (NumberFormatException e) {
                return cell.value();
            }
        }
        return cell.value();
    }

    private void error(int row, ImportColumn column, String key, Object... args) {
        Location at = locations.get(column);
        error(row, at.letters(), at.header(), key, args);
    }

    private void error(int row, String letters, String header, String key, Object... args) {
        errors.add(RowError.of(row, letters, header, key, args));
        rowsWithErrors.add(row);
    }

    private boolean hasError(int row, ImportColumn column) {
        if (!rowsWithErrors.contains(row) || !locations.containsKey(column)) {
            return false;
        }
        String letters = locations.get(column).letters();
        for (int i = errors.size() - 1; i >= 0 && errors.get(i).row() == row; i--) {
            if (errors.get(i).column().equals(letters)) {
                return true;
            }
        }
        return false;
    }

    /** Where a column is in this file, or null if the file has no such column. */
    Location location(ImportColumn column) {
        return locations.get(column);
    }

    List<ImportRow> rows() {
        return rows;
    }

    /** Problems found while reading, in the order met. */
    List<RowError> errors() {
        return errors;
    }

    boolean hasErrors(int row) {
        return rowsWithErrors.contains(row);
    }

    /** Data rows in the file (below the header row, empty rows not counted). */
    int dataRows() {
        return dataRows;
    }
}
