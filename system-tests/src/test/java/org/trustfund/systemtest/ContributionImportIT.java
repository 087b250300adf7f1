package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.trustfund.server.DatabaseSettings;
import org.trustfund.systemtest.support.Accounts;
import org.trustfund.systemtest.support.Browser;
import org.trustfund.systemtest.support.ReferenceFixture;
import org.trustfund.systemtest.support.Rows;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/**
 * Importing contributions from an xlsx file on the real system: a file with one bad row is rejected with
 * that row's problem and records nothing; the corrected file records every row; the same file again adds
 * nothing and says so; a certifying officer, who cannot import, certifies the file. Hostile files are
 * refused at the upload.
 *
 * <p>Each test puts its own donor and fund straight into the database (the donor pages are not under
 * test here); the shared currencies, country and euro rates are added only if absent.
 */
@ExtendWith(SystemExtension.class)
class ContributionImportIT {

    private static final String PAGE = "/finance/import-contributions.xhtml";
    private static final String NEW_PASSWORD = "import page pass phrase";
    private static final LocalDate RECEIVED = LocalDate.of(2025, 7, 14);

    @Test
    void aFileWithOneBadRowIsRejectedThenTheCorrectedFileIsImportedOnce(RunningSystem system, Browser browser)
            throws Exception {
        Fixture fx = Fixture.create(system.database());
        String officer = Accounts.uniqueUsername("importer");
        Accounts.createUser(browser, system, officer, "importer initial password", "Finance officer");
        firstSignIn(browser, officer, "importer initial password");

        browser.open("/app/dashboard.xhtml");
        browser.click("navImportContributions");
        browser.waitForPath(PAGE);

        List<Object[]> rows = new ArrayList<>(List.of(
                row(RECEIVED, fx.donorName, fx.fundCode, "EUR", new BigDecimal("1000.00"), fx.ref(1)),
                row(RECEIVED, fx.donorName, fx.fundCode, "USD", new BigDecimal("250.50"), fx.ref(2)),
                row(RECEIVED.plusDays(1), fx.donorName, fx.fundCode, "EUR", new BigDecimal("-40.00"), fx.ref(3))));
        upload(browser, xlsx(rows, "bad"));

        assertTrue(browser.text("summary").startsWith("The file was not imported: 1 problem(s) in 3 rows."),
                browser.text("summary"));
        assertEquals(List.of("4"), texts(browser, "#problems tbody .tf-problem-row"));
        assertEquals(List.of("E · Amount"), texts(browser, "#problems tbody .tf-problem-column"));
        assertEquals(List.of("The amount -40 must be greater than zero."), texts(browser, "#problems tbody .tf-problem-text"));
        browser.screenshot("import-rejected");
        assertEquals(0, fx.contributionCount(), "nothing recorded from a rejected file");

        rows.set(2, row(RECEIVED.plusDays(1), fx.donorName, fx.fundCode, "EUR", new BigDecimal("40.00"), fx.ref(3)));
        Path good = xlsx(rows, "good");
        upload(browser, good);

        assertEquals("3 recorded, 0 already imported (skipped).", browser.text("summary"));
        browser.screenshot("import-accepted");
        assertEquals(3, fx.contributionCount());
        assertEquals(List.of("RECORDED"), fx.statuses(), "every row waits for certification");
        BigDecimal rate = fx.euroRateOn(RECEIVED);
        assertEquals(0, new BigDecimal("1000.00").divide(rate, 2, RoundingMode.HALF_UP).compareTo(fx.usdOf(fx.ref(1))),
                "converted at the rate in force on the received date");
        List<String> recent = texts(browser, "#recentForm\\:recent tbody tr td");
        assertTrue(recent.contains(officer) && recent.contains(good.getFileName().toString()), recent.toString());

        upload(browser, good);

        String again = browser.text("summary");
        assertTrue(again.startsWith("0 recorded, 3 already imported (skipped). This file was already imported on "), again);
        assertTrue(again.endsWith("by " + officer + ": nothing was added."), again);
        browser.screenshot("import-again");
        assertEquals(3, fx.contributionCount(), "nothing added twice");

        // A certifying officer cannot import, but certifies the imported file as a whole.
        Accounts.signOut(browser);
        String certifier = Accounts.uniqueUsername("certifier");
        Accounts.createUser(browser, system, certifier, "certifier initial password", "Certifying officer");
        firstSignIn(browser, certifier, "certifier initial password");
        assertFalse(browser.isPresent("navImportContributions"), "no menu entry to import");
        browser.open(PAGE);
        assertTrue(browser.pageText().contains("Only finance officers can import contributions."), browser.pageText());
        assertFalse(browser.isPresent("import:upload"));
        assertTrue(browser.isPresent("template:download"), "the template is there for everyone on the page");

        String file = good.getFileName().toString();
        browser.waitClickable(By.xpath("//tr[td[normalize-space()='" + file + "']]//button[contains(@id, ':certify')]")).click();
        browser.click("recentForm:confirmYes");
        browser.waitForText("3 contribution(s) of " + file + " certified; 0 still await certification.");
        browser.screenshot("import-certified");
        assertEquals(List.of("CERTIFIED"), fx.statuses());
    }

    @Test
    void aRowAtAStaleRateIsAProblemAtItsDateNamingTheRate(RunningSystem system, Browser browser) throws Exception {
        Fixture fx = Fixture.create(system.database());
        // Danish kroner have only a rate of March 2023 here: no rate of the received date's month.
        try (Connection c = Rows.connect(system.database()); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT IGNORE INTO currency (code, name, minor_units) VALUES ('DKK', 'Danish Krone', 2)");
            s.executeUpdate("INSERT IGNORE INTO exchange_rate (currency, effective_date, units_per_usd, created_at, created_by)"
                    + " VALUES ('DKK', '2023-03-01', 6.850000, NOW(6), 'system-test')");
        }
        String officer = Accounts.uniqueUsername("importer");
        Accounts.createUser(browser, system, officer, "importer initial password", "Finance officer");
        firstSignIn(browser, officer, "importer initial password");
        browser.open(PAGE);

        upload(browser, xlsx(List.of(
                row(RECEIVED, fx.donorName, fx.fundCode, "EUR", new BigDecimal("1000.00"), fx.ref(1)),
                row(RECEIVED, fx.donorName, fx.fundCode, "DKK", new BigDecimal("500.00"), fx.ref(2))), "stale"));

        assertTrue(browser.text("summary").startsWith("The file was not imported: 1 problem(s) in 2 rows."),
                browser.text("summary"));
        assertEquals(List.of("3"), texts(browser, "#problems tbody .tf-problem-row"));
        assertEquals(List.of("A · Received date"), texts(browser, "#problems tbody .tf-problem-column"));
        List<String> problem = texts(browser, "#problems tbody .tf-problem-text");
        assertTrue(problem.get(0).startsWith("No UN operational rate for DKK for " + RECEIVED.toString().substring(0, 7)
                + ": the latest is of 2023-03-01."), problem.toString());
        assertEquals(0, fx.contributionCount(), "nothing recorded from a rejected file");
    }

    @Test
    void theTemplateDownloadsAndAHostileFileIsRefusedWithAMessage(RunningSystem system, Browser browser) throws Exception {
        Fixture fx = Fixture.create(system.database());
        String officer = Accounts.uniqueUsername("importer");
        Accounts.createUser(browser, system, officer, "importer initial password", "Finance officer");
        firstSignIn(browser, officer, "importer initial password");
        browser.open(PAGE);

        byte[] template = downloadTemplate(browser);
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(template))) {
            Row header = wb.getSheetAt(0).getRow(0);
            List<String> headers = new ArrayList<>();
            header.forEach(c -> headers.add(c.getStringCellValue()));
            assertEquals(List.of("Received date", "Donor id", "Donor name", "Fund code", "Currency", "Amount",
                    "Bank reference", "Pledge id", "Reason for an old rate"), headers);
            assertTrue(wb.getSheetAt(1).getSheetName().equals("Instructions"));
            assertTrue(wb.getSheetAt(0).getRow(1).getCell(2).getStringCellValue().contains("fictional"));
        }

        Path fake = Files.createTempFile("not-a-workbook-", ".xlsx");
        Files.writeString(fake, "<html><script>alert(1)</script></html>");
        upload(browser, fake);
        assertEquals("This is not an Excel workbook (.xlsx), or it is damaged. Save it from your spreadsheet program"
                + " as “Excel Workbook (.xlsx)” and try again.", browser.text("import:fileMessage").trim());
        assertFalse(browser.isPresent("summary"));
        browser.screenshot("import-refused");
        assertEquals(0, fx.contributionCount());
    }

    /**
     * The import benchmark through the real system: a 100,000-row file uploaded on the page of the
     * EAR on Payara. Not part of the usual run; with -Dtrustfund.benchmark=true it prints the time from the
     * click to the result.
     */
    @Test
    @EnabledIfSystemProperty(named = "trustfund.benchmark", matches = "true")
    void benchmarkAHundredThousandRowsThroughThePage(RunningSystem system, Browser browser) throws Exception {
        Fixture fx = Fixture.create(system.database());
        String officer = Accounts.uniqueUsername("bench");
        Accounts.createUser(browser, system, officer, "bench initial password", "Finance officer");
        firstSignIn(browser, officer, "bench initial password");
        browser.open(PAGE);
        int n = 100_000;
        java.util.Random random = new java.util.Random(42);
        List<Object[]> rows = new ArrayList<>(n);
        for (int r = 1; r <= n; r++) {
            rows.add(row(RECEIVED.minusDays(random.nextInt(180)), fx.donorName, fx.fundCode, random.nextBoolean() ? "EUR" : "USD",
                    BigDecimal.valueOf(100_00 + random.nextInt(10_000_000), 2), fx.ref(r)));
        }
        Path file = xlsx(rows, "100k");
        WebElement input = browser.all(By.cssSelector("#import input[type=file]")).get(0);
        input.sendKeys(file.toAbsolutePath().toString());
        long start = System.nanoTime();
        browser.click("import:upload");
        browser.waitForText("100,000 recorded");
        System.out.printf("[benchmark] %,d-row file (%,d bytes) through the page on Payara: %.2f s%n", n, Files.size(file),
                (System.nanoTime() - start) / 1e9);
        assertEquals(n, fx.contributionCount());
    }

    // ---------------------------------------------------------------------------------------------------

    private static void firstSignIn(Browser browser, String username, String initialPassword) {
        Accounts.signIn(browser.open("/login.xhtml"), username, initialPassword);
        browser.waitForPath("/app/account/change-password.xhtml");
        browser.type("password:currentPassword", initialPassword)
                .type("password:newPassword", NEW_PASSWORD)
                .type("password:confirmation", NEW_PASSWORD)
                .click("password:submit");
        browser.waitForPath("/app/dashboard.xhtml");
    }

    /** Chooses the file in the page's file input and sends it. */
    private static void upload(Browser browser, Path file) {
        WebElement input = browser.all(By.cssSelector("#import input[type=file]")).get(0);
        input.sendKeys(file.toAbsolutePath().toString());
        browser.click("import:upload");
    }

    /**
     * Presses the template button the way the browser does (a plain POST of its form with the view state and
     * the session cookie) and returns what comes back: headless Chromium keeps downloads to itself.
     */
    private static byte[] downloadTemplate(Browser browser) throws IOException, InterruptedException {
        WebElement form = browser.waitVisible(By.id("template"));
        StringBuilder body = new StringBuilder();
        for (WebElement hidden : form.findElements(By.cssSelector("input[type=hidden]"))) {
            body.append(encode(hidden.getAttribute("name"))).append('=').append(encode(hidden.getAttribute("value"))).append('&');
        }
        body.append(encode("template:download")).append('=');
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(form.getAttribute("action")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + browser.cookie("JSESSIONID").getValue())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.headers().firstValue("Content-Disposition").orElse("").contains("contributions-template.xlsx"),
                response.headers().map().toString());
        return response.body();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<String> texts(Browser browser, String css) {
        return browser.all(By.cssSelector(css)).stream().map(e -> e.getText().trim()).toList();
    }

    private static Object[] row(Object... values) {
        return values;
    }

    /** An xlsx as a spreadsheet program saves it: the template's headers, dates as dates, amounts as numbers. */
    private static Path xlsx(List<Object[]> rows, String name) throws IOException {
        Path file = Files.createTempFile("contributions-" + name + "-", ".xlsx");
        // Streamed, a window of rows in memory at a time: the benchmark writes 100,000 of them.
        try (SXSSFWorkbook wb = new SXSSFWorkbook(1000); OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet sheet = wb.createSheet("Contributions");
            String[] headers = {"Received date", "Donor name", "Fund code", "Currency", "Amount", "Bank reference"};
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            for (int r = 0; r < rows.size(); r++) {
                Object[] values = rows.get(r);
                Row row = sheet.createRow(r + 1);
                row.createCell(0).setCellValue((LocalDate) values[0]);
                row.getCell(0).setCellStyle(date);
                row.createCell(1).setCellValue((String) values[1]);
                row.createCell(2).setCellValue((String) values[2]);
                row.createCell(3).setCellValue((String) values[3]);
                row.createCell(4).setCellValue(((BigDecimal) values[4]).doubleValue());
                row.createCell(5).setCellValue((String) values[5]);
            }
            wb.write(out);
        }
        return file;
    }

    /** A donor and a fund of this test's own, in the database. */
    private record Fixture(DatabaseSettings db, long donorId, String donorName, String fundCode, String unique) {

        static Fixture create(DatabaseSettings db) throws SQLException {
            String unique = Long.toString(System.nanoTime() % 1_000_000_000_000L, 36).toUpperCase(Locale.ROOT);
            String fundCode = "IM-" + unique;
            String donorName = "Import test donor " + unique;
            try (Connection c = Rows.connect(db); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT IGNORE INTO currency (code, name, minor_units) VALUES ('USD', 'US dollar', 2), ('EUR', 'Euro', 2)");
                s.executeUpdate("INSERT IGNORE INTO exchange_rate (currency, effective_date, units_per_usd, created_at, created_by)"
                        + " VALUES ('EUR', '2025-01-01', 0.920000, NOW(6), 'system-test'),"
                        + " ('EUR', '2025-06-01', 0.880000, NOW(6), 'system-test')");
                ReferenceFixture.monthlyRates(s);
                Rows.insert(c, "INSERT INTO fund (code, name, base_currency, start_date, psc_rate, created_at, created_by)"
                        + " VALUES (?, ?, 'USD', '2020-01-01', 0.1300, NOW(6), 'system-test')", fundCode, "Import test fund " + unique);
                long donorId = Rows.insert(c, "INSERT INTO donor (name, stakeholder_group, country_code, publicly_named, created_at, created_by)"
                        + " VALUES (?, 'GOVERNMENT', 'NO', TRUE, NOW(6), 'system-test')", donorName);
                return new Fixture(db, donorId, donorName, fundCode, unique);
            }
        }

        String ref(int n) {
            return "IMP-" + unique + "-" + n;
        }

        long contributionCount() throws SQLException {
            return query("SELECT COUNT(*) FROM contribution WHERE donor_id = ?", rs -> rs.getLong(1));
        }

        List<String> statuses() throws SQLException {
            return query("SELECT GROUP_CONCAT(DISTINCT status) FROM contribution WHERE donor_id = ?",
                    rs -> List.of(rs.getString(1).split(",")));
        }

        BigDecimal usdOf(String bankReference) throws SQLException {
            try (Connection c = Rows.connect(db); PreparedStatement ps = c.prepareStatement(
                    "SELECT usd_amount FROM contribution WHERE bank_reference = ?")) {
                ps.setString(1, bankReference);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next(), bankReference);
                    return rs.getBigDecimal(1);
                }
            }
        }

        BigDecimal euroRateOn(LocalDate date) throws SQLException {
            try (Connection c = Rows.connect(db); PreparedStatement ps = c.prepareStatement("SELECT units_per_usd FROM exchange_rate"
                    + " WHERE currency = 'EUR' AND effective_date <= ? ORDER BY effective_date DESC LIMIT 1")) {
                ps.setObject(1, date);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next(), "a euro rate in force on " + date);
                    return rs.getBigDecimal(1);
                }
            }
        }

        private interface Read<T> {
            T from(ResultSet rs) throws SQLException;
        }

        private <T> T query(String sql, Read<T> read) throws SQLException {
            try (Connection c = Rows.connect(db); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, donorId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return read.from(rs);
                }
            }
        }
    }
}
