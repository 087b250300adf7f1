package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.trustfund.systemtest.support.Accounts;
import org.trustfund.systemtest.support.Api;
import org.trustfund.systemtest.support.Api.Reply;
import org.trustfund.systemtest.support.Browser;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/** Countries and the dated history of their development status, through the API and on the page. */
@ExtendWith(SystemExtension.class)
class CountriesIT {

    @Test
    void anAdministratorAddsAPeriodThatCountsFromItsDateAndAFinanceOfficerMayOnlyRead(RunningSystem system) {
        Api admin = Api.asAdmin(system);
        // Tokelau: no test's donor is there. The period is a fictional one after every period recorded so far,
        // so the test can run again on the same database.
        Reply before = admin.get("/api/countries/TK");
        assertEquals(200, before.status(), before::toString);
        List<Map<String, Object>> periods = periods(before);
        Map<String, Object> last = periods.get(periods.size() - 1);
        LocalDate from = LocalDate.parse((String) last.get("effectiveFrom")).plusYears(100);
        String previous = (String) last.get("status");
        String next = "DEVELOPED".equals(previous) ? "DEVELOPING" : "DEVELOPED";
        long version = ((Number) before.json().get("version")).longValue();

        Reply noVersion = admin.post("/api/countries/TK/statuses",
                Map.of("effectiveFrom", from.toString(), "status", next, "reason", "Fictional: system test"));
        assertEquals(400, noVersion.status(), noVersion::toString);
        assertEquals("version", noVersion.json().get("field"), noVersion::toString);

        Reply added = admin.post("/api/countries/TK/statuses", Map.of("effectiveFrom", from.toString(),
                "status", next, "reason", "Fictional: system test", "version", version));
        assertEquals(201, added.status(), added::toString);
        assertTrue(added.header("Location").orElseThrow().endsWith("/api/countries/TK"), added::toString);
        assertEquals(periods.size() + 1, periods(added).size());
        assertEquals(from.toString(), periods(added).get(periods.size() - 1).get("effectiveUntil"),
                "the earlier period ends where the new one begins");

        assertEquals(previous, statusOn(admin, "TK", from.minusDays(1)));
        assertEquals(next, statusOn(admin, "TK", from));

        Reply overlap = admin.post("/api/countries/TK/statuses", Map.of("effectiveFrom", from.toString(),
                "status", previous, "reason", "Same day", "version", version + 1));
        assertEquals(400, overlap.status(), overlap::toString);
        assertEquals("effectiveFrom", overlap.json().get("field"), overlap::toString);
        Reply stale = admin.post("/api/countries/TK/statuses", Map.of("effectiveFrom", from.plusDays(1).toString(),
                "status", previous, "reason", "Stale", "version", version));
        assertEquals(409, stale.status(), stale::toString);

        Api finance = Api.readyUser(system, "countries", "Finance officer").api(system);
        Reply refused = finance.post("/api/countries/TK/statuses", Map.of("effectiveFrom", from.plusDays(2).toString(),
                "status", previous, "reason", "Not mine to change", "version", version + 1));
        assertEquals(403, refused.status(), refused::toString);
        assertEquals(periods.size() + 1, periods(admin.get("/api/countries/TK")).size(), "nothing more was added");

        assertEquals("LEAST_DEVELOPED", statusOn(finance, "BT", LocalDate.of(2023, 12, 12)));
        assertEquals("LANDLOCKED_DEVELOPING", statusOn(finance, "BT", LocalDate.of(2023, 12, 13)));
        assertEquals("LEAST_DEVELOPED", statusOn(finance, "ST", LocalDate.of(2024, 12, 12)));
        assertEquals("SMALL_ISLAND_DEVELOPING", statusOn(finance, "ST", LocalDate.of(2024, 12, 13)));
        Reply badDate = finance.get("/api/countries/BT/status?on=2023-13-45");
        assertEquals(400, badDate.status(), badDate::toString);
        assertEquals("on", badDate.json().get("field"), badDate::toString);
        Reply beforeHistory = finance.get("/api/countries/BT/status?on=1960-01-01");
        assertEquals(404, beforeHistory.status(), beforeHistory::toString);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> all = (List<Map<String, Object>>) finance.get("/api/countries").json().get("items");
        assertTrue(all.size() >= 249, "countries: " + all.size());
        Map<String, Object> bhutan = all.stream().filter(c -> "BT".equals(c.get("code"))).findFirst().orElseThrow();
        assertEquals("Southern Asia", bhutan.get("subRegion"));
        assertEquals("LANDLOCKED_DEVELOPING", bhutan.get("developmentStatus"));
    }

    @Test
    void thePageFiltersTheCountriesAndShowsAHistoryWhereAnOverlapIsRefusedAtTheDate(RunningSystem system,
            Browser browser) {
        Accounts.signIn(browser, "admin", system.adminPassword());
        browser.open("/admin/reference/countries.xhtml");
        browser.type("countries:countryTable:nameColumn:filter", "Bhutan");
        browser.waitUntil(Duration.ofSeconds(10), () -> browser.all(By.cssSelector("#countries\\:countryTable_data > tr"))
                .size() == 1 && browser.pageText().contains("Landlocked developing"));
        browser.click("countries:countryTable:0:history");
        browser.waitForText("Graduated from the LDC category");
        String history = browser.text("history:periods");
        assertTrue(history.contains("2023-12-13") && history.contains("2023-12-12") && history.contains("Least developed"),
                history);

        browser.type("history:effectiveFrom_input", "2023-12-13");
        browser.waitVisible(By.id("history:effectiveFrom_input")).sendKeys(Keys.ESCAPE);
        browser.choose("history:status", "Developing");
        browser.type("history:reason", "Fictional overlap");
        browser.click("history:addPeriod");
        browser.waitForText("A period already starts on 2023-12-13");
        assertTrue(browser.text("history").contains("A period already starts on 2023-12-13"));
        assertEquals("Fictional overlap", browser.waitVisible(By.id("history:reason")).getAttribute("value"),
                "what was typed is kept");
        assertEquals("2023-12-13", browser.waitVisible(By.id("history:effectiveFrom_input")).getAttribute("value"));
        browser.screenshot("reference-country-history");
    }

    private static String statusOn(Api api, String code, LocalDate date) {
        Reply reply = api.get("/api/countries/" + code + "/status?on=" + date);
        assertEquals(200, reply.status(), reply::toString);
        return (String) reply.json().get("status");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> periods(Reply country) {
        return (List<Map<String, Object>>) country.json().get("statuses");
    }
}
