package org.trustfund.contribution.imports;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;

/**
 * One problem in an import file: where (the row number and column letters Excel shows, and the column's
 * header as written in the file) and what, as a message key with its arguments for the page to translate.
 * A problem with the file's header row has row 1; a missing column has no letters.
 */
public record RowError(int row, String column, String header, String messageKey, List<String> args)
        implements Serializable {

    /** By row, then by column as Excel orders them (A … Z, AA …). */
    public static final Comparator<RowError> IN_SHEET_ORDER = Comparator.comparingInt(RowError::row)
            .thenComparingInt(e -> e.column().length())
            .thenComparing(RowError::column);

    public RowError {
        column = column == null ? "" : column;
        header = header == null ? "" : header;
        args = List.copyOf(args);
    }

    static RowError of(int row, String column, String header, String messageKey, Object... args) {
        return new RowError(row, column, header, messageKey,
                java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    /** The arguments as an array, as {@code MessageFormat} takes them. */
    public Object[] argsArray() {
        return args.toArray();
    }
}
