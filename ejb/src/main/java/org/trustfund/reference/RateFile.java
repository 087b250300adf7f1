package org.trustfund.reference;

import java.io.Serializable;
import java.util.List;

/**
 * A rate file as read: the rows that could be read (with their row numbers), and what is wrong with the
 * others. Only a file with no problems may be imported.
 *
 * @param dataRows how many non-blank rows below the header the file has
 */
public record RateFile(int dataRows, List<Line> lines, List<RateFileProblem> problems) implements Serializable {

    public RateFile {
        lines = List.copyOf(lines);
        problems = problems.stream().sorted().toList();
    }

    /** One rate read from the file, with the row it came from. */
    public record Line(int row, RateRow rate) implements Serializable {
    }

    public List<RateRow> rates() {
        return lines.stream().map(Line::rate).toList();
    }
}
