package org.trustfund.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    // ---------------------------------------------------------------------------------- issue 11: travel, expenditure, PSC

    private static final Set<String> SPENDING_SOURCES = Set.of("Travel", "Expenditure", "PSC");

    @Test
    void theSpendingStreamLeavesEveryEarlierRowAsItWas() {
        MemorySink before = new MemorySink();
        new Generator(new Generator.Settings(42, 70, false)).generate(before);
        for (Table table : Table.values()) {
            if (table == Table.JOURNAL || table == Table.JOURNAL_LINE) {
                continue;
            }
            List<Object[]> a = before.rows(table);
            List<Object[]> b = sink.rows(table);
            if (a.isEmpty()) {
                continue; // a table of issue 11
            }
            assertEquals(a.size(), b.size(), table + " rows");
            for (int i = 0; i < a.size(); i++) {
                assertTrue(Arrays.equals(a.get(i), b.get(i)), table + " row " + i);
            }
        }
        // The earlier journals, in the same order with the same contents (only their ids move).
        assertEquals(journalsWithout(before, SPENDING_SOURCES), journalsWithout(sink, SPENDING_SOURCES));
        assertTrue(summary.of(Table.TRAVEL_REQUEST) > 0 && before.rows(Table.TRAVEL_REQUEST).isEmpty());
    }

    /** Each journal as text without its id and the id of the journal it reverses, with its lines. */
    private static List<String> journalsWithout(MemorySink s, Set<String> sources) {
        Map<Long, StringBuilder> lines = new HashMap<>();
        for (Object[] l : s.rows(Table.JOURNAL_LINE)) {
            lines.computeIfAbsent((Long) l[1], k -> new StringBuilder())
                    .append(Arrays.toString(Arrays.copyOfRange(l, 2, l.length))).append(';');
        }
        List<String> out = new ArrayList<>();
        for (Object[] j : s.rows(Table.JOURNAL)) {
            if (!sources.contains((String) j[7])) {
                out.add(Arrays.toString(Arrays.copyOfRange(j, 1, 10)) + (j[10] == null ? "" : " reverses") + " "
                        + lines.get((Long) j[0]));
            }
        }
        return out;
    }

    private static Map<Long, Map<String, BigDecimal>> netByJournalAndAccount() {
        Map<Long, Map<String, BigDecimal>> net = new HashMap<>();
        for (Object[] l : sink.rows(Table.JOURNAL_LINE)) {
            net.computeIfAbsent((Long) l[1], k -> new HashMap<>()).merge((String) l[2],
                    ((BigDecimal) l[3]).subtract((BigDecimal) l[4]), BigDecimal::add);
        }
        return net;
    }

    @Test
    void tripsArePostedAsTheTravelServicePostsThem() {
        Map<Long, List<Object[]>> journalsOfTrip = new HashMap<>();
        Map<Long, Object[]> journalById = new HashMap<>();
        for (Object[] j : sink.rows(Table.JOURNAL)) {
            journalById.put((Long) j[0], j);
            if ("Travel".equals(j[7])) {
                journalsOfTrip.computeIfAbsent((Long) j[8], k -> new ArrayList<>()).add(j);
            }
        }
        Map<Long, Map<String, BigDecimal>> net = netByJournalAndAccount();
        Map<String, Integer> statuses = new HashMap<>();
        BigDecimal openObligations = BigDecimal.ZERO;
        for (Object[] t : sink.rows(Table.TRAVEL_REQUEST)) {
            long id = (Long) t[0];
            String status = (String) t[27];
            statuses.merge(status, 1, Integer::sum);
            List<String> events = journalsOfTrip.getOrDefault(id, List.of()).stream().map(j -> (String) j[3]).toList();
            LocalDate departure = (LocalDate) t[8];
            LocalDate back = (LocalDate) t[9];
            assertFalse(back.isBefore(departure));
            String asks = (String) t[6];
            assertEquals(!"DSA".equals(asks), ((BigDecimal) t[11]).signum() > 0, "a ticket, and only then, has an amount");
            if (!"TICKET".equals(asks)) {
                assertEquals((int) ChronoUnit.DAYS.between(departure, back), (Integer) t[18], "DSA days = nights");
                assertTrue(t[15] != null, "a DSA rate in force");
            }
            assertEquals("DEVELOPED".equals(t[25]), t[26] != null, "an eligibility reason exactly for developed residence");
            assertTrue(t[36] == null || (t[37] != null && t[39] != null && t[34] != null), "ck_travel_request_paid");
            switch (status) {
                case "REQUESTED", "APPROVED", "REJECTED" -> assertEquals(List.of(), events, status);
                case "OBLIGATED" -> {
                    assertEquals(List.of("TRAVEL_OBLIGATED"), events);
                    openObligations = openObligations.add((BigDecimal) t[34]);
                }
                case "PAID", "REPORTED" -> {
                    assertEquals(List.of("TRAVEL_OBLIGATED", "TRAVEL_OBLIGATION_RELEASED", "TRAVEL_PAID"), events);
                    Object[] paid = journalsOfTrip.get(id).get(2);
                    assertEquals(t[36], paid[4], "paid on the payment date");
                    assertEquals(0, ((BigDecimal) t[39]).compareTo(net.get((Long) paid[0]).get("TRAVEL_AND_FELLOWSHIPS")));
                    assertEquals(0, ((BigDecimal) t[39]).negate().compareTo(net.get((Long) paid[0]).get("CASH")));
                    assertEquals(0, ((BigDecimal) t[34]).compareTo(
                            net.get((Long) journalsOfTrip.get(id).get(1)[0]).get("OBLIGATIONS_RESERVE")));
                    if ("REPORTED".equals(status)) {
                        assertFalse(((LocalDate) t[41]).isBefore(back), "report after the return");
                    }
                }
                case "CANCELLED" -> {
                    if (t[36] != null) {
                        assertEquals(List.of("TRAVEL_OBLIGATED", "TRAVEL_OBLIGATION_RELEASED", "TRAVEL_PAID",
                                "TRAVEL_PAYMENT_REVERSED"), events);
                        Object[] reversal = journalsOfTrip.get(id).get(3);
                        assertEquals("TRAVEL_PAID", journalById.get((Long) reversal[10])[3], "reverses the payment");
                    } else if (t[33] != null) {
                        assertEquals(List.of("TRAVEL_OBLIGATED", "TRAVEL_OBLIGATION_RELEASED"), events);
                        assertEquals("TRAVEL_OBLIGATED", journalById.get((Long) journalsOfTrip.get(id).get(1)[10])[3]);
                    } else {
                        assertEquals(List.of(), events);
                    }
                    assertTrue(t[45] != null, "a cancellation has its reason");
                }
                default -> throw new AssertionError(status);
            }
        }
        BigDecimal memo = BigDecimal.ZERO;
        for (Map<String, BigDecimal> j : net.values()) {
            memo = memo.add(j.getOrDefault("OPEN_OBLIGATIONS", BigDecimal.ZERO));
        }
        assertEquals(0, openObligations.compareTo(memo), "open obligations = the memo account's balance");
        assertTrue(statuses.getOrDefault("REPORTED", 0) > summary.of(Table.TRAVEL_REQUEST) * 0.7, statuses.toString());
        assertEquals(10L * 70, summary.of(Table.TRAVEL_REQUEST), "ten trips per donor");
    }

    @Test
    void expenditureIsPostedWhenCertifiedAndMirroredWhenReversed() {
        Map<Long, List<String>> events = new HashMap<>();
        for (Object[] j : sink.rows(Table.JOURNAL)) {
            if ("Expenditure".equals(j[7])) {
                events.computeIfAbsent((Long) j[8], k -> new ArrayList<>()).add((String) j[3]);
            }
        }
        int certified = 0;
        for (Object[] x : sink.rows(Table.OTHER_EXPENDITURE)) {
            String status = (String) x[12];
            List<String> posted = events.getOrDefault((Long) x[0], List.of());
            switch (status) {
                case "CERTIFIED" -> assertEquals(List.of("EXPENDITURE_CERTIFIED"), posted);
                case "REVERSED" -> assertEquals(List.of("EXPENDITURE_CERTIFIED", "EXPENDITURE_REVERSED"), posted);
                default -> assertEquals(List.of(), posted);
            }
            certified += "RECORDED".equals(status) || "RETURNED".equals(status) ? 0 : 1;
            assertEquals("USD".equals(x[5]), x[6] == null, "a rate for every currency but USD");
            if (x[16] != null) {
                assertNotEquals(x[14], x[16], "certified by someone else than who recorded it");
            }
        }
        assertTrue(certified > 100, "certified: " + certified);
    }

    @Test
    void pscIsThirteenPercentOfEachFundYearsBaseAndARunWouldPostNothingMore() {
        Set<String> base = Set.of("TRAVEL_AND_FELLOWSHIPS", "STAFF_AND_CONSULTANTS", "CONTRACTUAL_SERVICES",
                "TRAVEL_OF_STAFF", "OPERATING_EXPENSES", "EQUIPMENT", "OTHER_EXPENSES");
        Map<Long, Object[]> journals = new HashMap<>();
        sink.rows(Table.JOURNAL).forEach(j -> journals.put((Long) j[0], j));
        Map<List<Object>, BigDecimal> bases = new HashMap<>();
        Map<List<Object>, BigDecimal> charged = new HashMap<>();
        for (Object[] l : sink.rows(Table.JOURNAL_LINE)) {
            Object[] j = journals.get((Long) l[1]);
            List<Object> key = List.of(j[1], ((LocalDate) j[4]).getYear());
            BigDecimal n = ((BigDecimal) l[3]).subtract((BigDecimal) l[4]);
            if (base.contains((String) l[2])) {
                bases.merge(key, n, BigDecimal::add);
            } else if ("PROGRAMME_SUPPORT_COSTS".equals(l[2])) {
                charged.merge(key, n, BigDecimal::add);
            }
        }
        Set<List<Object>> charges = new HashSet<>();
        for (Object[] c : sink.rows(Table.PSC_CHARGE)) {
            List<Object> key = List.of(c[1], c[2]);
            assertTrue(charges.add(key), "one charge per fund-year " + key);
            assertEquals(LocalDate.of((Integer) c[2], 12, 31), c[3]);
            assertEquals(0, ((BigDecimal) c[4]).compareTo(bases.get(key)), "base of " + key);
            assertEquals(0, new BigDecimal("0.1300").compareTo((BigDecimal) c[5]));
        }
        assertTrue(bases.size() > 100, "fund-years with spending: " + bases.size());
        bases.forEach((key, b) -> {
            // What ProgrammeSupportCosts.compute would find to post: due - charged.
            BigDecimal due = b.multiply(new BigDecimal("0.1300")).setScale(2, RoundingMode.HALF_UP);
            assertEquals(0, due.compareTo(charged.getOrDefault(key, BigDecimal.ZERO)), "PSC of " + key);
            if (due.signum() != 0) {
                assertTrue(charges.contains(key), "a charge row for " + key);
            }
        });
    }

    @Test
    void noFundSpendsCashItHasNot() {
        Map<Long, Object[]> journals = new HashMap<>();
        sink.rows(Table.JOURNAL).forEach(j -> journals.put((Long) j[0], j));
        Map<Long, java.util.TreeMap<LocalDate, BigDecimal>> cash = new HashMap<>();
        for (Object[] l : sink.rows(Table.JOURNAL_LINE)) {
            if ("CASH".equals(l[2])) {
                Object[] j = journals.get((Long) l[1]);
                cash.computeIfAbsent((Long) j[1], k -> new java.util.TreeMap<>()).merge((LocalDate) j[4],
                        ((BigDecimal) l[3]).subtract((BigDecimal) l[4]), BigDecimal::add);
            }
        }
        cash.forEach((fund, byDate) -> {
            BigDecimal running = BigDecimal.ZERO;
            for (Map.Entry<LocalDate, BigDecimal> e : byDate.entrySet()) {
                running = running.add(e.getValue());
                assertTrue(running.signum() >= 0, "fund " + fund + " cash on " + e.getKey() + ": " + running);
            }
        });
    }

    /** The status kept on a request is the residence country's status on the departure date in the migration V14. */
    @Test
    void residenceStatusIsTheMigrationsStatusOnTheDepartureDate() throws Exception {
        java.nio.file.Path v14 = java.nio.file.Path.of("..", "sql", "V14__countries_status_history.sql");
        Map<String, java.util.TreeMap<LocalDate, String>> history = new HashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\('([A-Z]{2})', '(\\d{4}-\\d{2}-\\d{2})', '([A-Z_]+)'")
                .matcher(java.nio.file.Files.readString(v14));
        while (m.find()) {
            history.computeIfAbsent(m.group(1), k -> new java.util.TreeMap<>()).put(LocalDate.parse(m.group(2)), m.group(3));
        }
        Map<Long, String> residence = new HashMap<>();
        sink.rows(Table.TRAVELLER).forEach(t -> residence.put((Long) t[0], (String) t[4]));
        for (Object[] t : sink.rows(Table.TRAVEL_REQUEST)) {
            String expected = history.get(residence.get((Long) t[1])).floorEntry((LocalDate) t[8]).getValue();
            assertEquals(expected, t[25], "request " + t[0]);
        }
    }
}
