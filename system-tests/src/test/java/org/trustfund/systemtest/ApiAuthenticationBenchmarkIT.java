package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trustfund.systemtest.support.Api;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/**
 * The benchmark, not a test: the server's CPU per authenticated {@code GET /api/me}, with a token and
 * with HTTP Basic after the first call, and the throughput of 50 parallel clients. CPU is read from the Payara
 * process ({@code /proc/PID/stat}, user + system) around batches of 50 sequential calls; the median over 20
 * batches (1,000 calls) is reported, since one call is below the clock tick. Runs only with
 * {@code -Dtrustfund.benchmark=true}.
 */
@ExtendWith(SystemExtension.class)
@EnabledIfSystemProperty(named = "trustfund.benchmark", matches = "true")
class ApiAuthenticationBenchmarkIT {

    private static final int BATCHES = 20;
    private static final int BATCH = 50;
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    @Test
    void serverCpuPerAuthenticatedCall(RunningSystem system) throws Exception {
        Api.User user = Api.readyUser(system, "bench", "Auditor");
        Api basic = user.api(system);
        Api bearer = Api.withToken(system, SignInUnderAttackIT.createToken(basic, "benchmark"));
        long pid = system.payaraProcess().pid();
        // Warm up both paths well: the JIT still compiles the first few hundred calls of each.
        for (int i = 0; i < 1_000; i++) {
            basic.get("/api/me");
            bearer.get("/api/me");
        }
        report("token", measure(bearer, pid));
        report("Basic (after the first call)", measure(basic, pid));

        for (Api api : List.of(bearer, basic)) {
            ExecutorService pool = Executors.newFixedThreadPool(50);
            try {
                List<Future<Integer>> calls = new ArrayList<>();
                long start = System.nanoTime();
                for (int i = 0; i < 2_000; i++) {
                    calls.add(pool.submit(() -> api.get("/api/me").status()));
                }
                int errors = 0;
                for (Future<Integer> call : calls) {
                    errors += call.get() == 200 ? 0 : 1;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("[benchmark] %s, 50 parallel clients: 2,000 calls in %.2f s = %.0f calls/s, %d errors%n",
                        api == bearer ? "token" : "Basic", seconds, 2_000 / seconds, errors);
                assertEquals(0, errors);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private record Batch(double cpuMillisPerCall, double wallMillisPerCall) {
    }

    private static List<Batch> measure(Api api, long pid) throws IOException {
        List<Batch> batches = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            long cpuBefore = cpuTicks(pid);
            long start = System.nanoTime();
            for (int i = 0; i < BATCH; i++) {
                assertEquals(200, api.get("/api/me").status());
            }
            double wall = (System.nanoTime() - start) / 1e6 / BATCH;
            double cpu = (cpuTicks(pid) - cpuBefore) * 1000.0 / CLOCK_TICKS_PER_SECOND / BATCH;
            batches.add(new Batch(cpu, wall));
        }
        return batches;
    }

    private static void report(String what, List<Batch> batches) {
        List<Double> cpu = new ArrayList<>(batches.stream().map(Batch::cpuMillisPerCall).toList());
        List<Double> wall = new ArrayList<>(batches.stream().map(Batch::wallMillisPerCall).toList());
        Collections.sort(cpu);
        Collections.sort(wall);
        System.out.printf("[benchmark] %s: server CPU per call median %.2f ms (batches %.2f-%.2f ms), round trip "
                + "median %.2f ms, over %d calls%n", what, cpu.get(cpu.size() / 2), cpu.get(0), cpu.get(cpu.size() - 1),
                wall.get(wall.size() / 2), BATCHES * BATCH);
    }

    /** utime + stime of the process, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
