package org.trustfund.contribution.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustfund.contribution.imports.ImportResult.Outcome;
import org.trustfund.security.Roles;
import org.trustfund.testing.FixedCaller;
import org.trustfund.testing.TestDatabase;

/**
 * The import benchmark on the real MariaDB: a generated file of 100,000 contributions in five
 * currencies over twenty years, imported all or nothing (after a 20,000-row warm-up import, as a running
 * server would have had), then a re-saved copy with a few new rows (every old row looked up and skipped),
 * then a 100,000-row file whose last row is bad. Prints wall and CPU times; asserts only what was recorded,
 * to the cent, since the time depends on the machine.
 *
 * <p>Not part of the usual build (the ejb pom excludes *BenchmarkIT). Run it with
 * {@code mvn -B -o verify -pl ejb -am -Dit.test=ContributionImportBenchmarkIT -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ContributionImportBenchmarkIT {

    private static final int ROWS = 100_000;
    private static final int DONORS = 2_000;
    private static final String[] CURRENCIES = {"EUR", "JPY", "CHF", "GBP", "USD"};
    private static final LocalDate FIRST_MONTH = LocalDate.of(2006, 1, 1);
    private static final int MONTHS = 20 * 12;

    private TestDatabase db;
    private long fundId;
    private long firstDonorId;

    @BeforeEach
    void referenceData() throws SQLException {
        db = TestDatabase.migrated();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO currency (code, name, minor_units) VALUES ('USD', 'US dollar', 2), ('EUR', 'Euro', 2),"
                    + " ('JPY', 'Yen', 0), ('CHF', 'Swiss franc', 2), ('GBP', 'Pound sterling', 2)");
            s.execute("INSERT INTO fund (code, name, start_date, created_at, created_by) VALUES"
                    + " ('IGF', 'Internet Governance Forum Trust Fund', '2006-01-01', NOW(6), 'bench')");
            try (ResultSet rs = s.executeQuery("SELECT id FROM fund")) {
                rs.next();
                fundId = rs.getLong(1);
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO donor (name, stakeholder_group, country_code,"
                    + " created_at, created_by) VALUES (?, 'GOVERNMENT', 'CH', NOW(6), 'bench')")) {
                for (int i = 1; i <= DONORS; i++) {
                    ps.setString(1, "Fictional Donor " + i);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO exchange_rate (currency, effective_date,"
                    + " units_per_usd, created_at, created_by) VALUES (?, ?, ?, NOW(6), 'bench')")) {
                for (int m = 0; m < MONTHS; m++) {
                    for (int k = 0; k < 4; k++) {
                        ps.setString(1, CURRENCIES[k]);
                        ps.setObject(2, FIRST_MONTH.plusMonths(m));
                        ps.setBigDecimal(3, rate(k, m));
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            try (ResultSet rs = s.executeQuery("SELECT MIN(id) FROM donor")) {
                rs.next();
                firstDonorId = rs.getLong(1);
            }
        }
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void oneHundredThousandRowsAreImportedAllOrNothing() throws SQLException {
        long t0 = System.nanoTime();
        List<Object[]> rows = generate(ROWS, 42);
        byte[] file = Workbooks.largeXlsx(Workbooks.HEADERS, rows);
        long generated = System.nanoTime();
        System.out.printf("[benchmark] generated %,d rows: %,d bytes in %.1f s%n", ROWS, file.length, seconds(t0, generated));
        assertTrue(file.length <= XlsxSheetReader.MAX_FILE_BYTES, "fits the upload limit: " + file.length);

        FixedCaller officer = FixedCaller.of("bench.officer", Roles.FINANCE_OFFICER);
        // A running server has its code compiled by the JIT; a first import in a fresh JVM mostly measures the JIT.
        List<Object[]> warmUp = generate(20_000, 5);
        warmUp.forEach(r -> r[6] = "WARM-" + r[6]);
        byte[] warmUpFile = Workbooks.largeXlsx(Workbooks.HEADERS, warmUp);
        CpuTimes cpu = CpuTimes.now();
        long warmStart = System.nanoTime();
        db.inTransaction(em -> new ContributionImport(em, officer).importFile("warm-up.xlsx", warmUpFile));
        System.out.printf("[benchmark] warm-up import of %,d rows in a fresh JVM: %.2f s; %s%n", warmUp.size(),
                seconds(warmStart, System.nanoTime()), cpu.since());

        cpu = CpuTimes.now();
        long start = System.nanoTime();
        ImportResult result = db.inTransaction(em -> new ContributionImport(em, officer).importFile("bench.xlsx", file));
        long end = System.nanoTime();
        System.out.printf("[benchmark] import of %,d rows: %.2f s (target 15 s); %s%n", ROWS, seconds(start, end),
                cpu.since());

        assertEquals(Outcome.IMPORTED, result.outcome(), () -> result.errors().stream().limit(5).toList().toString());
        assertEquals(ROWS, result.recorded());
        assertEquals(ROWS, count("SELECT COUNT(*) FROM contribution WHERE import_batch_id = " + result.batchId()));
        assertEquals(0, expectedUsdTotal(rows).compareTo(decimal("SELECT SUM(usd_amount) FROM contribution"
                        + " WHERE import_batch_id = " + result.batchId())),
                "every row converted at its month's rate, to the cent");

        // A copy re-saved with ten more rows: 100,000 rows looked up and skipped, ten recorded.
        List<Object[]> more = new ArrayList<>(rows);
        more.addAll(generate(10, 7).stream().peek(r -> r[6] = "NEW-" + r[6]).toList());
        byte[] second = Workbooks.largeXlsx(Workbooks.HEADERS, more);
        cpu = CpuTimes.now();
        start = System.nanoTime();
        ImportResult again = db.inTransaction(em -> new ContributionImport(em, officer).importFile("bench-2.xlsx", second));
        end = System.nanoTime();
        System.out.printf("[benchmark] re-import of %,d rows (%,d already recorded): %.2f s; %s%n", more.size(), ROWS,
                seconds(start, end), cpu.since());
        assertEquals(10, again.recorded());
        assertEquals(ROWS, again.alreadyImported());

        // All or nothing at size: one bad row in the last line leaves the database as it was.
        List<Object[]> bad = generate(ROWS, 99);
        bad.forEach(r -> r[6] = "BAD-" + r[6]);
        bad.get(ROWS - 1)[4] = "XXX";
        byte[] rejectedFile = Workbooks.largeXlsx(Workbooks.HEADERS, bad);
        cpu = CpuTimes.now();
        start = System.nanoTime();
        ImportResult rejected = db.inTransaction(em -> new ContributionImport(em, officer).importFile("bad.xlsx", rejectedFile));
        end = System.nanoTime();
        System.out.printf("[benchmark] rejection of %,d rows with one bad row: %.2f s; %s%n", ROWS, seconds(start, end),
                cpu.since());
        assertEquals(List.of(RowError.of(ROWS + 1, "E", "Currency", "import.row.currency.notAccepted", "XXX")),
                rejected.errors());
        assertEquals(warmUp.size() + ROWS + 10, count("SELECT COUNT(*) FROM contribution"));
    }

    /** Rows with a fixed seed: donors by id or by name, all currencies, dates over twenty years. */
    private List<Object[]> generate(int n, long seed) {
        Random random = new Random(seed);
        List<Object[]> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int donor = 1 + random.nextInt(DONORS);
            int k = random.nextInt(CURRENCIES.length);
            LocalDate date = FIRST_MONTH.plusDays(random.nextInt(MONTHS * 30));
            BigDecimal amount = k == 1 ? BigDecimal.valueOf(1_000 + random.nextInt(50_000_000))
                    : BigDecimal.valueOf(1_000_00 + random.nextInt(100_000_000), 2);
            boolean byName = random.nextBoolean();
            rows.add(new Object[] {date, byName ? null : firstDonorId + donor - 1, byName ? "Fictional Donor " + donor : null,
                    "IGF", CURRENCIES[k], amount, String.format("B%d-%07d", seed, i)});
        }
        return rows;
    }

    private BigDecimal expectedUsdTotal(List<Object[]> rows) {
        BigDecimal total = BigDecimal.ZERO;
        for (Object[] r : rows) {
            LocalDate date = (LocalDate) r[0];
            BigDecimal amount = (BigDecimal) r[5];
            int k = List.of(CURRENCIES).indexOf((String) r[4]);
            if (k == 4) {
                total = total.add(amount);
            } else {
                int month = (date.getYear() - FIRST_MONTH.getYear()) * 12 + date.getMonthValue() - 1;
                total = total.add(amount.divide(rate(k, month), 2, RoundingMode.HALF_UP));
            }
        }
        return total;
    }

    /** A made-up but plausible rate of currency k in month m. */
    private static BigDecimal rate(int k, int m) {
        BigDecimal base = switch (k) {
            case 0 -> new BigDecimal("0.850000");
            case 1 -> new BigDecimal("110.000000");
            case 2 -> new BigDecimal("0.950000");
            default -> new BigDecimal("0.750000");
        };
        return base.add(base.multiply(BigDecimal.valueOf(m % 24 - 12)).divide(BigDecimal.valueOf(200), 6, RoundingMode.HALF_UP));
    }

    private long count(String sql) throws SQLException {
        return decimal(sql).longValueExact();
    }

    private BigDecimal decimal(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    /**
     * CPU time used by this JVM and by the MariaDB server it started: on a shared, loaded machine the wall
     * time says more about the neighbours than about the import; the CPU time does not.
     */
    private record CpuTimes(long threadNanos, long jvmNanos, long dbNanos) {

        static CpuTimes now() {
            long thread = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
            long database = ProcessHandle.current().descendants()
                    .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd")).orElse(false))
                    .mapToLong(p -> p.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L))
                    .sum();
            return new CpuTimes(thread, jvm, database);
        }

        /** CPU spent since: by the importing thread, by the whole JVM (with JIT and GC), by the database. */
        String since() {
            CpuTimes end = now();
            return String.format("CPU: importing thread %.1f s, whole JVM %.1f s, database %.1f s",
                    (end.threadNanos - threadNanos) / 1e9, (end.jvmNanos - jvmNanos) / 1e9, (end.dbNanos - dbNanos) / 1e9);
        }
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
