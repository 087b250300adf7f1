package org.trustfund.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generator's arithmetic on a small data set, in memory: what LedgerCheck proves on the database
 * (journals balance, receivable = agreed − certified payments per pledge), plus the schedule and
 * application rules the services enforce, and that a seed always gives the same rows.
 */
class GeneratorTest {

    private static MemorySink sink;
    private static Generator.Summary summary;

    @BeforeAll
    static void generate() {
        sink = new MemorySink();
        summary = new Generator(new Generator.Settings(42, 70)).generate(sink);
    }

    @Test
    void everyJournalBalancesAndHasLines() {
        Map<Long, BigDecimal[]> totals = new HashMap<>();
        for (Object[] line : sink.rows(Table.JOURNAL_LINE)) {
            BigDecimal[] t = totals.computeIfAbsent((Long) line[1], k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            t[0] = t[0].add((BigDecimal) line[3]);
            t[1] = t[1].add((BigDecimal) line[4]);
        }
        assertEquals(sink.rows(Table.JOURNAL).size(), totals.size(), "every journal has lines");
        totals.forEach((journal, t) -> assertEquals(0, t[0].compareTo(t[1]), "journal " + journal + " balances"));
    }

    @Test
    void eachSignedPledgesReceivableIsAgreedMinusCertifiedPayments() {
        Map<Long, String> contributionStatus = new HashMap<>();
        sink.rows(Table.CONTRIBUTION).forEach(c -> contributionStatus.put((Long) c[0], (String) c[10]));
        Map<Long, Long> pledgeOfInstalment = new HashMap<>();
        sink.rows(Table.INSTALMENT).forEach(i -> pledgeOfInstalment.put((Long) i[0], (Long) i[1]));
        Map<Long, BigDecimal> paid = new HashMap<>();
        for (Object[] a : sink.rows(Table.CONTRIBUTION_APPLICATION)) {
            if ("CERTIFIED".equals(contributionStatus.get((Long) a[1]))) {
                paid.merge(pledgeOfInstalment.get((Long) a[2]), (BigDecimal) a[3], BigDecimal::add);
            }
        }
        Map<Long, BigDecimal> inLedger = new HashMap<>();
        for (Object[] line : sink.rows(Table.JOURNAL_LINE)) {
            if ("CONTRIBUTIONS_RECEIVABLE".equals(line[2]) && line[7] != null) {
                inLedger.merge((Long) line[7], (BigDecimal) line[6], BigDecimal::add);
            }
        }
        int signed = 0;
        for (Object[] p : sink.rows(Table.PLEDGE)) {
            long id = (Long) p[0];
            BigDecimal ledger = inLedger.getOrDefault(id, BigDecimal.ZERO);
            if (p[10] == null) {
                assertEquals(0, ledger.signum(), "memo pledge " + id + " has no receivable");
                continue;
            }
            signed++;
            BigDecimal expected = "WRITTEN_OFF".equals(p[9]) ? BigDecimal.ZERO
                    : ((BigDecimal) p[3]).subtract(paid.getOrDefault(id, BigDecimal.ZERO));
            assertEquals(0, expected.compareTo(ledger), "pledge " + id + ": expected " + expected + ", ledger " + ledger);
        }
        assertTrue(signed > 100, "enough signed pledges to mean something: " + signed);
    }

    @Test
    void unappliedReceiptsInTheLedgerAreTheHeldRestsOfCertifiedContributions() {
        Map<Long, BigDecimal> applied = new HashMap<>();
        for (Object[] a : sink.rows(Table.CONTRIBUTION_APPLICATION)) {
            applied.merge((Long) a[1], (BigDecimal) a[3], BigDecimal::add);
        }
        Map<Long, Long> contributionOfJournal = new HashMap<>();
        for (Object[] j : sink.rows(Table.JOURNAL)) {
            if ("Contribution".equals(j[7])) {
                contributionOfJournal.put((Long) j[0], (Long) j[8]);
            }
        }
        Map<Long, BigDecimal> inLedger = new HashMap<>();
        for (Object[] line : sink.rows(Table.JOURNAL_LINE)) {
            if ("UNAPPLIED_RECEIPTS".equals(line[2])) {
                inLedger.merge(contributionOfJournal.get((Long) line[1]), ((BigDecimal) line[6]).negate(), BigDecimal::add);
            }
        }
        int held = 0;
        int heldAndCertified = 0;
        for (Object[] c : sink.rows(Table.CONTRIBUTION)) {
            long id = (Long) c[0];
            boolean isHeld = Boolean.TRUE.equals(c[20]);
            boolean certified = "CERTIFIED".equals(c[10]);
            held += isHeld ? 1 : 0;
            BigDecimal expected = isHeld && certified
                    ? ((BigDecimal) c[4]).subtract(applied.getOrDefault(id, BigDecimal.ZERO)) : BigDecimal.ZERO;
            heldAndCertified += isHeld && certified ? 1 : 0;
            assertEquals(0, expected.compareTo(inLedger.getOrDefault(id, BigDecimal.ZERO)),
                    "contribution " + id + ": held " + expected + ", ledger " + inLedger.get(id));
        }
        assertTrue(heldAndCertified > 10, "enough held receipts to mean something: " + held + " held, "
                + heldAndCertified + " still certified");
    }

    @Test
    void schedulesAddUpAndNoInstalmentIsOverpaid() {
        Map<Long, BigDecimal> scheduled = new HashMap<>();
        Map<Long, BigDecimal> instalmentAmount = new HashMap<>();
        for (Object[] i : sink.rows(Table.INSTALMENT)) {
            scheduled.merge((Long) i[1], (BigDecimal) i[4], BigDecimal::add);
            instalmentAmount.put((Long) i[0], (BigDecimal) i[4]);
        }
        for (Object[] p : sink.rows(Table.PLEDGE)) {
            assertEquals(0, ((BigDecimal) p[3]).compareTo(scheduled.get((Long) p[0])), "schedule of pledge " + p[0]);
        }
        Map<Long, String> status = new HashMap<>();
        sink.rows(Table.CONTRIBUTION).forEach(c -> status.put((Long) c[0], (String) c[10]));
        Map<Long, BigDecimal> applied = new HashMap<>();
        for (Object[] a : sink.rows(Table.CONTRIBUTION_APPLICATION)) {
            if ("CERTIFIED".equals(status.get((Long) a[1]))) {
                applied.merge((Long) a[2], (BigDecimal) a[3], BigDecimal::add);
            }
        }
        applied.forEach((instalment, amount) -> assertTrue(amount.compareTo(instalmentAmount.get(instalment)) <= 0,
                "instalment " + instalment + " overpaid"));
    }

    @Test
    void contributionsFollowTheServicesRules() {
        boolean sawReversal = false;
        boolean sawPending = false;
        for (Object[] c : sink.rows(Table.CONTRIBUTION)) {
            assertFalse(((LocalDate) c[3]).isAfter(Generator.LAST_DAY), "no received date in the future");
            assertTrue(((BigDecimal) c[4]).signum() > 0, "positive amount");
            assertEquals("USD".equals(c[5]), c[7] == null, "a rate for every currency but USD");
            if (c[14] != null) {
                assertNotEquals(c[12], c[14], "certified by someone else than who recorded it");
            }
            sawReversal |= "REVERSED".equals(c[10]);
            sawPending |= "RECORDED".equals(c[10]);
        }
        assertTrue(sawPending, "some contributions wait for certification");
        assertTrue(sawReversal || summary.of(Table.CONTRIBUTION) < 3000, "reversals appear at this size");
    }

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() {
        MemorySink again = new MemorySink();
        new Generator(new Generator.Settings(42, 70)).generate(again);
        assertEquals(sink.digest(), again.digest());
        MemorySink other = new MemorySink();
        new Generator(new Generator.Settings(43, 70)).generate(other);
        assertNotEquals(sink.digest(), other.digest());
    }

    @Test
    void referenceDataHasTheAgreedShape() {
        assertEquals(20, summary.of(Table.FUND));
        assertEquals(60, ReferenceSet.COUNTRIES.size());
        assertTrue(List.of(java.util.Locale.getISOCountries()).containsAll(
                ReferenceSet.COUNTRIES.stream().map(ReferenceSet.CountryRow::code).toList()),
                "every country is an ISO code, which the migrations ship");
        assertEquals(10, summary.of(Table.CURRENCY));
        assertEquals(70, summary.of(Table.DONOR));
        // 9 currencies x 240 months, plus mid-month revisions
        assertTrue(summary.of(Table.EXCHANGE_RATE) > 9 * 240 && summary.of(Table.EXCHANGE_RATE) < 9 * 240 * 1.2);
    }

    /** Keeps the rows, and a digest of everything written in order. */
    static final class MemorySink implements Sink {
        private final Map<Table, List<Object[]>> rows = new EnumMap<>(Table.class);
        private final MessageDigest sha;

        MemorySink() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void row(Table table, Object... values) {
            assertEquals(table.columns.size(), values.length, table + " column count");
            for (Object v : values) {
                // What JdbcSink can bind: anything else would fail only against the database.
                assertTrue(v == null || v instanceof String || v instanceof Long || v instanceof Integer
                        || v instanceof Boolean || v instanceof BigDecimal || v instanceof LocalDate
                        || v instanceof java.time.LocalDateTime, () -> table + ": cannot bind " + v.getClass());
            }
            rows.computeIfAbsent(table, k -> new ArrayList<>()).add(values.clone());
            sha.update(table.name().getBytes(StandardCharsets.UTF_8));
            for (Object v : values) {
                sha.update(String.valueOf(v).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
        }

        List<Object[]> rows(Table table) {
            return rows.getOrDefault(table, List.of());
        }

        String digest() {
            try {
                return HexFormat.of().formatHex(((MessageDigest) sha.clone()).digest());
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void transfersReconcileAndOnlyGoodsAndReceivedTransfersArePosted() {
        Map<Long, BigDecimal> giftsOf = new HashMap<>();
        Map<Long, BigDecimal> giftsUsdOf = new HashMap<>();
        for (Object[] g : sink.rows(Table.TRANSFER_GIFT)) {
            giftsOf.merge((Long) g[1], (BigDecimal) g[7], BigDecimal::add);
            if (g[8] != null) {
                giftsUsdOf.merge((Long) g[1], (BigDecimal) g[8], BigDecimal::add);
            }
            assertEquals(g[3] == null, (Boolean) g[5], "an anonymous gift, and only it, has no name");
        }
        int received = 0;
        int pending = 0;
        for (Object[] t : sink.rows(Table.INTERMEDIARY_TRANSFER)) {
            BigDecimal gross = (BigDecimal) t[7];
            assertEquals(0, gross.compareTo(giftsOf.get((Long) t[0])), "the gifts add up to the gross of " + t[0]);
            if (t[5] == null) {
                pending++;
                assertEquals("RECORDED", t[16], "nothing received, nothing certified");
                continue;
            }
            received++;
            assertEquals(0, gross.subtract((BigDecimal) t[8]).compareTo((BigDecimal) t[9]), "gross - fees = net");
            assertEquals(0, ((BigDecimal) t[13]).compareTo(giftsUsdOf.get((Long) t[0])), "dollar shares = dollar gross");
            assertEquals(0, ((BigDecimal) t[13]).subtract((BigDecimal) t[15]).compareTo((BigDecimal) t[14]),
                    "dollar fees = dollar gross - dollar net");
        }
        assertTrue(received > 20 && pending > 0, received + " received, " + pending + " pending");

        long certifiedGoods = sink.rows(Table.IN_KIND_CONTRIBUTION).stream()
                .filter(g -> "GOODS".equals(g[8]) && !"RECORDED".equals(g[17])).count();
        long certifiedTransfers = sink.rows(Table.INTERMEDIARY_TRANSFER).stream().filter(t -> "CERTIFIED".equals(t[16])).count();
        Map<String, Long> journals = new HashMap<>();
        sink.rows(Table.JOURNAL).forEach(j -> journals.merge((String) j[3], 1L, Long::sum));
        assertEquals(certifiedGoods, journals.getOrDefault("IN_KIND_CERTIFIED", 0L), "goods are posted, services never");
        assertEquals(certifiedTransfers, journals.getOrDefault("TRANSFER_CERTIFIED", 0L));
        assertTrue(sink.rows(Table.IN_KIND_CONTRIBUTION).stream().anyMatch(g -> "SERVICES".equals(g[8])));
    }
}
