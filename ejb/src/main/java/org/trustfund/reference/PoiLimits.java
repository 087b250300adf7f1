package org.trustfund.reference;

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

    /** No part of an accepted workbook comes near this once inflated. */
    public static final int MAX_ENTRY_BYTES = 200 * 1024 * 1024;

    private static volatile boolean applied;

    private PoiLimits() {
    }

    public static void apply() {
        if (applied) {
            return;
        }
        synchronized (PoiLimits.class) {
            ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
            ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
            ZipArchiveFakeEntry.setMaxEntrySize(MAX_ENTRY_BYTES);
            // Without it, POI reads a workbook part of any length into memory (up to 2 GB).
            IOUtils.setByteArrayMaxOverride(MAX_ENTRY_BYTES);
            applied = true;
        }
    }
}
