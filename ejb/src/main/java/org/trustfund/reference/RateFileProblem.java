package org.trustfund.reference;

import java.io.Serializable;
import java.util.List;

/**
 * What is wrong with one cell of a rate file: the row as the person sees it in their spreadsheet or text
 * editor (the header is row 1), the column by its header name, and a message key with its arguments, so the
 * page can say it in the reader's language.
 */
public record RateFileProblem(int row, String column, String messageKey, List<String> arguments)
        implements Serializable, Comparable<RateFileProblem> {

    public RateFileProblem {
        arguments = List.copyOf(arguments);
    }

    public static RateFileProblem of(int row, String column, String messageKey, String... arguments) {
        return new RateFileProblem(row, column, messageKey, List.of(arguments));
    }

    /** By row, then in the order of the file's columns. */
    @Override
    public int compareTo(RateFileProblem other) {
        int byRow = Integer.compare(row, other.row);
        return byRow != 0 ? byRow : Integer.compare(RateFileReader.COLUMNS.indexOf(column),
                RateFileReader.COLUMNS.indexOf(other.column));
    }
}
