package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.trustfund.systemtest.support.Accounts;
import org.trustfund.systemtest.support.Api;
import org.trustfund.systemtest.support.Api.Reply;
import org.trustfund.systemtest.support.Api.User;
import org.trustfund.systemtest.support.Browser;
import org.trustfund.systemtest.support.Rows;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/**
 * Year-end closing on the real system, on a fund of this test's own (closing a year of a fund other tests use
 * would refuse their postings): proposed and confirmed by two people through the API, then every way into the
 * closed year refused (the API, an imported row), a correction in the open year, and reopening by two people.
 */
@ExtendWith(SystemExtension.class)
class YearClosingIT {

    @Test
    void aClosedYearRefusesPostingsThroughTheApiAndTheImportUntilItIsReopened(RunningSystem system, Browser browser)
            throws Exception {
        String unique = Long.toString(System.nanoTime() % 1_000_000_000_000L, 36).toUpperCase(Locale.ROOT);
        String fundCode = "YC-" + unique;
        String donorName = "Year closing donor " + unique;
        long fund;
        long donor;
        try (Connection c = Rows.connect(system.database()); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT IGNORE INTO currency (code, name, minor_units) VALUES ('USD', 'US dollar', 2)");
            fund = Rows.insert(c, "INSERT INTO fund (code, name, base_currency, start_date, psc_rate, created_at, created_by)"
                    + " VALUES (?, ?, 'USD', '2025-01-01', 0.1300, NOW(6), 'system-test')", fundCode, "Year closing fund " + unique);
            donor = Rows.insert(c, "INSERT INTO donor (name, stakeholder_group, country_code, publicly_named, created_at, created_by)"
                    + " VALUES (?, 'GOVERNMENT', 'NO', TRUE, NOW(6), 'system-test')", donorName);
        }
        User officer = Api.readyUser(system, "closer", "Finance officer");
        User certifier = Api.readyUser(system, "confirmer", "Certifying officer");
        Api finance = officer.api(system);
        Api certifying = certifier.api(system);
        String years = "/api/funds/" + fund + "/years";

        Reply waiting = finance.post("/api/contributions", contribution(donor, fund, "2025-05-05"));
        assertEquals(201, waiting.status(), waiting::toString);
        long paid = number(waiting, "id");
        Reply tooEarly = finance.post(years + "/2025/close", Map.of("version", 0));
        assertEquals(400, tooEarly.status(), tooEarly::toString);
        assertEquals("2025 cannot be closed for " + fundCode + ": contributions dated in it still await certification (ids "
                + paid + ").", tooEarly.json().get("message"));
        Reply certified = certifying.post("/api/contributions/" + paid + "/certification",
                Map.of("version", number(waiting, "version")));
        assertEquals(200, certified.status(), certified::toString);

        Reply proposed = finance.post(years + "/2025/close", Map.of("version", 0));
        assertEquals(200, proposed.status(), proposed::toString);
        assertEquals("CLOSE_PROPOSED", proposed.json().get("status"));
        Reply byOfficer = finance.post(years + "/2025/close/confirm", Map.of("version", number(proposed, "version")));
        assertEquals(403, byOfficer.status(), "a finance officer cannot confirm: " + byOfficer);
        Reply closed = certifying.post(years + "/2025/close/confirm", Map.of("version", number(proposed, "version")));
        assertEquals(200, closed.status(), closed::toString);
        assertEquals("CLOSED", closed.json().get("status"));
        assertEquals(certifier.username(), closed.json().get("closedBy"));
        Reply again = certifying.post(years + "/2025/close/confirm", Map.of("version", number(proposed, "version")));
        assertEquals(409, again.status(), "a second confirmation (a double click) changes nothing: " + again);

        Reply listed = finance.get(years);
        assertEquals(200, listed.status(), listed::toString);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> all = (List<Map<String, Object>>) listed.json().get("years");
        assertEquals(2025L, all.get(0).get("year"));
        assertEquals("CLOSED", all.get(0).get("status"));

        Reply into2025 = finance.post("/api/contributions", contribution(donor, fund, "2025-06-01"));
        assertEquals(400, into2025.status(), into2025::toString);
        assertEquals("receivedDate", into2025.json().get("field"));
        assertEquals("2025 is closed for " + fundCode + ": figures dated in it were reported. Date the correction in an"
                + " open year.", into2025.json().get("message"));
        Reply reversed = finance.post("/api/contributions/" + paid + "/reversal",
                Map.of("version", number(certified, "version"), "reason", "Paid into the wrong fund"));
        assertEquals(202, reversed.status(), "a correction of a closed year is asked for: " + reversed);
        Reply approved = certifying.post("/api/approvals/" + number(reversed, "id") + "/approval",
                Map.of("version", number(reversed, "version")));
        assertEquals(200, approved.status(), "and goes into the open year: " + approved);
        assertEquals("REVERSED", finance.get("/api/contributions/" + paid).json().get("status"));

        // The one browser part: an imported row dated in the closed year, and the closing page.
        Accounts.signIn(browser, officer.username(), officer.password());
        browser.waitForPath("/app/dashboard.xhtml");
        browser.open("/finance/import-contributions.xhtml");
        WebElement input = browser.all(By.cssSelector("#import input[type=file]")).get(0);
        input.sendKeys(sheet(donorName, fundCode, unique).toAbsolutePath().toString());
        browser.click("import:upload");
        assertTrue(browser.text("summary").startsWith("The file was not imported: 1 problem(s) in 2 rows."),
                browser.text("summary"));
        assertEquals(List.of("2025 is closed for fund " + fundCode + ": figures dated in it were reported. Date the row in"
                + " an open year."), texts(browser, "#problems tbody .tf-problem-text"));
        browser.click("navYearClosing");
        browser.waitForPath("/finance/year-closing.xhtml");
        browser.open("/finance/year-closing.xhtml?fund=" + fund);
        List<String> rows = texts(browser, "[id='years:table'] tbody tr");
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("2025 Closed " + officer.username())), rows.toString());
        assertTrue(browser.isPresent("years:table:1:requestReopen"), "the finance officer may ask to reopen 2025");
        browser.screenshot("year-closing");

        Reply noReason = finance.post(years + "/2025/reopen", Map.of("version", number(closed, "version")));
        assertEquals(400, noReason.status(), noReason::toString);
        assertEquals("reason", noReason.json().get("field"));
        Reply requested = finance.post(years + "/2025/reopen", Map.of("version", number(closed, "version"),
                "reason", "The auditors asked for an adjustment"));
        assertEquals(200, requested.status(), requested::toString);
        assertEquals(400, finance.post("/api/contributions", contribution(donor, fund, "2025-06-01")).status(),
                "still closed until the reopening is confirmed");
        Reply reopened = certifying.post(years + "/2025/reopen/confirm", Map.of("version", number(requested, "version")));
        assertEquals(200, reopened.status(), reopened::toString);
        assertEquals("OPEN", reopened.json().get("status"));
        Reply accepted = finance.post("/api/contributions", contribution(donor, fund, "2025-06-01"));
        assertEquals(201, accepted.status(), "open again: " + accepted);
    }

    private static Map<String, Object> contribution(long donor, long fund, String received) {
        return Map.of("donorId", donor, "fundId", fund, "receivedDate", received,
                "amount", Map.of("amount", "100.00", "currency", "USD"), "bankReference", "YC-" + Accounts.uniqueUsername("r"));
    }

    private static long number(Reply reply, String field) {
        return ((Number) reply.json().get(field)).longValue();
    }

    private static List<String> texts(Browser browser, String css) {
        return browser.all(By.cssSelector(css)).stream().map(e -> e.getText().trim().replaceAll("\\s+", " ")).toList();
    }

    /** Two rows as a spreadsheet program saves them: one dated in the open year, one in the closed year. */
    private static Path sheet(String donorName, String fundCode, String unique) throws Exception {
        Path file = Files.createTempFile("year-closing-", ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet sheet = wb.createSheet("Contributions");
            String[] headers = {"Received date", "Donor name", "Fund code", "Currency", "Amount", "Bank reference"};
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            LocalDate[] dates = {LocalDate.of(2026, 1, 15), LocalDate.of(2025, 11, 20)};
            for (int r = 0; r < dates.length; r++) {
                Row row = sheet.createRow(r + 1);
                row.createCell(0).setCellValue(dates[r]);
                row.getCell(0).setCellStyle(date);
                row.createCell(1).setCellValue(donorName);
                row.createCell(2).setCellValue(fundCode);
                row.createCell(3).setCellValue("USD");
                row.createCell(4).setCellValue(new BigDecimal("50.00").doubleValue());
                row.createCell(5).setCellValue("YC-IMP-" + unique + "-" + r);
            }
            wb.write(out);
        }
        return file;
    }
}
