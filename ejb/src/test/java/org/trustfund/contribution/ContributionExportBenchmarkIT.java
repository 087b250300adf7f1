package org.trustfund.contribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.trustfund.testing.FundFixture;
import org.trustfund.testing.TestDatabase;

/**
 * The export target on the real MariaDB: all 377,000 contributions (2,000 donors, twenty years, made
 * with SQL) exported in the list's default order and by USD amount, each to a file. Prints the wall time, the
 * file's size and the heap pools' peak (an upper bound: it counts garbage not yet collected), and beside them the
 * export's SQL reads alone and a bare POI SXSSF write of as many cells, the yardstick. Asserts the row
 * count only, since the time depends on the machine.
 *
 * <p>Not part of the usual build (the ejb pom excludes *BenchmarkIT). Run it with
 * {@code mvn -B -o verify -pl ejb -am -Dit.test=ContributionExportBenchmarkIT -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ContributionExportBenchmarkIT {

    private static final int ROWS = 377_000;

    @Test
    void exportsEveryContribution() throws Exception {
        try (TestDatabase db = TestDatabase.migrated()) {
            FundFixture fx = FundFixture.create(db);
            long started = System.nanoTime();
            db.run(em -> {
                em.createNativeQuery("INSERT INTO donor (name, stakeholder_group, country_code, publicly_named, created_at,"
                        + " created_by) SELECT CONCAT('Bench donor ', seq), 'GOVERNMENT', 'CH', TRUE, NOW(6), 'bench'"
                        + " FROM seq_1_to_2000").executeUpdate();
                Number first = (Number) em.createNativeQuery("SELECT MIN(id) FROM donor WHERE created_by = 'bench'")
                        .getSingleResult();
                Number rate = (Number) em.createNativeQuery("SELECT MIN(id) FROM exchange_rate WHERE currency = 'EUR'")
                        .getSingleResult();
                em.createNativeQuery("INSERT INTO contribution (donor_id, fund_id, received_date, amount, currency,"
                        + " bank_reference, rate_id, units_per_usd, usd_amount, status, recorded_at, recorded_by,"
                        + " certified_at, certified_by) SELECT " + first.longValue() + " + seq % 2000, " + fx.fundId + ","
                        + " DATE '2006-01-01' + INTERVAL (seq % 7300) DAY, 100 + seq % 9000 + 0.25, 'EUR',"
                        + " CONCAT('BENCH-', seq), " + rate.longValue() + ", 0.880000, ROUND((100 + seq % 9000 + 0.25) / 0.88, 2),"
                        + " 'CERTIFIED', NOW(6), 'bench', NOW(6), 'bench2' FROM seq_1_to_" + ROWS).executeUpdate();
            });
            System.out.printf(Locale.ROOT, "setup: %,d contributions inserted in %.1f s%n", ROWS,
                    (System.nanoTime() - started) / 1e9);
            // The parts first, then the whole: the export runs on warm caches, as the reads alone do.
            readsAlone(db, ContributionQuery.all());
            bareWrite();
            measure(db, ContributionQuery.all(), "received, newest first");
            measure(db, new ContributionQuery(null, null, null, null, null, null, ContributionQuery.Sort.AMOUNT_USD, true),
                    "USD, high to low");
        }
    }

    /** The export's SQL reads alone, the rows handed to nothing. */
    private static void readsAlone(TestDatabase db, ContributionQuery query) {
        long started = System.nanoTime();
        long[] rows = {0};
        db.run(em -> new ContributionExport(em).forEachRow(query, r -> rows[0]++));
        System.out.printf(Locale.ROOT, "the same reads alone: %,d rows in %.1f s%n", rows[0], (System.nanoTime() - started) / 1e9);
    }

    /** A bare POI SXSSF write of cells like the export's (17 a row: numbers, dates, text), no styles. */
    private static void bareWrite() throws IOException {
        Path file = Files.createTempFile("bare-sxssf-", ".xlsx");
        long started = System.nanoTime();
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100);
                OutputStream out = Files.newOutputStream(file)) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.createSheet("Contributions");
            java.time.LocalDate day = java.time.LocalDate.of(2026, 3, 1);
            java.time.LocalDateTime at = java.time.LocalDateTime.of(2026, 3, 1, 12, 0);
            for (int i = 0; i < ROWS; i++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(i);
                int c = 0;
                row.createCell(c++).setCellValue(i);
                row.createCell(c++).setCellValue(day);
                row.createCell(c++).setCellValue("Bench donor " + (i % 2000));
                row.createCell(c++).setCellValue("Government");
                row.createCell(c++).setCellValue("Switzerland");
                row.createCell(c++).setCellValue("IGF");
                row.createCell(c++).setCellValue(100.25 + i % 9000);
                row.createCell(c++).setCellValue("EUR");
                row.createCell(c++).setCellValue(0.88);
                row.createCell(c++).setCellValue(day);
                row.createCell(c++).setCellValue(113.92 + i % 9000);
                row.createCell(c++).setCellValue("Certified");
                row.createCell(c++).setCellValue("BENCH-" + i);
                row.createCell(c++).setCellValue("bench");
                row.createCell(c++).setCellValue(at);
                row.createCell(c++).setCellValue("bench2");
                row.createCell(c).setCellValue(at);
            }
            wb.write(out);
            wb.dispose();
        } finally {
            System.out.printf(Locale.ROOT, "bare SXSSF write of %,d rows x 17 cells: %.1f s%n", ROWS,
                    (System.nanoTime() - started) / 1e9);
            Files.deleteIfExists(file);
        }
    }

    private static void measure(TestDatabase db, ContributionQuery query, String label) throws IOException {
        Path file = Files.createTempFile("contributions-export-", ".xlsx");
        try {
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long started = System.nanoTime();
            long[] rows = {0};
            try (OutputStream out = Files.newOutputStream(file)) {
                db.run(em -> {
                    try {
                        rows[0] = new ContributionExport(em).write(query, Locale.ENGLISH, "bench", Instant.now(), out);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf(Locale.ROOT, "export (%s): %,d rows in %.1f s, %.1f MB file, heap pools' peak %d MB (max %d MB)%n",
                    label, rows[0], seconds, Files.size(file) / 1e6, peak / (1024 * 1024),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
            assertEquals(ROWS, rows[0]);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
