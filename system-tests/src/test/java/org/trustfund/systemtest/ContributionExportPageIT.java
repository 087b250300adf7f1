package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
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
 * The contribution list's "Export to Excel" on the real system: a person filters by donor and sorts by USD in the
 * browser, presses the button, and gets a workbook of exactly those rows in that order, the filter written on top.
 */
@ExtendWith(SystemExtension.class)
class ContributionExportPageIT {

    @Test
    void theExportHasTheRowsTheFilterAndSortOnThePageSelect(RunningSystem system, Browser browser) throws Exception {
        String unique = Long.toString(System.nanoTime() % 1_000_000_000_000L, 36).toUpperCase(Locale.ROOT);
        String donorName = "=Export donor " + unique;
        long fund;
        long donor;
        long other;
        try (Connection c = Rows.connect(system.database()); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT IGNORE INTO currency (code, name, minor_units) VALUES ('USD', 'US dollar', 2)");
            fund = Rows.insert(c, "INSERT INTO fund (code, name, base_currency, start_date, psc_rate, created_at, created_by)"
                    + " VALUES (?, ?, 'USD', '2025-01-01', 0.1300, NOW(6), 'system-test')", "EX-" + unique, "Export fund " + unique);
            donor = Rows.insert(c, "INSERT INTO donor (name, stakeholder_group, country_code, publicly_named, created_at, created_by)"
                    + " VALUES (?, 'GOVERNMENT', 'NO', TRUE, NOW(6), 'system-test')", donorName);
            other = Rows.insert(c, "INSERT INTO donor (name, stakeholder_group, country_code, publicly_named, created_at, created_by)"
                    + " VALUES (?, 'GOVERNMENT', 'NO', TRUE, NOW(6), 'system-test')", "Unrelated donor " + unique);
        }
        User officer = Api.readyUser(system, "exporter", "Finance officer");
        Api finance = officer.api(system);
        for (String[] c : new String[][] {{"250.00", "2025-03-01"}, {"75.50", "2025-04-01"}, {"100.00", "2025-05-01"}}) {
            Reply recorded = finance.post("/api/contributions", contribution(donor, fund, c[0], c[1]));
            assertEquals(201, recorded.status(), recorded::toString);
        }
        Reply unrelated = finance.post("/api/contributions", contribution(other, fund, "999.00", "2025-03-15"));
        assertEquals(201, unrelated.status(), unrelated::toString);

        Accounts.signIn(browser, officer.username(), officer.password());
        browser.waitForPath("/app/dashboard.xhtml");
        browser.open("/finance/contributions.xhtml");
        browser.type("contributions:donorName", "export donor " + unique).click("contributions:apply");
        browser.settle();
        browser.waitClickable(By.xpath("//th[contains(@class, 'ui-sortable-column')][contains(normalize-space(.), 'USD value')]"))
                .click();
        browser.settle();
        assertEquals(List.of("75.50", "100.00", "250.00"), browser.all(By.cssSelector(".tf-usd")).stream()
                .map(e -> e.getText().replace("USD", "").replace(",", "").trim()).toList(), "the table, USD low to high");
        browser.screenshot("contributions-export");

        byte[] xlsx = pressExport(browser);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = book.getSheetAt(0);
            List<String> top = new ArrayList<>();
            int header = 0;
            for (; header < 30 && !"Id".equals(text(sheet.getRow(header), 0)); header++) {
                top.add(text(sheet.getRow(header), 0));
            }
            assertTrue(top.contains("Donor name contains: export donor " + unique), top.toString());
            assertTrue(top.contains("Sorted by: USD amount, low to high"), top.toString());
            List<String> usd = new ArrayList<>();
            for (int i = header + 1; sheet.getRow(i) != null && sheet.getRow(i).getCell(0) != null; i++) {
                Row row = sheet.getRow(i);
                assertEquals(CellType.STRING, row.getCell(2).getCellType(), "the donor's name stays text");
                assertEquals(donorName, row.getCell(2).getStringCellValue());
                usd.add(String.format(Locale.ROOT, "%.2f", row.getCell(10).getNumericCellValue()));
            }
            assertEquals(List.of("75.50", "100.00", "250.00"), usd, "the rows the page shows, in its order");
            Cell total = sheet.getRow(header + 5).getCell(10);
            assertEquals(CellType.FORMULA, total.getCellType());
            assertEquals(425.50, total.getNumericCellValue(), 0.001);
        }

        // The pledge list beside it, for a look at the page (its export is tested in PledgeListIT).
        browser.open("/finance/pledges.xhtml");
        browser.waitVisible(By.id("pledges:export"));
        browser.screenshot("pledges-list");
    }

    /** Presses the button the way the browser does (a POST of the form, view state and session cookie). */
    private static byte[] pressExport(Browser browser) throws Exception {
        WebElement form = browser.waitVisible(By.id("contributions"));
        StringBuilder body = new StringBuilder();
        for (WebElement input : form.findElements(By.cssSelector("input[name]"))) {
            String type = input.getAttribute("type");
            if ("hidden".equals(type) || "text".equals(type)) {
                body.append(encode(input.getAttribute("name"))).append('=').append(encode(input.getAttribute("value"))).append('&');
            }
        }
        body.append(encode("contributions:export")).append('=');
        HttpRequest request = HttpRequest.newBuilder(URI.create(form.getAttribute("action")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + browser.cookie("JSESSIONID").getValue())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<byte[]> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                response.headers().firstValue("Content-Type").orElse(""));
        String disposition = response.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.contains("contributions-" + LocalDate.now(ZoneOffset.UTC) + ".xlsx"), disposition);
        return response.body();
    }

    private static String text(Row row, int column) {
        return row == null || row.getCell(column) == null || row.getCell(column).getCellType() != CellType.STRING
                ? "" : row.getCell(column).getStringCellValue();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Map<String, Object> contribution(long donor, long fund, String amount, String received) {
        return Map.of("donorId", donor, "fundId", fund, "receivedDate", received,
                "amount", Map.of("amount", amount, "currency", "USD"), "bankReference", "EX-" + Accounts.uniqueUsername("r"));
    }
}
