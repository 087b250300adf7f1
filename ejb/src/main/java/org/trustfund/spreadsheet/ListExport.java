package org.trustfund.spreadsheet;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The shape every "Export to Excel" of a list shares: a title, one line per active filter, the sort order,
 * when and by whom it was generated, the header row, the rows (streamed by the list's owner, in the list's
 * order), and a total row per money column as a formula with its value. Labels come from
 * {@code ListExport.properties} in the caller's language (English or French).
 */
public final class ListExport {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Rows read from the database at a time: a chunk's objects are garbage once written. */
    public static final int CHUNK = 2_000;

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ResourceBundle bundle;
    private final Locale locale;
    /** Enum labels by key: asked once a row for 377,000 rows, each formatted once. */
    private final java.util.Map<String, String> enumTexts = new java.util.HashMap<>();

    private ListExport(Locale locale) {
        this.locale = locale != null && "fr".equals(locale.getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
        this.bundle = ResourceBundle.getBundle(ListExport.class.getName(), this.locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static ListExport in(Locale locale) {
        return new ListExport(locale);
    }

    /** {@code contributions-2026-12-02.xlsx}: the list and the day (UTC) it was exported. */
    public static String fileName(String list, Instant at) {
        return list + "-" + LocalDate.ofInstant(at, ZoneOffset.UTC) + ".xlsx";
    }

    public String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        // Always through MessageFormat, so a quote is written '' in every entry, with arguments or not.
        return new MessageFormat(pattern, locale).format(args);
    }

    /** The label of an enum value ({@code prefix + NAME}), or its name when the bundle has none. */
    public String enumText(String prefix, Enum<?> value) {
        if (value == null) {
            return null;
        }
        return enumTexts.computeIfAbsent(prefix + value.name(), key -> bundle.containsKey(key) ? text(key) : value.name());
    }

    /**
     * Starts the sheet: title, filters (or "no filter"), sort, generated at/by, then the header row.
     *
     * @param filters lines already worded with {@link #text}
     */
    public SheetWriter begin(XlsxWriter xlsx, String titleKey, List<String> filters, String sortLine,
            String by, Instant at, String... headerKeys) {
        String title = text(titleKey);
        xlsx.properties(title, title, by, text("export.keywords"));
        SheetWriter sheet = xlsx.sheet(title);
        sheet.title(title);
        if (filters.isEmpty()) {
            sheet.line(text("export.filter.none"));
        } else {
            filters.forEach(sheet::line);
        }
        sheet.line(text("export.sortedBy", sortLine));
        sheet.line(text("export.generated", GENERATED.format(at), by));
        sheet.blankRow();
        String[] labels = new String[headerKeys.length];
        for (int i = 0; i < headerKeys.length; i++) {
            labels[i] = text(headerKeys[i]);
        }
        sheet.header(labels);
        sheet.print(title);
        return sheet;
    }

    /** "Received from 2024-01-01 to 2024-12-31", "... from ...", "... until ...", or nothing. */
    public void period(List<String> filters, String keyPrefix, LocalDate from, LocalDate to) {
        if (from != null && to != null) {
            filters.add(text(keyPrefix + ".between", from.toString(), to.toString()));
        } else if (from != null) {
            filters.add(text(keyPrefix + ".from", from.toString()));
        } else if (to != null) {
            filters.add(text(keyPrefix + ".to", to.toString()));
        }
    }

    /**
     * After a blank row (which ends the table and its autofilter), a total row: the label in the first column and
     * {@code SUM} of each money column over the data rows, with its value. With no row, a plain 0.00.
     *
     * @param firstDataRow 0-based index of the first data row
     * @param lastDataRow 0-based index of the last data row (below the first when there was none)
     */
    public void totals(SheetWriter sheet, int firstDataRow, int lastDataRow, int[] columns, BigDecimal[] sums) {
        sheet.blankRow();
        RowWriter row = sheet.row().bold(text("export.total"));
        for (int i = 0; i < columns.length; i++) {
            row.skipTo(columns[i]);
            if (lastDataRow < firstDataRow) {
                row.usdTotal(BigDecimal.ZERO.setScale(2));
            } else {
                row.formulaTotal("SUM(" + SheetWriter.cellRef(firstDataRow, columns[i]) + ":"
                        + SheetWriter.cellRef(lastDataRow, columns[i]) + ")", sums[i]);
            }
        }
    }
}
