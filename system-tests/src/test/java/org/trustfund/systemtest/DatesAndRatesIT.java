package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.trustfund.systemtest.support.Accounts;
import org.trustfund.systemtest.support.Api;
import org.trustfund.systemtest.support.Api.Reply;
import org.trustfund.systemtest.support.Browser;
import org.trustfund.systemtest.support.Rows;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/**
 * Issue 7 on the real system: dates that cannot be true are refused at their field by the API; a rate from
 * before the month of the date it converts on is refused (422) until a reason is given, on the API and on
 * the record page, where the date is typed and the message and a reason field appear beside it.
 */
@ExtendWith(SystemExtension.class)
class DatesAndRatesIT {

    private static final String JSON = "application/json";
    /** Danish kroner have only a rate of March 2023 here: no rate for this month. */
    private static final String OLD_RATE = "2023-03-01";

    @Test
    void theApiRefusesImpossibleDatesAtTheirFieldAndAStaleRateUntilAReasonIsGiven(RunningSystem system)
            throws SQLException {
        Fixture fx = Fixture.create(system);
        Api finance = Api.readyUser(system, "officer", "Finance officer").api(system);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String tomorrow = today.plusDays(1).toString();
        int year = today.getYear();

        assertRefused(finance.post("/api/pledges", pledge(fx, year, year, tomorrow, year + "-12-31")), 400, "pledgedOn",
                "after today");
        assertRefused(finance.post("/api/pledges", pledge(fx, 2026, 2028, today.toString(), "2031-03-31")), 400,
                "instalments", "Instalment 1 falls due on 2031-03-31, outside the pledge’s years (2026 to 2028)");

        Reply pledge = finance.post("/api/pledges", pledge(fx, year, year, today.toString(), year + "-12-31"));
        assertEquals(201, pledge.status(), pledge::toString);
        long pledgeId = ((Number) pledge.json().get("id")).longValue();
        long version = ((Number) pledge.json().get("version")).longValue();
        assertRefused(finance.post("/api/pledges/" + pledgeId + "/agreement", Map.of("version", version,
                "agreementDate", tomorrow, "agreementReference", "STFA-FUTURE")), 400, "agreementDate", "after today");
        assertEquals("PLEDGED", finance.get("/api/pledges/" + pledgeId).json().get("status"), "nothing signed");

        Map<String, Object> contribution = Map.of("donorId", fx.donorId, "fundId", fx.fundId, "receivedDate", today.toString(),
                "amount", Map.of("amount", "685.00", "currency", "DKK"), "bankReference", "DKK-" + fx.unique);
        assertRefused(finance.post("/api/contributions", contribution), 422, "receivedDate",
                "No UN operational rate for DKK for " + YearMonth.from(today) + ": the latest is of " + OLD_RATE + ".");
        assertEquals(0, fx.contributionCount(), "nothing saved");

        Map<String, Object> withReason = new java.util.HashMap<>(contribution);
        withReason.put("staleRateReason", "The December rate is not published yet");
        Reply recorded = finance.post("/api/contributions", withReason);
        assertEquals(201, recorded.status(), recorded::toString);
        assertEquals(OLD_RATE, recorded.json().get("rateEffectiveDate"));
        assertEquals("The December rate is not published yet", recorded.json().get("staleRateReason"));
        assertEquals(Map.of("amount", "100.00", "currency", "USD"), recorded.json().get("usdAmount"), "685 / 6.85");
        assertEquals(1, fx.contributionCount());
    }

    @Test
    void theRecordPageShowsTheStaleRateAtTheTypedDateAndTakesAReason(RunningSystem system, Browser browser)
            throws SQLException {
        Fixture fx = Fixture.create(system);
        Api.User officer = Api.readyUser(system, "recorder", "Finance officer");
        Accounts.signIn(browser, officer.username(), officer.password());
        browser.waitForPath("/app/dashboard.xhtml");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        browser.open("/finance/record-contribution.xhtml?donor=" + fx.donorId);
        browser.choose("contribution:fund", fx.fundCode + " ");
        String tomorrow = today.plusDays(1).toString();
        browser.typeAndLeave("contribution:receivedDate_input", tomorrow);
        browser.choose("contribution:currency", "DKK ");
        browser.typeAndLeave("contribution:amount", "685.00");
        browser.type("contribution:bankReference", "PAGE-" + fx.unique);
        browser.click("contribution:save");
        browser.waitForText("The received date cannot be in the future.");
        assertTrue(dateMessage(browser).contains("The received date cannot be in the future."), dateMessage(browser));
        assertEquals(tomorrow, browser.waitVisible(By.id("contribution:receivedDate_input")).getAttribute("value"),
                "the typed date stays");

        browser.typeAndLeave("contribution:receivedDate_input", today.toString());
        browser.waitForText("rate effective " + OLD_RATE);
        assertTrue(browser.text("contribution:previewText").contains("The rate is of " + OLD_RATE),
                browser.text("contribution:previewText"));
        assertFalse(browser.isPresent("contribution:staleRateReason"), "no reason asked before the service refuses");
        browser.click("contribution:save");

        String message = "No UN operational rate for DKK for " + YearMonth.from(today) + ": the latest is of " + OLD_RATE + ".";
        browser.waitForText(message);
        assertTrue(dateMessage(browser).contains(message), "the message is at the date: " + dateMessage(browser));
        assertEquals(today.toString(), browser.waitVisible(By.id("contribution:receivedDate_input")).getAttribute("value"),
                "the typed date stays");
        assertEquals("685.00", browser.waitVisible(By.id("contribution:amount")).getAttribute("value"), "so does the amount");
        browser.screenshot("contribution-stale-rate");
        assertEquals(0, fx.contributionCount());

        browser.type("contribution:staleRateReason", "The December rate is not published yet");
        browser.click("contribution:save");
        browser.waitForPath("/finance/contribution.xhtml?id=");
        browser.waitForText("Used because: The December rate is not published yet");
        assertTrue(browser.text("rateAge").startsWith("The rate is of " + OLD_RATE + ", "), browser.text("rateAge"));
        assertEquals(1, fx.contributionCount());
    }

    /** The message shown beside the received date. */
    private static String dateMessage(Browser browser) {
        return browser.waitVisible(By.xpath("//div[contains(@class, 'tf-field')][.//*[@id='contribution:receivedDate_input']]"
                + "//*[contains(@class, 'ui-message')]")).getText();
    }

    private static Map<String, Object> pledge(Fixture fx, int firstYear, int lastYear, String pledgedOn, String due) {
        return Map.of("donorId", fx.donorId, "fundId", fx.fundId, "amount", Map.of("amount", "100.00", "currency", "USD"),
                "firstYear", firstYear, "lastYear", lastYear, "pledgedOn", pledgedOn,
                "instalments", List.of(Map.of("dueDate", due, "amount", Map.of("amount", "100.00", "currency", "USD"))));
    }

    private static void assertRefused(Reply reply, int status, String field, String messagePart) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.header("Content-Type").orElse("").startsWith(JSON), reply.headers().toString());
        Map<String, Object> error = reply.json();
        assertEquals(field, error.get("field"), reply::toString);
        assertEquals((long) status, ((Number) error.get("status")).longValue());
        assertTrue(error.get("message").toString().contains(messagePart), reply::toString);
    }


    /** A donor and a fund of this test's own; Danish kroner with only an old rate. */
    private record Fixture(RunningSystem system, long donorId, long fundId, String fundCode, String unique) {

        static Fixture create(RunningSystem system) throws SQLException {
            String unique = Long.toString(System.nanoTime() % 1_000_000_000_000L, 36).toUpperCase(Locale.ROOT);
            String fundCode = "DR-" + unique;
            try (Connection c = Rows.connect(system.database()); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT IGNORE INTO currency (code, name, minor_units) VALUES ('USD', 'US dollar', 2),"
                        + " ('DKK', 'Danish Krone', 2)");
                s.executeUpdate("INSERT IGNORE INTO exchange_rate (currency, effective_date, units_per_usd, created_at, created_by)"
                        + " VALUES ('DKK', '" + OLD_RATE + "', 6.850000, NOW(6), 'system-test')");
                long fundId = Rows.insert(c, "INSERT INTO fund (code, name, base_currency, start_date, psc_rate, created_at, created_by)"
                        + " VALUES (?, ?, 'USD', '2020-01-01', 0.1300, NOW(6), 'system-test')", fundCode, "Dates test fund " + unique);
                long donorId = Rows.insert(c, "INSERT INTO donor (name, stakeholder_group, country_code, publicly_named, created_at, created_by)"
                        + " VALUES (?, 'GOVERNMENT', 'NO', TRUE, NOW(6), 'system-test')", "Dates test donor " + unique);
                return new Fixture(system, donorId, fundId, fundCode, unique);
            }
        }

        long contributionCount() throws SQLException {
            try (Connection c = Rows.connect(system.database());
                 PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM contribution WHERE donor_id = ?")) {
                ps.setLong(1, donorId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }
}
