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
 * ETag it got (the server answers 304). Every answer is checked (status, and the fund's name in a full page), so a
 * broken page cannot look fast.
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

    PublicPageTimings(String url, String mustContain) {
        this.url = url;
        this.mustContain = mustContain;
    }

    /** The page's current ETag (one full request). */
    String etag() throws Exception {
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request(null), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().contains(mustContain)) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + " without \"" + mustContain + "\"");
        }
        pageBytes = r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        return r.headers().firstValue("ETag").orElseThrow(() -> new IllegalStateException(url + " sends no ETag"));
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
                        HttpResponse<String> r = client.send(request(etag), HttpResponse.BodyHandlers.ofString());
                        stats.add(System.nanoTime() - start);
                        boolean expected = etag == null ? r.statusCode() == 200 && r.body().contains(mustContain)
                                : r.statusCode() == 304;
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

    private HttpRequest request(String etag) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "en")
                .timeout(Duration.ofSeconds(30)).GET();
        if (etag != null) {
            b.header("If-None-Match", etag);
        }
        return b.build();
    }
}
