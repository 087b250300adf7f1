package org.trustfund.spreadsheet;

import org.apache.poi.openxml4j.util.ZipArchiveFakeEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.IOUtils;

/**
 * The limits Apache POI applies to any workbook it opens in this application. They are JVM-wide settings
 * of POI, so they are set in one place and generous enough for the largest file the application accepts
 * (a contribution import); each reader adds its own, tighter checks before a file reaches POI.
 */
public final class PoiLimits {

    /** A zip entry that inflates more than 100 times is a zip bomb (POI's default, stated on purpose). */
    public static final double MIN_INFLATE_RATIO = 0.01;

    /**
     * The largest workbook part POI may inflate: the contribution import's limit (a 200,000-row sheet), the
     * largest file the application accepts. Lowering it here would lower it for that import too.
     */
    public static final int MAX_ENTRY_BYTES = 300 * 1024 * 1024;

    private static volatile boolean applied;

    private PoiLimits() {
    }

    public static void apply() {
        if (applied) {
            return;
        }
        synchronized (PoiLimits.class) {
            ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
            // Never looser than another reader made it: only POI's default (4 GB) is replaced.
            ZipSecureFile.setMaxEntrySize(Math.min(ZipSecureFile.getMaxEntrySize(), MAX_ENTRY_BYTES));
            ZipArchiveFakeEntry.setMaxEntrySize(Math.min(ZipArchiveFakeEntry.getMaxEntrySize(), MAX_ENTRY_BYTES));
            // Without it, POI reads a workbook part of any length into memory (up to 2 GB).
            if (IOUtils.getByteArrayMaxOverride() <= 0) {
                IOUtils.setByteArrayMaxOverride(MAX_ENTRY_BYTES);
            }
            applied = true;
        }
    }
}
