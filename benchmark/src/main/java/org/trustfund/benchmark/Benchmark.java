package org.trustfund.benchmark;

import com.mysql.cj.jdbc.MysqlDataSource;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.trustfund.ledger.LedgerCheckResult;
import org.trustfund.platform.SchemaMigration;
import org.trustfund.server.DatabaseSettings;
import org.trustfund.server.EmbeddedDatabase;
import org.trustfund.server.StartupException;
import org.trustfund.server.TrustfundSystem;

/**
 * The benchmark command: generates the data set into the embedded database of a state folder of its own,
 * proves the ledger with LedgerCheck, times the list pages' queries and report queries directly, then starts
 * the real system (Payara, the EAR) on that database and times the pages over HTTP. Prints a Markdown report
 * and keeps it in the state folder. Everything it starts it stops.
 *
 * <pre>
 * ./trustfund benchmark [--state DIR] [--port-base N] [--seed N] [--donors N] [--runs N] [--warmup N]
 *                       [--generate true|false] [--queries true|false] [--reports true|false] [--pages true|false]
 * </pre>
 */
public final class Benchmark {

    private static final String CREDENTIALS = "benchmark-credentials.txt";

    private final Path repo;
    private Path state;
    private int portBase = 8200;
    private long seed = 20_060_101L;
    private int donors = 2000;
    private int runs = 30;
    private int warmup = 10;
    private boolean generate = true;
    private boolean pages = true;
    private boolean reports = true;
    private boolean workbooks = true;
    private boolean queries = true;
    private boolean check = true;
    private boolean listPages = true;
    private int publicReaders = 50;
    private final Report report = new Report();

    private Benchmark(Path repo) {
        this.repo = repo;
        this.state = repo.resolve(".trustfund/benchmark");
    }

    public static void main(String[] args) {
        // Flyway reports every migration and MariaDB's notes on constraint names at INFO/WARN: keep errors only.
        System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "error");
        Benchmark benchmark = new Benchmark(repositoryRoot());
        try {
            benchmark.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("benchmark: " + e.getMessage());
            System.err.println("Usage: ./trustfund benchmark [--state DIR] [--port-base N] [--seed N] [--donors N]"
                    + " [--runs N] [--warmup N] [--generate true|false] [--queries true|false] [--reports true|false] [--workbooks true|false] [--pages true|false] [--check true|false] [--list-pages true|false] [--public-readers N]");
            System.exit(2);
        }
        try {
            benchmark.run();
        } catch (StartupException e) {
            System.err.println("benchmark: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    private void parse(String[] args) {
        Deque<String> a = new ArrayDeque<>(List.of(args));
        while (!a.isEmpty()) {
            String option = a.pop();
            if (a.isEmpty()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = a.pop();
            switch (option) {
                case "--state" -> state = Path.of(value).toAbsolutePath();
                case "--port-base" -> portBase = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--donors" -> donors = Integer.parseInt(value);
                case "--runs" -> runs = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--generate" -> generate = Boolean.parseBoolean(value);
                case "--pages" -> pages = Boolean.parseBoolean(value);
                case "--reports" -> reports = Boolean.parseBoolean(value);
                case "--workbooks" -> workbooks = Boolean.parseBoolean(value);
                case "--queries" -> queries = Boolean.parseBoolean(value);
                case "--check" -> check = Boolean.parseBoolean(value);
                case "--list-pages" -> listPages = Boolean.parseBoolean(value);
                case "--public-readers" -> publicReaders = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (runs < 1 || warmup < 0) {
            throw new IllegalArgumentException("--runs must be at least 1 and --warmup at least 0");
        }
    }

    private void run() {
        report.heading("Trustfund benchmark");
        report.line("Seed " + seed + ", " + donors + " donors, " + runs + " timed runs after " + warmup
                + " warm-up runs per measurement, page size " + QueryTimings.PAGE_SIZE + ". State folder " + state + ".");
        report.line("");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(state.resolve("db"), portBase + TrustfundSystem.DATABASE_PORT_OFFSET)) {
            machine(db);
            if (generate) {
                load(db);
            } else {
                // The data already there, brought to the current schema (e.g. new indexes) as the application would.
                long begin = System.nanoTime();
                SchemaMigration.migrate(dataSource(db.settings()), Benchmark.class.getClassLoader());
                report.line(String.format(Locale.ROOT, "Measuring the data set already in the state folder; migrations"
                        + " brought it to the current schema in %.1f s.", (System.nanoTime() - begin) / 1e9));
                report.line("");
            }
            if (check) {
                checkLedger(db);
            }
            if (queries) {
                measureQueries(db);
            }
            if (workbooks) {
                measureWorkbooks(db);
            }
        }
        if (pages) {
            measurePages();
        }
        Path file = state.resolve("benchmark-report.md");
        try {
            Files.writeString(file, report.text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        System.out.println();
        System.out.println("Report written to " + file);
    }

    private void machine(EmbeddedDatabase db) {
        report.heading2("Machine");
        Runtime rt = Runtime.getRuntime();
        report.line("- " + rt.availableProcessors() + " CPU cores, " + physicalMemoryGb() + " GB memory, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
                + System.getProperty("java.version") + " (benchmark JVM max heap " + rt.maxMemory() / (1 << 20) + " MB)");
        try (Connection c = QueryTimings.connect(db.adminSettings()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT VERSION(), @@innodb_buffer_pool_size")) {
            rs.next();
            report.line("- MariaDB " + rs.getString(1) + " (embedded, as the launcher runs it: InnoDB buffer pool "
                    + rs.getLong(2) / (1 << 20) + " MB)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        report.line("");
    }

    /** The machine's 1, 5 and 15 minute load averages: other work on the 2 cores shows in every time. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2] + " (1 / 5 / 15 min)";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String physicalMemoryGb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%.0f", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: say nothing precise
        }
        return "?";
    }

    private void load(EmbeddedDatabase db) {
        report.heading2("Generating the data set");
        report.line("Load average before: " + loadAverage());
        report.line("");
        long begin = System.nanoTime();
        try (Connection c = QueryTimings.connect(db.adminSettings()); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + EmbeddedDatabase.DATABASE + "`");
            s.execute("CREATE DATABASE `" + EmbeddedDatabase.DATABASE + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot recreate the database: " + e.getMessage(), e);
        }
        deleteQuietly(state.resolve(CREDENTIALS));
        SchemaMigration.migrate(dataSource(db.settings()), Benchmark.class.getClassLoader());
        long migrated = System.nanoTime();

        Generator.Summary summary;
        double writerSeconds;
        DatabaseSettings app = db.settings();
        try (Connection c = java.sql.DriverManager.getConnection(app.jdbcUrl() + "&rewriteBatchedStatements=true",
                app.user(), app.password()); JdbcSink sink = new JdbcSink(c)) {
            summary = new Generator(new Generator.Settings(seed, donors)).generate(sink);
            writerSeconds = sink.databaseSeconds();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot load the data set: " + e.getMessage(), e);
        }
        long loaded = System.nanoTime();
        try (Connection c = QueryTimings.connect(app); Statement s = c.createStatement()) {
            StringBuilder tables = new StringBuilder();
            for (Table t : Table.values()) {
                tables.append(tables.length() == 0 ? "" : ", ").append(t.sqlName);
            }
            s.execute("ANALYZE TABLE " + tables);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        long analysed = System.nanoTime();
        report.line("| table | rows |");
        report.line("|---|---:|");
        for (Table t : Table.values()) {
            report.line("| " + t.sqlName + " | " + String.format(Locale.ROOT, "%,d", summary.of(t)) + " |");
        }
        long total = summary.rows().values().stream().mapToLong(Long::longValue).sum();
        report.line("| **all** | **" + String.format(Locale.ROOT, "%,d", total) + "** |");
        report.line("");
        report.line(String.format(Locale.ROOT, "- Fresh database and schema migrations (Flyway, V1..): %.1f s",
                (migrated - begin) / 1e9));
        report.line(String.format(Locale.ROOT, "- Generate and load %,d rows (batched JDBC, rewriteBatchedStatements=true,"
                + " foreign keys and triggers on): %.1f s (%,.0f rows/s); the writer thread spent %.1f s sending and"
                + " committing, overlapping with generation", total, (loaded - migrated) / 1e9,
                total / ((loaded - migrated) / 1e9), writerSeconds));
        report.line(String.format(Locale.ROOT, "- ANALYZE TABLE: %.1f s", (analysed - loaded) / 1e9));
        report.line(String.format(Locale.ROOT, "- Data and index size on disk: %s", dataSize(app)));
        report.line("- Load average after: " + loadAverage());
        report.line("");
    }

    private static MysqlDataSource dataSource(DatabaseSettings settings) {
        MysqlDataSource ds = new MysqlDataSource();
        ds.setURL(settings.jdbcUrl());
        ds.setUser(settings.user());
        ds.setPassword(settings.password());
        return ds;
    }

    private static String dataSize(DatabaseSettings app) {
        try (Connection c = QueryTimings.connect(app); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SUM(data_length), SUM(index_length) FROM information_schema.tables"
                     + " WHERE table_schema = DATABASE()")) {
            rs.next();
            return String.format(Locale.ROOT, "%.0f MB data + %.0f MB indexes", rs.getLong(1) / 1048576.0,
                    rs.getLong(2) / 1048576.0);
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** The auditors' check on the whole data set: every journal balanced, every fund, every receivable. */
    private void checkLedger(EmbeddedDatabase db) {
        try (QueryTimings timings = new QueryTimings(db.settings(), db.adminSettings())) {
            report.heading2("LedgerCheck on the generated data");
            long begin = System.nanoTime();
            LedgerCheckResult check = timings.ledgerCheck();
            double seconds = (System.nanoTime() - begin) / 1e9;
            long balancedFunds = check.funds().stream().filter(LedgerCheckResult.FundTotals::balances).count();
            report.line(String.format(Locale.ROOT, "- %s: %,d journals, %,d journal lines; %d unbalanced journals;"
                            + " %d of %d funds balance; %d receivable mismatches (receivable = agreed − received per"
                            + " pledge); %d pledges holding deferred revenue they may not; %d contributions whose unapplied"
                            + " receipts differ from their held rest. Took %.1f s.",
                    check.isConsistent() ? "**Consistent**" : "**NOT consistent**",
                    check.journalCount(), check.lineCount(), check.unbalancedJournals().size(), balancedFunds,
                    check.funds().size(), check.receivableMismatches().size(), check.deferredRevenueMismatches().size(),
                    check.unappliedReceiptMismatches().size(), seconds));
            check.receivableMismatches().stream().limit(5).forEach(m -> report.line("  - mismatch: " + m));
            check.unbalancedJournals().stream().limit(5).forEach(u -> report.line("  - unbalanced: " + u));
            report.line("");
        }
    }

    private void measureQueries(EmbeddedDatabase db) {
        try (QueryTimings timings = new QueryTimings(db.settings(), db.adminSettings())) {
            report.heading2("List pages: the services' queries (search + count), outside the container");
            report.line("A fresh EntityManager per request (production persistence unit, EclipseLink, resource-local,"
                    + " its own connection pool), DonorService / ContributionService search(first, 25) + count, as the"
                    + " lazy table's load does; contribution rows also read donor name and fund code as the table"
                    + " shows them. Times in ms.");
            report.line("");
            measureAll(timings, timings.listScenarios());
            if (reports) {
                report.heading2("Report queries (bonus)");
                measureAll(timings, timings.reportScenarios());
            }
        }
    }

    private void measureWorkbooks(EmbeddedDatabase db) {
        report.heading2("Annual report workbook, contribution export, trial balance");
        report.line("Load average before: " + loadAverage());
        report.line("");
        try (QueryTimings timings = new QueryTimings(db.settings(), db.adminSettings())) {
            new WorkbookTimings(db.settings(), db.adminSettings(), timings, state.resolve("workbooks"), Math.min(runs, 3),
                    report::line).run();
        } catch (Exception e) {
            throw new IllegalStateException("Workbook measurement failed: " + e.getMessage(), e);
        }
        report.line("Load average after: " + loadAverage());
        report.line("");
    }

    private void measureAll(QueryTimings timings, List<QueryTimings.Scenario> scenarios) {
        report.line("Load average before: " + loadAverage());
        report.line("");
        report.line("| page | request | median | p95 | min | max | statements | rows read |");
        report.line("|---|---|---:|---:|---:|---:|---:|---:|");
        StringBuilder details = new StringBuilder();
        for (QueryTimings.Scenario scenario : scenarios) {
            QueryTimings.Result r = timings.measure(scenario, warmup, runs);
            report.line(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.1f | %d | %,d |", scenario.page(),
                    scenario.name(), r.total().medianMs(), r.total().p95Ms(), r.total().minMs(), r.total().maxMs(),
                    r.statements().size(), r.rowsRead()));
            details.append("**").append(scenario.page()).append(": ").append(scenario.name()).append("** — ")
                    .append(r.statements().size()).append(" statement(s), rows read ")
                    .append(String.format(Locale.ROOT, "%,d", r.rowsRead())).append("\n\n```\n");
            r.plans().forEach(p -> details.append(p).append("\n"));
            details.append("```\n\n");
        }
        report.line("");
        report.line("Load average after: " + loadAverage());
        report.line("");
        report.line("<details><summary>Statements sent and their plans</summary>");
        report.line("");
        report.raw(details.toString());
        report.line("</details>");
        report.line("");
    }

    private void measurePages() {
        report.heading2("Pages over HTTP (the real system on the generated database)");
        TrustfundSystem.Options options = TrustfundSystem.Options.builder(state).portBase(portBase)
                .ear(repo.resolve("ear/target/trustfund.ear")).runtime(repo.resolve("server/target/runtime"))
                .demo(true).env(java.util.Map.of()).build();
        long begin = System.nanoTime();
        try (TrustfundSystem system = TrustfundSystem.start(options)) {
            report.line(String.format(Locale.ROOT, "- Payara start and deploy on the generated database: %.0f s",
                    (System.nanoTime() - begin) / 1e9));
            measurePublicPage(system);
            if (!listPages) {
                return;
            }
            String credentials = credentials(system);
            PageTimings finance = new PageTimings(system.baseUrl());
            finance.signIn("finance", password(credentials, "finance"));
            PageTimings auditor = new PageTimings(system.baseUrl());
            auditor.signIn("auditor", password(credentials, "auditor"));
            report.line("- Signed in over HTTP as the demo finance officer and auditor (JSF form, session cookie)."
                    + " Each time is one request measured by a client on the same machine: server work (queries,"
                    + " rendering) plus loopback.");
            report.line("");
            report.line("Load average before: " + loadAverage());
            report.line("");
            report.line("| page | request | median | p95 | min | max |");
            report.line("|---|---|---:|---:|---:|---:|");
            timeListPage(finance, "/finance/donors.xhtml", "donors",
                    List.of(new Filtered("name contains \"net\" + private sector, then sort by country Z→A",
                            java.util.Map.of("donors:name", "net", "donors:group_input", "PRIVATE_SECTOR"), 2, -1)));
            timeListPage(finance, "/finance/contributions.xhtml", "contributions",
                    List.of(new Filtered("donor contains \"net\" + certified + 2015–2020, then sort by USD amount high→low",
                                    java.util.Map.of("contributions:donorName", "net", "contributions:status_input", "CERTIFIED",
                                            "contributions:from_input", "2015-01-01", "contributions:to_input", "2020-12-31"), 2, -1),
                            new Filtered("currency EUR + certified, then sort by donor A→Z",
                                    java.util.Map.of("contributions:currency_input", "EUR", "contributions:status_input",
                                            "CERTIFIED"), 1, 1)));
            timeListPage(finance, "/app/dashboard.xhtml", null, List.of());
            timeListPage(auditor, "/audit/audit-log.xhtml", null, List.of());
            report.line("");
            report.line("Load average after: " + loadAverage());
            report.line("");
        }
    }

    /**
     * The public supporters page of the fund-year with the most certified contributions, read by {@code publicReaders}
     * anonymous readers at once: full renders (no tag), then revalidations (If-None-Match, 304). Target: p95 ≤ 100 ms.
     */
    private void measurePublicPage(TrustfundSystem system) {
        report.heading2("Public supporters page, " + publicReaders + " concurrent anonymous readers (issue 12)");
        String code;
        String name;
        int year;
        long named;
        org.trustfund.server.DatabaseSettings db = system.databaseSettings();
        try (Connection c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT f.code, f.name, YEAR(c.received_date), COUNT(*),"
                     + " COUNT(DISTINCT c.donor_id) FROM contribution c JOIN fund f ON f.id = c.fund_id"
                     + " WHERE c.status = 'CERTIFIED' GROUP BY f.code, f.name, YEAR(c.received_date)"
                     + " ORDER BY COUNT(*) DESC LIMIT 1")) {
            rs.next();
            code = rs.getString(1);
            name = rs.getString(2);
            year = rs.getInt(3);
            named = rs.getLong(5);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        String path = "/public/supporters.xhtml?fund=" + code + "&year=" + year;
        PublicPageTimings page = new PublicPageTimings(system.baseUrl() + path, name);
        int each = Math.max(runs, 40);
        try {
            String etag = page.etag();
            page.measure(Math.min(publicReaders, 10), Math.max(warmup, 20), null);
            report.line(String.format(Locale.ROOT, "`%s`: fund %s, %d (the fund-year with the most certified"
                    + " contributions; %,d donors gave directly). Readers share one HTTP client (no cookie); %d"
                    + " requests each after a warm-up; every answer's status checked (200 or 304), every tenth full page"
                    + " read for the fund's name.",
                    path, code, year, named, each));
            report.line("");
            report.line("Load average before: " + loadAverage());
            report.line("");
            report.line(String.format(Locale.ROOT, "The full page is %,d bytes, %,d as sent to a reader that accepts"
                    + " gzip (as browsers do; the readers here do).", page.pageBytes(), page.sentBytes()));
            report.line("");
            report.line("| requests | answers | median ms | p95 ms | p99 ms | max ms | requests/s | unexpected |");
            report.line("|---|---:|---:|---:|---:|---:|---:|---:|");
            publicRow("full page (no tag)", page.measure(publicReaders, each, null));
            publicRow("revalidation (If-None-Match → 304)", page.measure(publicReaders, each, etag));
            report.line("");
            report.line("Load average after: " + loadAverage());
            report.line("");
            measurePublicPageWithWrk(page, etag);
        } catch (Exception e) {
            report.line("The public page could not be measured: " + e);
            report.line("");
        }
    }

    /**
     * The same readers from wrk: the JDK client above takes about as much CPU as the server it measures, and here both
     * share two cores; wrk's one event-loop thread takes a fraction of that, so its figures are the server's.
     */
    private void measurePublicPageWithWrk(PublicPageTimings page, String etag) throws Exception {
        if (!WrkLoad.available()) {
            report.line("wrk is not installed (Debian: apt-get install wrk), so the page was not also measured with it.");
            report.line("");
            return;
        }
        WrkLoad wrk = new WrkLoad(page.url());
        int seconds = Math.max(10, runs / 2);
        wrk.run(publicReaders, 5, null, page.sentBytes());
        report.line(String.format(Locale.ROOT, "The same %d readers from wrk (one thread, %d keep-alive connections,"
                + " each asking again as soon as its answer has arrived; %d s each after a 5 s warm-up; every answer's"
                + " status and, for the full page, its length in bytes checked):", publicReaders, publicReaders,
                seconds));
        report.line("");
        report.line("Load average before: " + loadAverage());
        report.line("");
        report.line("| requests (wrk) | answers | median ms | p95 ms | p99 ms | max ms | requests/s | unexpected |");
        report.line("|---|---:|---:|---:|---:|---:|---:|---:|");
        wrkRow("full page (no tag)", wrk.run(publicReaders, seconds, null, page.sentBytes()));
        wrkRow("revalidation (If-None-Match → 304)", wrk.run(publicReaders, seconds, etag, page.sentBytes()));
        report.line("");
        report.line("Load average after: " + loadAverage());
        report.line("");
    }

    private void wrkRow(String what, WrkLoad.Result r) {
        report.line(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f | %.1f | %.0f | %d |", what, r.requests(),
                r.p50(), r.p95(), r.p99(), r.max(), r.perSecond(), r.unexpected()));
    }

    private void publicRow(String what, PublicPageTimings.Result r) {
        report.line(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f | %.1f | %.0f | %d |", what, r.requests(),
                r.times().medianMs(), r.times().p95Ms(), r.times().percentileMs(99), r.times().maxMs(), r.perSecond(),
                r.unexpected()));
    }

    /** A filter typed into a list page's form, then a click on the header of sortable column {@code column}. */
    private record Filtered(String name, java.util.Map<String, String> fields, int column, int direction) {
    }

    private void timeListPage(PageTimings client, String path, String form, List<Filtered> filters) {
        Optional<PageTimings.LoadedPage> opened = client.open(path);
        if (opened.isEmpty()) {
            report.line("| " + path + " | not in this build (404) | | | | |");
            return;
        }
        PageTimings.LoadedPage page = opened.get();
        try {
            // What was measured, to look at: the page as the first GET returned it.
            Path saved = Files.createDirectories(state.resolve("pages")).resolve(path.substring(path.lastIndexOf('/') + 1).replace(".xhtml", ".html"));
            Files.writeString(saved, page.html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            report.line("(could not keep the page's HTML: " + e.getMessage() + ")");
        }
        row(path, "GET: the page with its table's first page", repeat(page::timeGet));
        if (page.tableId == null && form != null) {
            throw new IllegalStateException(path + " has no lazy table that this benchmark recognises (see the saved HTML)");
        }
        if (page.tableId == null || form == null) {
            return;
        }
        for (Filtered f : filters) {
            if (f.column() >= page.sortableColumns.size()) {
                throw new IllegalStateException(path + " has only " + page.sortableColumns.size() + " sortable columns");
            }
            String column = page.sortableColumns.get(f.column());
            Stats filter = new Stats();
            Stats sort = new Stats();
            for (int i = 0; i < warmup + runs; i++) {
                long[] took = client.timeFilterThenSort(page, form, f.fields(), column, f.direction());
                if (i >= warmup) {
                    filter.add(took[0]);
                    sort.add(took[1]);
                }
            }
            row(path, "AJAX filter: " + f.name().replaceAll(", then.*", ""), filter);
            row(path, "AJAX sort of that: " + f.name(), sort);
        }
        row(path, "AJAX page 41 (rows 1,001–1,025)", repeat(() -> page.timeTableRequest(null, null, null, 1000)));
    }

    private void row(String path, String what, Stats s) {
        report.line(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.1f |", path, what, s.medianMs(), s.p95Ms(),
                s.minMs(), s.maxMs()));
    }

    private Stats repeat(java.util.function.LongSupplier timed) {
        for (int i = 0; i < warmup; i++) {
            timed.getAsLong();
        }
        Stats stats = new Stats();
        for (int i = 0; i < runs; i++) {
            stats.add(timed.getAsLong());
        }
        return stats;
    }

    /**
     * The demo passwords the application generated on its first start on this database. Kept (owner-only) in
     * the benchmark's state folder so that a later run on the same data ({@code --generate false}) can sign in.
     */
    private String credentials(TrustfundSystem system) {
        Path kept = state.resolve(CREDENTIALS);
        Optional<String> fresh = system.readAndDeleteFirstStartCredentials();
        try {
            if (fresh.isPresent()) {
                deleteQuietly(kept);
                Files.createFile(kept, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(kept, fresh.get(), StandardCharsets.UTF_8);
                return fresh.get();
            }
            return Files.readString(kept, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("No demo credentials for this database (" + kept + "); run with"
                    + " --generate true to make a fresh one.", e);
        }
    }

    private static String password(String credentials, String user) {
        return credentials.lines().map(String::trim).filter(l -> l.startsWith(user + " "))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No password for " + user + " in the first-start credentials"));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover file is overwritten or reported later
        }
    }

    /** {@code REPO} when running from {@code REPO/benchmark/target/}, else the working folder. */
    private static Path repositoryRoot() {
        try {
            Path location = Path.of(Benchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = location.getParent();
            if (target != null && target.getFileName() != null && "target".equals(target.getFileName().toString())
                    && target.getParent() != null && target.getParent().getParent() != null) {
                return target.getParent().getParent();
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through
        }
        return Path.of("").toAbsolutePath();
    }

    /** The Markdown report: printed as it grows, kept for the file. */
    private static final class Report {
        private final StringBuilder text = new StringBuilder();

        void heading(String title) {
            line("# " + title);
            line("");
        }

        void heading2(String title) {
            line("## " + title);
            line("");
        }

        void line(String line) {
            text.append(line).append('\n');
            System.out.println(line);
        }

        void raw(String block) {
            text.append(block);
            System.out.print(block);
        }

        String text() {
            return text.toString();
        }
    }
}
