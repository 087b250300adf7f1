package org.trustfund.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Times of repeated runs, in nanoseconds, summarised as median and 95th percentile in milliseconds. */
final class Stats {

    private final List<Long> nanos = new ArrayList<>();

    void add(long value) {
        nanos.add(value);
    }

    /** Adds this one's times to {@code other}. */
    void addAll(Stats other) {
        other.nanos.addAll(nanos);
    }

    int count() {
        return nanos.size();
    }

    double medianMs() {
        return percentileMs(50);
    }

    double p95Ms() {
        return percentileMs(95);
    }

    double minMs() {
        return nanos.isEmpty() ? Double.NaN : Collections.min(nanos) / 1e6;
    }

    double maxMs() {
        return nanos.isEmpty() ? Double.NaN : Collections.max(nanos) / 1e6;
    }

    /** Nearest-rank percentile: the smallest time that at least {@code p}% of the runs did not exceed. */
    double percentileMs(int p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }
}
