package org.trustfund.benchmark;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.trustfund.contribution.ContributionQuery;
import org.trustfund.contribution.ContributionService;
import org.trustfund.contribution.ContributionStatus;
import org.trustfund.donor.DonorQuery;
import org.trustfund.donor.DonorService;
import org.trustfund.donor.StakeholderGroup;
import org.trustfund.ledger.Ledger;
import org.trustfund.ledger.LedgerCheck;
import org.trustfund.ledger.LedgerCheckResult;
import org.trustfund.security.Caller;
import org.trustfund.security.Roles;
import org.trustfund.server.DatabaseSettings;

/**
 * Times the list pages' service calls (search + count, as a lazy table's load does) and report queries on the
 * generated database, outside the container: the production persistence unit with EclipseLink's own
 * connection pool, resource-local, a fresh entity manager per request as the container gives one per
 * transaction. The statements each request sends are captured with the server's general log (so what is
 * shown and explained is exactly what EclipseLink sent) and explained.
 */
final class QueryTimings implements AutoCloseable {

    static final int PAGE_SIZE = 25;

    /** The caller of the list pages: a finance officer. */
    private static final Caller FINANCE = new Caller() {
        @Override
        public String name() {
            return "benchmark";
        }

        @Override
        public boolean isInRole(String role) {
            return Roles.FINANCE_OFFICER.equals(role);
        }
    };

    record Scenario(String page, String name, Consumer<EntityManager> request) {
    }

    record Result(Scenario scenario, Stats total, List<String> statements, List<String> plans, long rowsRead) {
    }

    private final DatabaseSettings app;
    private final DatabaseSettings admin;
    private final EntityManagerFactory emf;

    QueryTimings(DatabaseSettings app, DatabaseSettings admin) {
        this.app = app;
        this.admin = admin;
        Map<String, Object> props = new HashMap<>();
        props.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        props.put("jakarta.persistence.jtaDataSource", "");
        props.put("jakarta.persistence.jdbc.driver", "com.mysql.cj.jdbc.Driver");
        props.put("jakarta.persistence.jdbc.url", app.jdbcUrl());
        props.put("jakarta.persistence.jdbc.user", app.user());
        props.put("jakarta.persistence.jdbc.password", app.password());
        props.put("eclipselink.logging.level", "WARNING");
        this.emf = Persistence.createEntityManagerFactory("trustfund", props);
    }

    LedgerCheckResult ledgerCheck() {
        EntityManager em = emf.createEntityManager();
        try {
            return new LedgerCheck(em).run();
        } finally {
            em.close();
        }
    }

    /** The list pages' queries: first page, filtered and sorted pages, a deep page. */
    List<Scenario> listScenarios() {
        long donors = inEm(em -> new DonorService(em, FINANCE).count(DonorQuery.all()));
        long contributions = inEm(em -> new ContributionService(em, FINANCE).count(ContributionQuery.all()));
        long busiestDonor = scalar("SELECT donor_id FROM contribution GROUP BY donor_id ORDER BY COUNT(*) DESC, donor_id LIMIT 1");
        List<Scenario> list = new ArrayList<>();
        list.add(donorPage("first page (name A→Z)", DonorQuery.all(), 0));
        list.add(donorPage("name contains \"net\" + private sector, sorted by country Z→A",
                new DonorQuery("net", StakeholderGroup.PRIVATE_SECTOR, null, DonorQuery.Sort.COUNTRY, true), 0));
        list.add(donorPage("country = CH, sorted by created, newest first",
                new DonorQuery(null, null, "CH", DonorQuery.Sort.CREATED, true), 0));
        list.add(donorPage("last page (name A→Z)", DonorQuery.all(), (int) (donors - donors % PAGE_SIZE)));
        list.add(contributionPage("first page (received, newest first)", ContributionQuery.all(), 0));
        list.add(contributionPage("donor contains \"net\" + certified + 2015–2020, sorted by USD amount high→low",
                new ContributionQuery(null, "net", ContributionStatus.CERTIFIED, null, LocalDate.of(2015, 1, 1),
                        LocalDate.of(2020, 12, 31), ContributionQuery.Sort.AMOUNT_USD, true), 0));
        list.add(contributionPage("currency EUR + certified, sorted by donor A→Z",
                new ContributionQuery(null, null, ContributionStatus.CERTIFIED, "EUR", null, null,
                        ContributionQuery.Sort.DONOR, false), 0));
        list.add(contributionPage("awaiting certification (status recorded), oldest first",
                new ContributionQuery(null, null, ContributionStatus.RECORDED, null, null, null,
                        ContributionQuery.Sort.RECEIVED, false), 0));
        list.add(contributionPage("one donor's contributions (donor " + busiestDonor + "), newest first",
                new ContributionQuery(busiestDonor, null, null, null, null, null, ContributionQuery.Sort.RECEIVED, true), 0));
        list.add(contributionPage("page 2,000 (received, newest first)", ContributionQuery.all(),
                (int) Math.min(contributions - PAGE_SIZE, 1999L * PAGE_SIZE)));
        return list;
    }

    private Scenario donorPage(String name, DonorQuery q, int first) {
        return new Scenario("Donors", name, em -> {
            DonorService service = new DonorService(em, FINANCE);
            service.search(q, first, PAGE_SIZE).size();
            service.count(q);
        });
    }

    private Scenario contributionPage(String name, ContributionQuery q, int first) {
        return new Scenario("Contributions", name, em -> {
            ContributionService service = new ContributionService(em, FINANCE);
            // What the page shows of each row (donor name, fund code) is read as the table renders it.
            service.search(q, first, PAGE_SIZE).forEach(c -> {
                c.getDonor().getName();
                c.getFund().getCode();
            });
            service.count(q);
        });
    }

    /** Report queries on the ledger and the records (the "indexed annual totals" and a donor statement). */
    List<Scenario> reportScenarios() {
        long fund = 1;
        long donor = scalar("SELECT donor_id FROM journal WHERE donor_id IS NOT NULL GROUP BY donor_id"
                + " ORDER BY COUNT(*) DESC, donor_id LIMIT 1");
        long pledge = scalar("SELECT pledge_id FROM journal_line WHERE pledge_id IS NOT NULL GROUP BY pledge_id"
                + " ORDER BY COUNT(*) DESC, pledge_id LIMIT 1");
        List<Scenario> list = new ArrayList<>();
        list.add(new Scenario("Reports", "trial balance of fund IGF at 2025-12-31 (Ledger.balances)",
                em -> new Ledger(em).balances(fund, LocalDate.of(2025, 12, 31))));
        list.add(new Scenario("Reports", "receivable of the busiest pledge (Ledger.receivable)",
                em -> new Ledger(em).receivable(pledge)));
        list.add(nativeScenario("contribution revenue of fund IGF per year, from the ledger",
                "SELECT YEAR(j.event_date), SUM(l.credit) - SUM(l.debit) FROM journal j"
                        + " JOIN journal_line l ON l.journal_id = j.id"
                        + " WHERE j.fund_id = 1 AND l.account = 'CONTRIBUTION_REVENUE'"
                        + " GROUP BY YEAR(j.event_date) ORDER BY 1"));
        list.add(nativeScenario("certified contributions of every fund per year (USD)",
                "SELECT fund_id, YEAR(received_date), SUM(usd_amount) FROM contribution WHERE status = 'CERTIFIED'"
                        + " GROUP BY fund_id, YEAR(received_date)"));
        list.add(nativeScenario("status of donors' contributions to IGF: donor x year (USD)",
                "SELECT donor_id, YEAR(received_date), SUM(usd_amount) FROM contribution"
                        + " WHERE fund_id = 1 AND status = 'CERTIFIED' GROUP BY donor_id, YEAR(received_date)"));
        list.add(nativeScenario("statement of the busiest donor (" + donor + "): all journal lines by date",
                "SELECT j.event_date, j.event_type, j.description, l.account, l.debit, l.credit, l.currency,"
                        + " l.currency_amount FROM journal j JOIN journal_line l ON l.journal_id = j.id"
                        + " WHERE j.donor_id = " + donor + " ORDER BY j.event_date, j.id, l.id"));
        list.add(nativeScenario("overdue instalments at 2025-12-31 (first 25)",
                "SELECT i.id, i.due_date, i.amount - COALESCE(SUM(CASE WHEN c.status = 'CERTIFIED' THEN a.amount END), 0)"
                        + " FROM instalment i JOIN pledge p ON p.id = i.pledge_id"
                        + " LEFT JOIN contribution_application a ON a.instalment_id = i.id"
                        + " LEFT JOIN contribution c ON c.id = a.contribution_id"
                        + " WHERE i.due_date < '2025-12-31' AND p.status IN ('AGREEMENT_SIGNED', 'PARTLY_PAID')"
                        + " GROUP BY i.id, i.due_date, i.amount"
                        + " HAVING i.amount > COALESCE(SUM(CASE WHEN c.status = 'CERTIFIED' THEN a.amount END), 0)"
                        + " ORDER BY i.due_date, i.id LIMIT 25"));
        return list;
    }

    private Scenario nativeScenario(String name, String sql) {
        return new Scenario("Reports", name, em -> em.createNativeQuery(sql).getResultList().size());
    }

    /** Warms up, then times {@code runs} requests, then captures and explains one more. */
    Result measure(Scenario scenario, int warmup, int runs) {
        for (int i = 0; i < warmup; i++) {
            inEm(em -> {
                scenario.request().accept(em);
                return null;
            });
        }
        Stats stats = new Stats();
        for (int i = 0; i < runs; i++) {
            long begin = System.nanoTime();
            inEm(em -> {
                scenario.request().accept(em);
                return null;
            });
            stats.add(System.nanoTime() - begin);
        }
        Capture capture = capture(scenario);
        // One plan per statement shape (literals taken out): the page query, each lazy lookup, the count.
        Map<String, List<String>> shapes = new java.util.LinkedHashMap<>();
        for (String sql : capture.statements()) {
            shapes.computeIfAbsent(shape(sql), k -> new ArrayList<>()).add(sql);
        }
        List<String> plans = new ArrayList<>();
        for (List<String> same : shapes.values()) {
            String sql = same.get(0);
            plans.add((same.size() > 1 ? same.size() + " x " : "") + (sql.length() > 600 ? sql.substring(0, 600) + " ..." : sql)
                    + "\n" + explain(sql));
        }
        return new Result(scenario, stats, capture.statements(), plans, capture.rowsRead());
    }

    static String shape(String sql) {
        return sql.replaceAll("'[^']*'", "?").replaceAll("\\b\\d+\\b", "?");
    }

        private <T> T inEm(java.util.function.Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    private record Capture(List<String> statements, long rowsRead) {
    }

    /**
     * The statements one request sends, as the server received them (general log, parameters in place), and
     * the rows the server read for it (its Rows_read counter; this server serves nothing else meanwhile): a measure
     * of the work that does not depend on how busy the machine is.
     */
    private Capture capture(Scenario scenario) {
        return captureWork(() -> inEm(em -> {
            scenario.request().accept(em);
            return null;
        }));
    }

    /** The SELECT statements some work sends, in order, as the server received them (parameters in place). */
    List<String> captureStatements(Runnable work) {
        return captureWork(work).statements();
    }

    /** The annual report of a fund-year written with this benchmark's persistence unit (as the service does). */
    void writeAnnualReport(long fundId, int year, java.io.OutputStream out) {
        writeAnnualReport(fundId, year, false, out);
    }

    void writeAnnualReport(long fundId, int year, boolean statementOnly, java.io.OutputStream out) {
        inEm(em -> {
            try {
                new org.trustfund.report.AnnualReportWriter(em, org.trustfund.report.AnnualReportWriter.standardSections())
                        .write(new org.trustfund.report.AnnualReportWriter.Request(fundId, year, java.util.Locale.ENGLISH,
                                "benchmark", statementOnly), out, percent -> { });
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }

    private Capture captureWork(Runnable work) {
        try (Connection root = connect(admin); Statement s = root.createStatement()) {
            s.execute("SET GLOBAL log_output = 'TABLE'");
            s.execute("TRUNCATE TABLE mysql.general_log");
            long rowsBefore = innodbRowsRead(s);
            s.execute("SET GLOBAL general_log = 'ON'");
            try {
                work.run();
            } finally {
                s.execute("SET GLOBAL general_log = 'OFF'");
            }
            long rowsRead = innodbRowsRead(s) - rowsBefore;
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT CONVERT(argument USING utf8mb4) FROM mysql.general_log"
                    + " WHERE command_type IN ('Query', 'Execute') AND user_host LIKE '" + app.user() + "%'"
                    + " ORDER BY event_time")) {
                while (rs.next()) {
                    String sql = rs.getString(1).strip();
                    if (sql.regionMatches(true, 0, "SELECT", 0, 6) && !sql.contains("@@")) {
                        out.add(sql);
                    }
                }
            }
            s.execute("TRUNCATE TABLE mysql.general_log");
            return new Capture(out, rowsRead);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot capture the statements: " + e.getMessage(), e);
        }
    }

    /** MariaDB's count of row reads requested from the storage engine, all sessions (temporary tables excluded). */
    private static long innodbRowsRead(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Rows_read'")) {
            return rs.next() ? rs.getLong(2) : -1;
        }
    }

    /** EXPLAIN, one line per table: table, access type, key, estimated rows, extra. */
    String explain(String sql) {
        StringBuilder out = new StringBuilder();
        try (Connection c = connect(app); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
            while (rs.next()) {
                out.append(String.format("%-10s %-6s key=%-28s rows=%-8s %s%n", rs.getString("table"), rs.getString("type"),
                        rs.getString("key"), rs.getString("rows"), rs.getString("Extra") == null ? "" : rs.getString("Extra")));
            }
        } catch (SQLException e) {
            out.append("EXPLAIN failed: ").append(e.getMessage());
        }
        return out.toString();
    }

    long scalar(String sql) {
        try (Connection c = connect(app); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static Connection connect(DatabaseSettings settings) throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }

    @Override
    public void close() {
        emf.close();
    }
}
