package org.trustfund.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Anonymous readers of the public supporters page, many at once: each reader is a thread (no cookie, no sign-in) asking
 * for the page again and again, either without a tag (the server renders it) or with the
 * ETag it got (the server answers 304). Every answer's status is checked, and every tenth full page is read for the
 * fund's name, so a broken page cannot look fast.
 */
final class PublicPageTimings {

    /** What one measurement found. */
    record Result(Stats times, int requests, int unexpected, double seconds) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private final String url;
    private final String mustContain;
    private int pageBytes;
    private int sentBytes;

    PublicPageTimings(String url, String mustContain) {
        this.url = url;
        this.mustContain = mustContain;
    }

    /** The page's current ETag (one full request, as the readers will ask). */
    String etag() throws Exception {
        HttpResponse<byte[]> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request(null), HttpResponse.BodyHandlers.ofByteArray());
        String page = unzipped(r);
        if (r.statusCode() != 200 || !page.contains(mustContain)) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + " without \"" + mustContain + "\"");
        }
        pageBytes = page.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        sentBytes = r.body().length;
        return r.headers().firstValue("ETag").orElseThrow(() -> new IllegalStateException(url + " sends no ETag"));
    }

    String url() {
        return url;
    }

    /** What the reader received for the full page (compressed, if it was). */
    int sentBytes() {
        return sentBytes;
    }

    /** The size of the full page, as {@link #etag()} last read it. */
    int pageBytes() {
        return pageBytes;
    }

    /**
     * {@code readers} threads, each sending {@code each} requests one after the other, all at once.
     *
     * @param etag null for full renders, else sent as If-None-Match (304 expected)
     */
    Result measure(int readers, int each, String etag) throws Exception {
        List<Stats> perReader = new ArrayList<>();
        AtomicInteger unexpected = new AtomicInteger();
        // One client for all readers (its pool opens a connection per reader at once): fifty clients' own selector
        // threads would compete with the server for the machine's two cores and measure the client.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        long begin = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < readers; t++) {
                Stats stats = new Stats();
                perReader.add(stats);
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        long start = System.nanoTime();
                        HttpResponse<byte[]> r = client.send(request(etag), HttpResponse.BodyHandlers.ofByteArray());
                        stats.add(System.nanoTime() - start);
                        // Every answer's status and length; every tenth full page also opened and read, which
                        // keeps the check's own work (inflating 117 KB) from crowding the server off the two cores.
                        boolean expected = etag == null ? r.statusCode() == 200 && r.body().length > 0
                                && (i % 10 != 0 || unzipped(r).contains(mustContain)) : r.statusCode() == 304;
                        if (!expected) {
                            unexpected.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        Stats all = new Stats();
        perReader.forEach(s -> s.addAll(all));
        return new Result(all, readers * each, unexpected.get(), seconds);
    }

    /** The page as a browser reads it (checked after the time is taken, as a browser's rendering would be). */
    private static String unzipped(HttpResponse<byte[]> r) throws java.io.IOException {
        if (!"gzip".equals(r.headers().firstValue("Content-Encoding").orElse(""))) {
            return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
        }
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(r.body()))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** As a browser asks: in English, accepting a compressed answer. */
    private HttpRequest request(String etag) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "en")
                .header("Accept-Encoding", "gzip")
                .timeout(Duration.ofSeconds(30)).GET();
        if (etag != null) {
            b.header("If-None-Match", etag);
        }
        return b.build();
    }
}
