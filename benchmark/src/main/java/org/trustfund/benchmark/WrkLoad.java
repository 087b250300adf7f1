package org.trustfund.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The same anonymous readers driven by wrk (Debian's package) instead of the JDK's HttpClient: one event-loop thread
 * keeps {@code connections} keep-alive connections busy, each sending its next request as soon as the answer has
 * arrived, as the Java readers do. wrk needs a small fraction of the CPU the JDK client does, so on a machine where
 * client and server share two cores it measures the server rather than the client. Every answer's status and length
 * is checked against the page as the Java client read it (same bytes sent), in wrk's Lua {@code response} hook.
 */
final class WrkLoad {

    /** What one run found; times in milliseconds. */
    record Result(long requests, long unexpected, double p50, double p95, double p99, double max, double perSecond) {
    }

    private static final Pattern LINE = Pattern.compile("TRUSTFUND requests=(\\d+) unexpected=(\\d+) errors=(\\d+)"
            + " p50=([\\d.]+) p95=([\\d.]+) p99=([\\d.]+) max=([\\d.]+) rps=([\\d.]+)");

    private final String url;

    WrkLoad(String url) {
        this.url = url;
    }

    /** Whether wrk is on the PATH. */
    static boolean available() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(10, TimeUnit.SECONDS);
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * @param etag null for the full page (200 of exactly {@code fullBytes} bytes expected), else sent as If-None-Match
     *             (304 expected)
     */
    Result run(int connections, int seconds, String etag, int fullBytes) throws IOException, InterruptedException {
        Path script = Files.createTempFile("trustfund-wrk", ".lua");
        try {
            Files.writeString(script, script(etag, fullBytes), StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s",
                    "--timeout", "30s", "-s", script.toString(), url));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("wrk failed: " + out);
            }
            Matcher m = LINE.matcher(out);
            if (!m.find()) {
                throw new IllegalStateException("wrk printed no result: " + out);
            }
            // Socket errors and timeouts count as unexpected answers, as a failed request does in the Java readers.
            return new Result(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) + Long.parseLong(m.group(3)),
                    Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6)),
                    Double.parseDouble(m.group(7)), Double.parseDouble(m.group(8)));
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** Headers as the Java readers send them; the answer checked per request; one line of results at the end. */
    private static String script(String etag, int fullBytes) {
        StringBuilder s = new StringBuilder();
        s.append("wrk.method = \"GET\"\n");
        s.append("wrk.headers[\"Accept-Language\"] = \"en\"\n");
        s.append("wrk.headers[\"Accept-Encoding\"] = \"gzip\"\n");
        if (etag != null) {
            s.append("wrk.headers[\"If-None-Match\"] = ").append(lua(etag)).append("\n");
        }
        s.append("local threads = {}\n");
        s.append("function setup(thread) table.insert(threads, thread) end\n");
        s.append("function init(args) unexpected = 0 end\n");
        if (etag == null) {
            s.append("function response(status, headers, body)\n")
                    .append("  if status ~= 200 or body == nil or #body ~= ").append(fullBytes)
                    .append(" then unexpected = unexpected + 1 end\nend\n");
        } else {
            s.append("function response(status, headers, body)\n")
                    .append("  if status ~= 304 then unexpected = unexpected + 1 end\nend\n");
        }
        s.append("function done(summary, latency, requests)\n")
                .append("  local bad = 0\n")
                .append("  for _, t in ipairs(threads) do bad = bad + t:get(\"unexpected\") end\n")
                .append("  local e = summary.errors\n")
                .append("  io.write(string.format(\"TRUSTFUND requests=%d unexpected=%d errors=%d p50=%.3f p95=%.3f")
                .append(" p99=%.3f max=%.3f rps=%.1f\\n\", summary.requests, bad,")
                .append(" e.connect + e.read + e.write + e.status + e.timeout,")
                .append(" latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,")
                .append(" latency.max / 1000, summary.requests / (summary.duration / 1000000)))\n")
                .append("end\n");
        return s.toString();
    }

    private static String lua(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
