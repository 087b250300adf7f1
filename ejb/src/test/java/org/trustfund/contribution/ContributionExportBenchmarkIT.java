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
 * file's size and the heap pools' peak (an upper bound: it counts garbage not yet collected). Asserts the row
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
            measure(db, ContributionQuery.all(), "received, newest first");
            measure(db, new ContributionQuery(null, null, null, null, null, null, ContributionQuery.Sort.AMOUNT_USD, true),
                    "USD, high to low");
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
