package org.trustfund.reference;

import java.io.Serializable;
import java.util.List;

/**
 * The outcome of importing a rate file: either everything new in it was added, or, if any row was wrong,
 * nothing was, and {@link #problems()} says what to fix.
 *
 * @param rows how many rate rows the file has
 * @param added how many rates were saved
 * @param alreadyThere how many rows repeat a rate that was already recorded with the same value
 */
public record RateImport(int rows, int added, int alreadyThere, List<RateFileProblem> problems) implements Serializable {

    public RateImport {
        problems = problems.stream().sorted().toList();
    }

    public boolean isRejected() {
        return !problems.isEmpty();
    }
}
