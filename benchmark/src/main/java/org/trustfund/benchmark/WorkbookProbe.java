package org.trustfund.benchmark;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trustfund.contribution.ContributionExport;
import org.trustfund.contribution.ContributionQuery;
import org.trustfund.ledger.TrialBalance;
import org.trustfund.report.AnnualReportWriter;

/**
 * One measurement in a JVM of its own, started by {@link WorkbookTimings} with a capped heap ({@code -Xmx}): if the
 * work finishes, it fit in that heap. Prints one line {@code RESULT median=… min=… max=… peakHeapMb=… bytes=…}.
 *
 * <pre>java -Xmx512m -cp trustfund-benchmark.jar org.trustfund.benchmark.WorkbookProbe
 *      full|statement|export|trial-balance JDBC_URL USER PASSWORD FUND_ID YEAR RUNS OUTPUT_FILE</pre>
 */
public final class WorkbookProbe {

    private WorkbookProbe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        long fundId = Long.parseLong(args[4]);
        int year = Integer.parseInt(args[5]);
        int runs = Integer.parseInt(args[6]);
        Path output = Path.of(args[7]);
        Map<String, Object> props = new HashMap<>();
        props.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        props.put("jakarta.persistence.jtaDataSource", "");
        props.put("jakarta.persistence.jdbc.driver", "com.mysql.cj.jdbc.Driver");
        props.put("jakarta.persistence.jdbc.url", args[1]);
        props.put("jakarta.persistence.jdbc.user", args[2]);
        props.put("jakarta.persistence.jdbc.password", args[3]);
        props.put("eclipselink.logging.level", "WARNING");
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("trustfund", props);
        try {
            List<Long> times = new ArrayList<>();
            // The first run warms the JIT and the database's buffer pool; it is not counted when there are more.
            for (int i = 0; i <= runs; i++) {
                resetPeaks();
                long begin = System.nanoTime();
                run(mode, emf, fundId, year, output);
                long elapsed = System.nanoTime() - begin;
                if (i > 0 || runs == 0) {
                    times.add(elapsed);
                }
            }
            Collections.sort(times);
            System.out.printf(Locale.ROOT, "RESULT median=%.1f min=%.1f max=%.1f peakHeapMb=%.0f bytes=%d maxHeapMb=%.0f%n",
                    times.get(times.size() / 2) / 1e6, times.get(0) / 1e6, times.get(times.size() - 1) / 1e6,
                    peakHeap() / 1048576.0, Files.exists(output) ? Files.size(output) : 0,
                    Runtime.getRuntime().maxMemory() / 1048576.0);
        } finally {
            emf.close();
        }
    }

    private static void run(String mode, EntityManagerFactory emf, long fundId, int year, Path output) throws IOException {
        EntityManager em = emf.createEntityManager();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16)) {
            switch (mode) {
                case "full", "statement" -> new AnnualReportWriter(em, AnnualReportWriter.standardSections()).write(
                        new AnnualReportWriter.Request(fundId, year, Locale.ENGLISH, "benchmark", mode.equals("statement")),
                        out, percent -> { });
                case "export" -> new ContributionExport(em).write(ContributionQuery.all(), Locale.ENGLISH, "benchmark",
                        Instant.now(), out);
                case "trial-balance" -> new TrialBalance(em).of(fundId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
                default -> throw new IllegalArgumentException("Unknown mode " + mode);
            }
        } finally {
            em.close();
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The heap's high-water mark since the last reset: the sum of its pools' peaks (an upper bound). */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
