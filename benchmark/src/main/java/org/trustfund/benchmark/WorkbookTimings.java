package org.trustfund.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.trustfund.server.DatabaseSettings;

/**
 * The annual report workbook, the list export and the trial balance on the generated data:
 * <ul>
 * <li>the workbook of the fund-year with the most journal lines, and a statement-only workbook, each in a JVM of its
 * own capped at 512 MB of heap ({@link WorkbookProbe}): finishing there shows the heap bound;</li>
 * <li>a baseline for the same workbook: the very SELECT statements the report sent (captured from the server's
 * general log) run again with plain JDBC reading every column, plus a bare POI SXSSF write of the very cells the
 * report wrote (read back from its file), no styles; the report's time over the baseline is the overhead of the
 * report's own code;</li>
 * <li>the export of every contribution, and the trial balance of that fund-year.</li>
 * </ul>
 */
final class WorkbookTimings {

    private static final String HEAP = "-Xmx512m";

    private final DatabaseSettings app;
    private final DatabaseSettings admin;
    private final QueryTimings queries;
    private final Path work;
    private final int runs;
    private final Consumer<String> report;

    WorkbookTimings(DatabaseSettings app, DatabaseSettings admin, QueryTimings queries, Path work, int runs,
            Consumer<String> report) {
        this.app = app;
        this.admin = admin;
        this.queries = queries;
        this.work = work;
        this.runs = runs;
        this.report = report;
    }

    void run() throws Exception {
        Files.createDirectories(work);
        long[] largest = largestFundYear();
        long fundId = largest[0];
        int year = (int) largest[1];
        report.accept(String.format(Locale.ROOT, "Largest fund-year: fund %d, %d (%,d journal lines dated in the year)."
                + " Each measurement ran in its own JVM with `%s`, median of %d runs after one warm-up run; heap peak is"
                + " the sum of the heap pools' high-water marks (garbage included).", fundId, year, largest[2], HEAP,
                runs, HEAP));
        report.accept("");
        report.accept("| what | median ms | min | max | heap peak MB | file |");
        report.accept("|---|---:|---:|---:|---:|---:|");
        Probe full = probe("full", fundId, year, runs);
        row("annual report workbook, every sheet", full);
        Probe statement = probe("statement", fundId, year, runs);
        row("statement-only workbook (cover, statements, reconciliation)", statement);
        Probe trial = probe("trial-balance", fundId, year, Math.max(runs, 10));
        row("trial balance of the fund-year (TrialBalance.of)", trial);
        Probe export = probe("export", fundId, year, Math.min(runs, 2));
        row("export of every contribution (ContributionExport, " + String.format(Locale.ROOT, "%,d",
                queries.scalar("SELECT COUNT(*) FROM contribution")) + " rows)", export);
        report.accept("");

        slowestStatements(fundId, year, true);
        slowestStatements(fundId, year, false);
        Path reportFile = work.resolve("report-capture.xlsx");
        List<String> statements = queries.captureStatements(() -> {
            try (OutputStream out = Files.newOutputStream(reportFile)) {
                queries.writeAnnualReport(fundId, year, out);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        List<Long> sqlTimes = new ArrayList<>();
        long rowsRead = 0;
        for (int i = 0; i <= runs; i++) {
            long begin = System.nanoTime();
            rowsRead = readAll(statements);
            if (i > 0) {
                sqlTimes.add(System.nanoTime() - begin);
            }
        }
        Cells cells = Cells.read(reportFile);
        List<Long> writeTimes = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            long begin = System.nanoTime();
            cells.writeBare(work.resolve("bare.xlsx"));
            if (i > 0) {
                writeTimes.add(System.nanoTime() - begin);
            }
        }
        double sql = median(sqlTimes);
        double write = median(writeTimes);
        report.accept(String.format(Locale.ROOT, "Baseline for the same workbook: the report's %d SELECT statements again"
                        + " with plain JDBC (%,d rows, every column read) %.0f ms, plus a bare SXSSF write of its %,d cells"
                        + " in %d sheets %.0f ms = **%.0f ms**. The report took **%.0f ms**: ratio **%.2f** (target ≤ 1.3).",
                statements.size(), rowsRead, sql, cells.count(), cells.sheets(), write, sql + write, full.median(),
                full.median() / (sql + write)));
        report.accept("");
    }

    /** Where a workbook's database time goes: each statement it sends timed alone, the slowest listed. */
    private void slowestStatements(long fundId, int year, boolean statementOnly) throws SQLException {
        List<String> statements = queries.captureStatements(() -> queries.writeAnnualReport(fundId, year, statementOnly,
                OutputStream.nullOutputStream()));
        List<Object[]> timed = new ArrayList<>();
        double total = 0;
        try (Connection c = QueryTimings.connect(app); Statement s = c.createStatement()) {
            for (String sql : statements) {
                List<Long> times = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    long begin = System.nanoTime();
                    try (ResultSet rs = s.executeQuery(sql)) {
                        while (rs.next()) {
                            rs.getObject(1);
                        }
                    }
                    times.add(System.nanoTime() - begin);
                }
                double ms = median(times);
                total += ms;
                timed.add(new Object[] {ms, sql});
            }
        }
        timed.sort((a, b) -> Double.compare((Double) b[0], (Double) a[0]));
        report.accept(String.format(Locale.ROOT, "The %s workbook's %d SELECT statements, each run alone (median of 3):"
                + " %.0f ms in all; the slowest:", statementOnly ? "statement-only" : "full", statements.size(), total));
        report.accept("");
        for (Object[] t : timed.subList(0, Math.min(4, timed.size()))) {
            String sql = (String) t[1];
            report.accept(String.format(Locale.ROOT, "- %.0f ms: `%s`", (Double) t[0],
                    sql.length() > 300 ? sql.substring(0, 300) + " …" : sql));
            report.accept("  " + queries.explain(sql).strip().replace("\n", "\n  "));
        }
        report.accept("");
    }

    private void row(String what, Probe p) {
        report.accept(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.0f | %s |", what, p.median(), p.min(),
                p.max(), p.peakHeapMb(), p.bytes() == 0 ? "" : String.format(Locale.ROOT, "%.1f MB", p.bytes() / 1048576.0)));
    }

    private long[] largestFundYear() throws SQLException {
        try (Connection c = QueryTimings.connect(app); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT j.fund_id, YEAR(j.event_date), COUNT(*) FROM journal j"
                     + " JOIN journal_line l ON l.journal_id = j.id GROUP BY j.fund_id, YEAR(j.event_date)"
                     + " ORDER BY 3 DESC, 1, 2 LIMIT 1")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }

    private long readAll(List<String> statements) throws SQLException {
        long rows = 0;
        try (Connection c = QueryTimings.connect(app); Statement s = c.createStatement()) {
            for (String sql : statements) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            rs.getObject(i);
                        }
                        rows++;
                    }
                }
            }
        }
        return rows;
    }

    private record Probe(double median, double min, double max, double peakHeapMb, long bytes) {
    }

    private Probe probe(String mode, long fundId, int year, int probeRuns) throws IOException, InterruptedException {
        Path jar = Path.of(WorkbookTimings.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path output = work.resolve(mode + ".xlsx");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-cp", jar.toString(), WorkbookProbe.class.getName(), mode, app.jdbcUrl(), app.user(),
                app.password() == null ? "" : app.password(), String.valueOf(fundId), String.valueOf(year),
                String.valueOf(probeRuns), output.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                all.append(line).append('\n');
                if (line.startsWith("RESULT ")) {
                    result = line;
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || result == null) {
            throw new IllegalStateException(mode + " failed in a " + HEAP + " JVM (exit " + exit + "):\n" + all);
        }
        return new Probe(value(result, "median"), value(result, "min"), value(result, "max"), value(result, "peakHeapMb"),
                (long) value(result, "bytes"));
    }

    private static double value(String result, String key) {
        for (String part : result.split(" ")) {
            if (part.startsWith(key + "=")) {
                return Double.parseDouble(part.substring(key.length() + 1));
            }
        }
        throw new IllegalStateException("No " + key + " in " + result);
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1e6;
    }

    /** Every cell of a workbook as plain values (number, text or formula with its cached number), sheet by sheet. */
    private static final class Cells {
        private final List<String> names = new ArrayList<>();
        private final List<List<Object[]>> rows = new ArrayList<>();
        private long count;

        static Cells read(Path file) throws IOException {
            Cells cells = new Cells();
            try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
                for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                    XSSFSheet sheet = wb.getSheetAt(i);
                    cells.names.add(sheet.getSheetName());
                    List<Object[]> sheetRows = new ArrayList<>();
                    for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                        Row row = sheet.getRow(r);
                        if (row == null || row.getLastCellNum() < 0) {
                            sheetRows.add(new Object[0]);
                            continue;
                        }
                        Object[] values = new Object[row.getLastCellNum()];
                        for (Cell cell : row) {
                            values[cell.getColumnIndex()] = switch (cell.getCellType()) {
                                case NUMERIC -> cell.getNumericCellValue();
                                case STRING -> cell.getStringCellValue();
                                case FORMULA -> new Object[] {cell.getCellFormula(),
                                        cell.getCachedFormulaResultType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                                                ? (Object) cell.getNumericCellValue() : cell.getStringCellValue()};
                                case BOOLEAN -> cell.getBooleanCellValue();
                                default -> null;
                            };
                            cells.count++;
                        }
                        sheetRows.add(values);
                    }
                    cells.rows.add(sheetRows);
                }
            }
            return cells;
        }

        long count() {
            return count;
        }

        int sheets() {
            return names.size();
        }

        void writeBare(Path file) throws IOException {
            SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, false, false);
            try (OutputStream out = Files.newOutputStream(file)) {
                for (int i = 0; i < names.size(); i++) {
                    SXSSFSheet sheet = wb.createSheet(names.get(i));
                    int r = 0;
                    for (Object[] values : rows.get(i)) {
                        Row row = sheet.createRow(r++);
                        for (int c = 0; c < values.length; c++) {
                            Object v = values[c];
                            if (v == null) {
                                continue;
                            }
                            Cell cell = row.createCell(c);
                            if (v instanceof Double d) {
                                cell.setCellValue(d);
                            } else if (v instanceof String s) {
                                cell.setCellValue(s);
                            } else if (v instanceof Boolean b) {
                                cell.setCellValue(b);
                            } else if (v instanceof Object[] f) {
                                cell.setCellFormula((String) f[0]);
                                if (f[1] instanceof Double d) {
                                    cell.setCellValue(d);
                                } else {
                                    cell.setCellValue((String) f[1]);
                                }
                            }
                        }
                    }
                }
                wb.write(out);
            } finally {
                wb.dispose();
                wb.close();
            }
        }
    }
}
