package org.trustfund.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void medianAndP95AreNearestRank() {
        Stats stats = new Stats();
        for (int ms = 20; ms >= 1; ms--) {
            stats.add(ms * 1_000_000L);
        }
        assertEquals(10.0, stats.medianMs());
        assertEquals(19.0, stats.p95Ms());
        assertEquals(20.0, stats.maxMs());
    }

    @Test
    void oneRunIsItsOwnPercentiles() {
        Stats stats = new Stats();
        stats.add(3_500_000L);
        assertEquals(3.5, stats.medianMs());
        assertEquals(3.5, stats.p95Ms());
    }
}
