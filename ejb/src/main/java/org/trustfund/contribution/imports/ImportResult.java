package org.trustfund.contribution.imports;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * What became of an import file.
 *
 * @param rows data rows in the file
 * @param recorded contributions recorded from it (awaiting certification)
 * @param alreadyImported rows that matched a contribution already recorded, and were skipped
 * @param errors the problems that rejected the file, in sheet order; at most {@link #MAX_ERRORS_SHOWN}
 * @param errorCount how many problems there were in all
 * @param batchId the import batch the recorded contributions belong to; null if nothing was imported now
 * @param previousImportAt when this same file was imported before (outcome {@link Outcome#FILE_ALREADY_IMPORTED})
 * @param previousImportBy who imported it then
 */
public record ImportResult(Outcome outcome, String fileName, int rows, int recorded, int alreadyImported,
        List<RowError> errors, int errorCount, Long batchId, Instant previousImportAt, String previousImportBy)
        implements Serializable {

    public static final int MAX_ERRORS_SHOWN = 1000;

    public enum Outcome {
        /** Every row was valid; new rows were recorded, rows recorded before were skipped. */
        IMPORTED,
        /** At least one row had a problem: nothing was recorded. */
        REJECTED,
        /** This very file (same SHA-256) was imported before: nothing was recorded. */
        FILE_ALREADY_IMPORTED
    }

    public ImportResult {
        errors = List.copyOf(errors);
    }

    static ImportResult imported(String fileName, int rows, int recorded, long batchId) {
        return new ImportResult(Outcome.IMPORTED, fileName, rows, recorded, rows - recorded, List.of(), 0, batchId,
                null, null);
    }

    static ImportResult rejected(String fileName, int rows, List<RowError> allErrors) {
        List<RowError> sorted = allErrors.stream().sorted(RowError.IN_SHEET_ORDER).limit(MAX_ERRORS_SHOWN).toList();
        return new ImportResult(Outcome.REJECTED, fileName, rows, 0, 0, sorted, allErrors.size(), null, null, null);
    }

    static ImportResult fileAlreadyImported(String fileName, ImportedFile before) {
        return new ImportResult(Outcome.FILE_ALREADY_IMPORTED, fileName, before.getRowCount(), 0,
                before.getRowCount(), List.of(), 0, null, before.getImportedAt(), before.getImportedBy());
    }

    public boolean isRejected() {
        return outcome == Outcome.REJECTED;
    }

    /** More problems than are listed. */
    public int errorsNotShown() {
        return errorCount - errors.size();
    }
}
