package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustfund.systemtest.support.FinanceApi.id;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trustfund.systemtest.support.Accounts;
import org.trustfund.systemtest.support.Api;
import org.trustfund.systemtest.support.Api.Reply;
import org.trustfund.systemtest.support.Api.User;
import org.trustfund.systemtest.support.Browser;
import org.trustfund.systemtest.support.FinanceApi;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/**
 * Issue 12, public recognition: anyone, without signing in, sees who supported a fund in a year (certified records
 * only), never the name of a donor who asked not to be named (counted instead), never an amount; the answer is
 * cacheable with an ETag, a reader who has it gets 304, and when a donor's preference changes the page (and its tag)
 * follows.
 */
@ExtendWith(SystemExtension.class)
class PublicSupportersIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void anyoneSeesTheNamedSupportersOfAYearAndThePageIsCacheableAndFollowsAPreferenceChange(RunningSystem system,
            Browser browser) throws Exception {
        User officer = Api.readyUser(system, "officer", "Finance officer");
        Api finance = officer.api(system);
        Api certifier = Api.readyUser(system, "certifier", "Certifying officer").api(system);
        Map<String, Object> fund = FinanceApi.fund(system);
        String code = fund.get("code").toString();
        String named = "Recognized Ministry " + Accounts.uniqueUsername("n");
        Reply created = finance.post("/api/donors", Map.of("name", named, "stakeholderGroup", "GOVERNMENT",
                "country", "FI", "publiclyNamed", true));
        assertEquals(201, created.status(), created::toString);
        String quiet = "Quiet Company " + Accounts.uniqueUsername("q");
        Reply quietDonor = finance.post("/api/donors", Map.of("name", quiet, "stakeholderGroup", "PRIVATE_SECTOR",
                "country", "FI", "publiclyNamed", false));
        assertEquals(201, quietDonor.status(), quietDonor::toString);
        String pending = "Pending Foundation " + Accounts.uniqueUsername("p");
        long pendingDonor = id(finance.post("/api/donors", Map.of("name", pending, "stakeholderGroup", "FOUNDATION",
                "country", "FI", "publiclyNamed", true)).json());
        FinanceApi.certify(certifier, FinanceApi.recordChf(finance, id(created.json()), id(fund), "5000.00", null));
        FinanceApi.certify(certifier, FinanceApi.recordChf(finance, id(quietDonor.json()), id(fund), "700.00", null));
        // Recorded, never certified: not on the page.
        FinanceApi.recordChf(finance, pendingDonor, id(fund), "300.00", null);

        String path = "/public/supporters.xhtml?fund=" + code + "&year=2025";
        HttpResponse<String> page = get(system, path, null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(named), "the named donor");
        assertTrue(page.body().contains("Government"), "with its stakeholder group");
        assertFalse(page.body().contains(quiet), "a donor who asked not to be named is never named");
        assertTrue(page.body().contains("One further supporter gave anonymously or asked not to be named."));
        assertFalse(page.body().contains(pending), "only certified records");
        assertFalse(page.body().contains("5,000.00") || page.body().contains("5000.00"), "no amounts");
        assertEquals("public, max-age=300", page.headers().firstValue("Cache-Control").orElse(""));
        String etag = page.headers().firstValue("ETag").orElseThrow();
        assertTrue(page.headers().firstValue("Set-Cookie").isEmpty(), "no session for a reader");

        assertEquals(304, get(system, path, etag).statusCode(), "a reader who has the page gets 304");
        HttpResponse<String> again = get(system, path, null);
        assertEquals(page.body(), again.body(), "the kept page is the page as rendered");
        assertEquals(etag, again.headers().firstValue("ETag").orElseThrow());
        assertTrue(again.headers().firstValue("Content-Security-Policy").orElse("").contains("style-src 'self'"),
                "with the pages' policy, so its style sheet loads: " + again.headers());
        HttpResponse<byte[]> zipped = HTTP.send(HttpRequest.newBuilder(URI.create(system.baseUrl() + path))
                .header("Accept-Language", "en").header("Accept-Encoding", "gzip").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(""));
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(zipped.body()))) {
            assertEquals(page.body(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    "compressed for a browser that accepts it, the same page");
        }
        String zippedTag = zipped.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(etag, zippedTag, "each encoding has its own tag");
        assertEquals(304, HTTP.send(HttpRequest.newBuilder(URI.create(system.baseUrl() + path))
                .header("Accept-Language", "en").header("Accept-Encoding", "gzip").header("If-None-Match", zippedTag)
                .GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode());

        Map<String, Object> donor = finance.get("/api/donors/" + id(created.json())).json();
        Map<String, Object> change = new HashMap<>(Map.of("name", named, "stakeholderGroup", "GOVERNMENT",
                "country", "FI", "publiclyNamed", false, "version", donor.get("version")));
        Reply changed = finance.put("/api/donors/" + id(created.json()), change);
        assertEquals(200, changed.status(), changed::toString);
        HttpResponse<String> after = get(system, path, etag);
        assertEquals(200, after.statusCode(), "the page changed, so the old tag no longer matches");
        assertNotEquals(etag, after.headers().firstValue("ETag").orElseThrow());
        assertFalse(after.body().contains(named));
        assertTrue(after.body().contains("2 further supporters gave anonymously or asked not to be named."));

        browser.open(path);
        browser.waitForText("Supporters in 2025");
        browser.screenshot("public-supporters");
    }

    @Test
    void aDonorWhoNoLongerWantsToBeNamedSaysSoOnTheirPageAndThePublicPageFollows(RunningSystem system, Browser browser)
            throws Exception {
        User officer = Api.readyUser(system, "officer", "Finance officer");
        Api finance = officer.api(system);
        Api certifier = Api.readyUser(system, "certifier", "Certifying officer").api(system);
        Map<String, Object> fund = FinanceApi.fund(system);
        String name = "Changing Agency " + Accounts.uniqueUsername("c");
        long donor = id(finance.post("/api/donors", Map.of("name", name, "stakeholderGroup", "GOVERNMENT",
                "country", "FI", "publiclyNamed", true)).json());
        FinanceApi.certify(certifier, FinanceApi.recordChf(finance, donor, id(fund), "1000.00", null));
        String path = "/public/supporters.xhtml?fund=" + fund.get("code") + "&year=2025";
        assertTrue(get(system, path, null).body().contains(name));

        User user = Api.readyDonorUser(system, "changing", donor);
        Accounts.signIn(browser, user.username(), user.password());
        browser.waitForPath("/app/dashboard.xhtml");
        browser.click("navMyDonor");
        browser.waitForText(name);
        browser.type("details:contactEmail", "new-contact@example.org");
        browser.waitClickable(org.openqa.selenium.By.cssSelector("[id='details:publiclyNamed'] .ui-chkbox-box")).click();
        assertEquals("English", browser.text("details:correspondenceLanguage_label"), "English until chosen");
        browser.choose("details:correspondenceLanguage", "Français");
        browser.click("details:save");
        browser.waitForText("Your details are saved.");
        assertEquals("Français", browser.text("details:correspondenceLanguage_label"), "kept, shown after saving");
        browser.screenshot("my-donor");

        HttpResponse<String> after = get(system, path, null);
        assertFalse(after.body().contains(name), "the public page follows the donor's preference");
        Map<String, Object> held = finance.get("/api/donors/" + donor).json();
        assertEquals(Boolean.FALSE, held.get("publiclyNamed"));
        assertEquals("new-contact@example.org", held.get("contactEmail"));
        assertEquals("fr", held.get("correspondenceLanguage"));
        assertEquals(name, held.get("name"), "nothing else changed");
        try (java.sql.Connection c = org.trustfund.systemtest.support.Rows.connect(system.database())) {
            assertEquals(1L, org.trustfund.systemtest.support.Rows.number(c, "SELECT COUNT(*) FROM audit_entry"
                    + " WHERE actor = ? AND action = 'UPDATE' AND entity_type = 'Donor' AND details LIKE ?",
                    user.username(), "%publiclyNamed%"), "staff see the change in the audit log");
            assertEquals(1L, org.trustfund.systemtest.support.Rows.number(c, "SELECT COUNT(*) FROM audit_entry"
                    + " WHERE actor = ? AND entity_type = 'Donor' AND details LIKE ?",
                    user.username(), "%correspondenceLanguage: en → fr%"));
        }
    }

    @Test
    void anAdministratorTurnsOnAmountsForTheFundAndThePublicPageShowsEachSupportersTotal(RunningSystem system,
            Browser browser) throws Exception {
        User officer = Api.readyUser(system, "officer", "Finance officer");
        Api finance = officer.api(system);
        Api certifier = Api.readyUser(system, "certifier", "Certifying officer").api(system);
        Map<String, Object> fund = FinanceApi.fund(system);
        String code = fund.get("code").toString();
        String name = "Amount Ministry " + Accounts.uniqueUsername("a");
        long donor = id(finance.post("/api/donors", Map.of("name", name, "stakeholderGroup", "GOVERNMENT",
                "country", "FI", "publiclyNamed", true)).json());
        Map<String, Object> cash = FinanceApi.certify(certifier, FinanceApi.recordChf(finance, donor, id(fund),
                "4000.00", null));
        @SuppressWarnings("unchecked")
        String usd = ((Map<String, Object>) cash.get("usdAmount")).get("amount").toString();
        String shown = "USD " + String.format(java.util.Locale.ENGLISH, "%,.2f", new java.math.BigDecimal(usd));
        String path = "/public/supporters.xhtml?fund=" + code + "&year=2025";
        HttpResponse<String> before = get(system, path, null);
        assertTrue(before.body().contains(name) && !before.body().contains(shown), "names only by default");
        String etag = before.headers().firstValue("ETag").orElseThrow();

        Accounts.signIn(browser, "admin", system.adminPassword());
        browser.waitForPath("/app/dashboard.xhtml");
        try {
            browser.open("/admin/reference/funds.xhtml");
            int row = -1;
            for (org.openqa.selenium.WebElement cell : browser.all(org.openqa.selenium.By.cssSelector(
                    "[id^='funds:fundTable:'][id$=':code']"))) {
                if (cell.getText().equals(code)) {
                    row = Integer.parseInt(cell.getAttribute("id").split(":")[2]);
                }
            }
            assertTrue(row >= 0, "the fund's row");
            browser.click("funds:fundTable:" + row + ":edit");
            browser.waitClickable(org.openqa.selenium.By.cssSelector("[id='editFund:publicAmounts'] .ui-chkbox-box"))
                    .click();
            browser.click("editFund:save");
            browser.waitForText("Fund " + code + " updated.");
            assertEquals("Shown", browser.text("funds:fundTable:" + row + ":publicAmounts"));
            browser.screenshot("funds-public-amounts");

            HttpResponse<String> after = get(system, path, etag);
            assertEquals(200, after.statusCode(), "the setting changes the page, so the old tag no longer matches");
            assertTrue(after.body().contains(shown), "the supporter's USD total: " + shown);
            assertTrue(after.body().contains("United States dollar equivalents"), "and what the amounts are");
            browser.open(path);
            browser.waitForText(shown);
            browser.screenshot("public-supporters-amounts");
        } finally {
            // The fund is shared with the other tests: back to names only.
            try (java.sql.Connection c = org.trustfund.systemtest.support.Rows.connect(system.database());
                 java.sql.Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE fund SET public_amounts = FALSE, version = version + 1");
            }
        }
    }

    @Test
    void thePageIsInTheReadersUnLanguageOrInTheOneTheyChooseOnIt(RunningSystem system, Browser browser)
            throws Exception {
        User officer = Api.readyUser(system, "officer", "Finance officer");
        Api finance = officer.api(system);
        Api certifier = Api.readyUser(system, "certifier", "Certifying officer").api(system);
        Map<String, Object> fund = FinanceApi.fund(system);
        String name = "Polyglot Ministry " + Accounts.uniqueUsername("l");
        long donor = id(finance.post("/api/donors", Map.of("name", name, "stakeholderGroup", "GOVERNMENT",
                "country", "FI", "publiclyNamed", true)).json());
        FinanceApi.certify(certifier, FinanceApi.recordChf(finance, donor, id(fund), "900.00", null));
        String path = "/public/supporters.xhtml?fund=" + fund.get("code") + "&year=2025";

        HttpResponse<String> chinese = HTTP.send(HttpRequest.newBuilder(URI.create(system.baseUrl() + path))
                .header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(chinese.body().contains("谁在支持本基金") && chinese.body().contains("政府")
                && chinese.body().contains(name), "in Chinese, the supporter's group too: " + chinese.body());
        assertTrue(chinese.body().contains("lang=\"zh\""), "and says so to screen readers");
        HttpResponse<String> french = HTTP.send(HttpRequest.newBuilder(URI.create(system.baseUrl() + path))
                .header("Accept-Language", "de-DE,de;q=0.9,fr;q=0.7").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(french.body().contains("Qui soutient le fonds"), "German is not a UN language: the next choice");
        String english = get(system, path, null).headers().firstValue("ETag").orElseThrow();
        assertNotEquals(english, chinese.headers().firstValue("ETag").orElseThrow(), "each language has its own tag");
        assertTrue(get(system, path, null).body().contains("Who supports the fund"), "the kept pages do not mix");

        browser.open(path);
        browser.waitClickable(org.openqa.selenium.By.cssSelector("#languages a[hreflang='ar']")).click();
        browser.waitForText("من يدعم الصندوق");
        org.openqa.selenium.WebElement html = browser.all(org.openqa.selenium.By.tagName("html")).get(0);
        assertEquals("ar", html.getAttribute("lang"));
        assertEquals("rtl", html.getAttribute("dir"), "Arabic right to left");
        assertTrue(browser.text("yearTitle").contains("2025"), "the year in Western digits: " + browser.text("yearTitle"));
        java.util.List<org.openqa.selenium.WebElement> years = browser.all(org.openqa.selenium.By.cssSelector(
                "nav:not(#languages) a[href*='year=']"));
        assertFalse(years.isEmpty(), "2026 is linked from 2025");
        assertTrue(years.stream().allMatch(a -> a.getAttribute("href").contains("lang=ar")),
                "the other years keep the chosen language");
        browser.screenshot("public-supporters-ar");
    }

    private static HttpResponse<String> get(RunningSystem system, String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.baseUrl() + path))
                .header("Accept-Language", "en");
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
