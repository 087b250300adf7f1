package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.StaleElementReferenceException;
import org.trustfund.systemtest.support.Accounts;
import org.trustfund.systemtest.support.Api;
import org.trustfund.systemtest.support.Api.User;
import org.trustfund.systemtest.support.Browser;
import org.trustfund.systemtest.support.PageSession;
import org.trustfund.systemtest.support.PageSession.Page;
import org.trustfund.systemtest.support.Rows;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/**
 * The annual report on the real server: an auditor generates it on the page (the job runs on the container's managed
 * executor, where the service checks the roles again), the progress bar runs and the download is offered when the file
 * is complete; the file and the REST answer are workbooks of the right fund and year.
 */
@ExtendWith(SystemExtension.class)
class AnnualReportPageIT {

    @Test
    void anAuditorGeneratesTheReportOnThePageAndDownloadsItAndTheApiGivesTheSame(RunningSystem system, Browser browser)
            throws Exception {
        String unique = Long.toString(System.nanoTime() % 1_000_000_000_000L, 36).toUpperCase(Locale.ROOT);
        String fundCode = "AR-" + unique;
        long fund;
        try (Connection c = Rows.connect(system.database())) {
            fund = Rows.insert(c, "INSERT INTO fund (code, name, base_currency, start_date, psc_rate, created_at, created_by)"
                    + " VALUES (?, ?, 'USD', '2025-01-01', 0.1300, NOW(6), 'system-test')", fundCode, "Report fund " + unique);
        }
        User auditor = Api.readyUser(system, "reader", "Auditor");
        Accounts.signIn(browser, auditor.username(), auditor.password());
        browser.waitForPath("/app/dashboard.xhtml");
        assertTrue(browser.isPresent("navAnnualReport"), "the menu leads to the report");
        browser.open("/finance/annual-report.xhtml?fund=" + fund + "&year=2025");
        assertTrue(!browser.isDisplayed("download:file"), "nothing to download before it is generated");
        browser.click("report:generate");
        assertTrue(browser.waitUntil(Duration.ofSeconds(30), () -> offered(browser)),
                "the download is offered once the workbook is complete");
        assertTrue(browser.pageText().contains("is ready"), browser.pageText());
        browser.screenshot("annual-report");

        // The person's click on Download, made over HTTP to read the bytes: the finished file of that job.
        PageSession session = PageSession.signIn(system, auditor.username(), auditor.password());
        Page page = session.get("/finance/annual-report.xhtml?fund=" + fund + "&year=2025");
        Page file = session.submit(page, "download", Map.of(), "download:file");
        assertEquals(200, file.status(), file.summary());
        assertTrue(file.header("Content-Disposition").orElse("").contains(fundCode + "-annual-report-2025.xlsx"),
                file.header("Content-Disposition").orElse("none"));
        assertIsTheReport(file.bytes(), fundCode);

        Api api = auditor.api(system);
        Api.Download rest = api.download("/api/funds/" + fund + "/annual-report?year=2025");
        assertEquals(200, rest.status(), () -> new String(rest.bytes(), java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(rest.header("Content-Disposition").orElse("").startsWith("attachment"));
        assertIsTheReport(rest.bytes(), fundCode);
        assertEquals(400, api.get("/api/funds/" + fund + "/annual-report").status(), "the year is required");
        assertEquals(400, api.get("/api/funds/" + fund + "/annual-report?year=2019").status(), "before the fund began");
    }

    /** Whether the download button shows; the ajax update may replace it while it is looked at. */
    private static boolean offered(Browser browser) {
        try {
            return browser.isDisplayed("download:file");
        } catch (StaleElementReferenceException e) {
            return false;
        }
    }

    private static void assertIsTheReport(byte[] bytes, String fundCode) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertEquals("Cover", wb.getSheetName(0));
            String title = wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue();
            assertTrue(title.startsWith("Annual financial report 2025"), title);
            String fund = wb.getSheetAt(0).getRow(3).getCell(1).getStringCellValue();
            assertTrue(fund.endsWith("(" + fundCode + ")"), fund);
            assertTrue(wb.getSheet("Reconciliation") != null && wb.getSheet("Financial position") != null);
        }
    }
}
