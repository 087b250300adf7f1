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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
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
 * Reading the ledger on the real system as an auditor, on a fund of this test's own so its figures are known: the
 * trial balance over the API and on the page (dates typed), its export downloaded and read back, and the path from
 * an account to its journals, a journal and its contribution.
 */
@ExtendWith(SystemExtension.class)
class LedgerPagesIT {

    @Test
    void theTrialBalanceShowsAndExportsTheFundAndAJournalLeadsToItsContribution(RunningSystem system, Browser browser)
            throws Exception {
        String unique = Long.toString(System.nanoTime() % 1_000_000_000_000L, 36).toUpperCase(Locale.ROOT);
        String fundCode = "TB-" + unique;
        long fund;
        long contribution;
        // A contribution certified and posted, as the services leave it (Dr cash, Cr revenue: no agreement open),
        // written straight into the database: this test reads the ledger, others cover posting.
        try (Connection c = Rows.connect(system.database()); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT IGNORE INTO currency (code, name, minor_units) VALUES ('USD', 'US dollar', 2)");
            fund = Rows.insert(c, "INSERT INTO fund (code, name, base_currency, start_date, psc_rate, created_at, created_by)"
                    + " VALUES (?, ?, 'USD', '2025-01-01', 0.1300, NOW(6), 'system-test')", fundCode, "Ledger fund " + unique);
            long donor = Rows.insert(c, "INSERT INTO donor (name, stakeholder_group, country_code, publicly_named, created_at,"
                    + " created_by) VALUES (?, 'GOVERNMENT', 'NO', TRUE, NOW(6), 'system-test')", "Ledger donor " + unique);
            contribution = Rows.insert(c, "INSERT INTO contribution (donor_id, fund_id, received_date, amount, currency,"
                    + " bank_reference, units_per_usd, usd_amount, status, recorded_at, recorded_by, certified_at, certified_by)"
                    + " VALUES (" + donor + ", " + fund + ", '2025-05-05', 250, 'USD', ?, 1, 250, 'CERTIFIED', NOW(6),"
                    + " 'system-test', NOW(6), 'system-certifier')", "TB-" + unique);
            long journal = Rows.insert(c, "INSERT INTO journal (fund_id, donor_id, event_type, event_date, posted_at, posted_by,"
                    + " source_type, source_id, description) VALUES (" + fund + ", " + donor + ", 'CONTRIBUTION_CERTIFIED',"
                    + " '2025-05-05', NOW(6), 'system-certifier', 'Contribution', " + contribution + ", ?)",
                    "Contribution " + contribution);
            s.executeUpdate("INSERT INTO journal_line (journal_id, account, debit, credit, currency, currency_amount) VALUES"
                    + " (" + journal + ", 'CASH', 250, 0, 'USD', 250), (" + journal + ", 'CONTRIBUTION_REVENUE', 0, 250, 'USD', -250)");
        }
        User auditor = Api.readyUser(system, "ledger", "Auditor");

        Reply tb = auditor.api(system).get("/api/funds/" + fund + "/trial-balance?from=2025-01-01&to=2025-12-31");
        assertEquals(200, tb.status(), tb::toString);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> accounts = (List<Map<String, Object>>) tb.json().get("accounts");
        assertEquals("CASH", accounts.get(0).get("account"));
        assertEquals("250.00", accounts.get(0).get("debits"));
        assertEquals("250.00", tb.json().get("totalCredits"));
        assertEquals("0.00", tb.json().get("totalClosing"));
        Reply reversed = auditor.api(system).get("/api/funds/" + fund + "/trial-balance?from=2025-12-31&to=2025-01-01");
        assertEquals(400, reversed.status(), reversed::toString);

        Accounts.signIn(browser, auditor.username(), auditor.password());
        browser.waitForPath("/app/dashboard.xhtml");
        browser.click("navTrialBalance");
        browser.waitForPath("/finance/trial-balance.xhtml");
        // The end date comes in the address (as the journal list's links bring it); the start is typed.
        browser.open("/finance/trial-balance.xhtml?fund=" + fund + "&to=2025-12-31");
        browser.typeAndLeave("tb:from_input", "2025-01-01");
        browser.click("tb:show");
        assertEquals(fundCode + " · 2025-01-01 – 2025-12-31", browser.text("tb:period"));
        List<String> rows = texts(browser, "[id='tb:accounts'] tbody tr");
        assertEquals("Cash Asset Debit 0.00 250.00 0.00 250.00 250.00", rows.get(0));
        assertTrue(rows.contains("Contribution revenue Revenue Credit 0.00 0.00 250.00 (250.00) 250.00"), rows.toString());
        assertTrue(rows.contains("Travel and fellowships Expense Debit 0.00 0.00 0.00 0.00 0.00"), "no postings: " + rows);
        browser.screenshot("trial-balance");

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download(browser, "tb", "tb:export")))) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals("Fund: " + fundCode + " – Ledger fund " + unique, sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals("Period: 2025-01-01 – 2025-12-31", sheet.getRow(2).getCell(0).getStringCellValue());
            int header = 6;
            assertEquals("Account", sheet.getRow(header).getCell(0).getStringCellValue());
            Row cash = sheet.getRow(header + 1);
            assertEquals("Cash", cash.getCell(0).getStringCellValue());
            assertEquals(250.00, cash.getCell(4).getNumericCellValue(), 0.0);
            assertEquals(CellType.FORMULA, cash.getCell(6).getCellType());
            assertEquals(250.00, cash.getCell(6).getNumericCellValue(), 0.0);
            Row total = sheet.getRow(sheet.getLastRowNum());
            assertEquals("Total", total.getCell(0).getStringCellValue());
            Cell debits = total.getCell(4);
            assertEquals(CellType.FORMULA, debits.getCellType());
            assertEquals(250.00, wb.getCreationHelper().createFormulaEvaluator().evaluate(debits).getNumberValue(), 0.0);
        }

        browser.click("tb:accounts:0:account");
        browser.waitForPath("/finance/journals.xhtml");
        assertTrue(browser.currentPath().contains("account=CASH"), browser.currentPath());
        List<WebElement> journalLinks = browser.all(By.cssSelector(".tf-journal-id"));
        assertEquals(1, journalLinks.size(), "one journal moved cash in the period");
        browser.screenshot("journals");
        journalLinks.get(0).click();
        browser.waitForPath("/finance/journal.xhtml");
        assertEquals("Contribution certified", browser.text("event"));
        assertEquals(List.of("Cash 250.00 250.00 USD", "Contribution revenue 250.00 (250.00) USD"),
                texts(browser, "[id='lines'] tbody tr"));
        browser.screenshot("journal");
        browser.click("source");
        browser.waitForPath("/finance/contribution.xhtml");
        assertTrue(browser.currentPath().endsWith("id=" + contribution), browser.currentPath());
    }

    /**
     * Presses a download button the way the browser does (a plain POST of its form, every field as shown, with the
     * session cookie) and returns the file: headless Chromium keeps downloads to itself.
     */
    private static byte[] download(Browser browser, String formId, String buttonId) throws Exception {
        WebElement form = browser.waitVisible(By.id(formId));
        StringBuilder body = new StringBuilder();
        for (WebElement field : form.findElements(By.cssSelector("input[name], select[name]"))) {
            String type = field.getAttribute("type");
            if (type != null && (type.equals("submit") || type.equals("button"))) {
                continue;
            }
            body.append(encode(field.getAttribute("name"))).append('=').append(encode(field.getAttribute("value"))).append('&');
        }
        body.append(encode(buttonId)).append('=').append(encode(buttonId));
        HttpRequest request = HttpRequest.newBuilder(URI.create(form.getAttribute("action")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + browser.cookie("JSESSIONID").getValue())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<byte[]> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.headers().firstValue("Content-Disposition").orElse("").contains(".xlsx"),
                response.headers().map().toString());
        return response.body();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    private static List<String> texts(Browser browser, String css) {
        return browser.all(By.cssSelector(css)).stream().map(e -> e.getText().trim().replaceAll("\\s+", " ")).toList();
    }
}
