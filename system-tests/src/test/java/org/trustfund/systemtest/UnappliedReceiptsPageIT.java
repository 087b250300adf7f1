package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.trustfund.systemtest.support.Accounts;
import org.trustfund.systemtest.support.Api;
import org.trustfund.systemtest.support.Api.Reply;
import org.trustfund.systemtest.support.Api.User;
import org.trustfund.systemtest.support.Browser;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/**
 * Issue 7's walk through a person's hands: cash recorded on the page without applying it, from a donor who owes
 * the fund under a signed agreement, is held as unapplied receipts (not revenue); the officer applies it later
 * on the contribution's page, and the donor's outstanding balance and the ledger check agree. The donor, pledge,
 * agreement and certification are set up through the API: the pages under test are recording and applying.
 */
@ExtendWith(SystemExtension.class)
class UnappliedReceiptsPageIT {

    private static final Pattern DETAIL = Pattern.compile("/finance/contribution\\.xhtml\\?id=(\\d+)");

    @Test
    void cashRecordedWithoutApplyingItIsHeldThenAppliedAndTheBooksAgree(RunningSystem system, Browser browser) {
        User officer = Api.readyUser(system, "officer", "Finance officer");
        User certifier = Api.readyUser(system, "certifier", "Certifying officer");
        Api finance = officer.api(system);
        String fundCode = fundWithNovemberEuroRate(system);
        long fund = fundId(system, fundCode);
        String name = "Ministry of Held Receipts " + Accounts.uniqueUsername("d");
        Reply donor = finance.post("/api/donors", Map.of("name", name, "stakeholderGroup", "GOVERNMENT",
                "country", "FR", "publiclyNamed", true));
        assertEquals(201, donor.status(), donor::toString);
        long donorId = id(donor);
        Reply pledge = finance.post("/api/pledges", Map.of("donorId", donorId, "fundId", fund,
                "amount", Map.of("amount", "3000.00", "currency", "EUR"), "purpose", "IGF 2026-2027",
                "firstYear", 2026, "lastYear", 2027, "pledgedOn", "2026-10-01", "instalments", List.of(
                        Map.of("dueDate", "2026-11-30", "amount", Map.of("amount", "1000.00", "currency", "EUR")),
                        Map.of("dueDate", "2027-03-31", "amount", Map.of("amount", "1000.00", "currency", "EUR")),
                        Map.of("dueDate", "2027-06-30", "amount", Map.of("amount", "1000.00", "currency", "EUR")))));
        assertEquals(201, pledge.status(), pledge::toString);
        long pledgeId = id(pledge);
        Reply agreement = finance.post("/api/pledges/" + pledgeId + "/agreement", Map.of("version", version(pledge),
                "agreementDate", "2026-11-05", "agreementReference", "STFA-HELD-" + donorId));
        assertEquals(200, agreement.status(), agreement::toString);

        Accounts.signIn(browser.open("/login.xhtml"), officer.username(), officer.password());
        browser.waitForPath("/app/dashboard.xhtml");
        browser.open("/finance/record-contribution.xhtml?donor=" + donorId);
        assertEquals(name, browser.waitVisible(By.id("contribution:donor_input")).getAttribute("value"));
        browser.choose("contribution:fund", fundCode + " ");
        browser.typeAndLeave("contribution:receivedDate_input", "2026-11-20");
        browser.choose("contribution:currency", "EUR ");
        browser.typeAndLeave("contribution:amount", "1000.00");
        browser.waitForText("rate effective");
        assertEquals(List.of("1000.00", "0.00", "0.00"), values(browser, "#contribution\\:applications input.tf-apply"),
                "the page suggests the oldest instalment");
        // The officer does not know yet what the money is for: nothing applied.
        WebElement first = browser.all(By.cssSelector("#contribution\\:applications input.tf-apply")).get(0);
        first.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        first.sendKeys("0");
        browser.settle();
        browser.waitForText("EUR 1,000.00");
        browser.type("contribution:bankReference", "HELD-" + donorId);
        browser.click("contribution:save");
        long contribution = detailId(browser);
        browser.waitForText("Contribution " + contribution + " recorded.");

        Map<String, Object> recorded = finance.get("/api/contributions/" + contribution).json();
        assertEquals(List.of(), recorded.get("applications"), "nothing applied, as the officer typed");
        Reply certified = certifier.api(system).post("/api/contributions/" + contribution + "/certification",
                Map.of("version", recorded.get("version")));
        assertEquals(200, certified.status(), certified::toString);

        browser.open("/finance/contribution.xhtml?id=" + contribution);
        assertTrue(browser.text("unappliedTreatment").startsWith("Held as unapplied receipts"), browser.text("unappliedTreatment"));
        assertTrue(browser.text("unappliedTreatment").endsWith("EUR 1,000.00"), browser.text("unappliedTreatment"));
        browser.open("/finance/donor.xhtml?id=" + donorId);
        assertEquals("EUR 3,000.00", browser.text("outstanding").trim(), "held cash pays nothing yet");
        assertTrue(browser.text("heldUnapplied").contains("EUR 1,000.00"), browser.text("heldUnapplied"));
        browser.screenshot("unapplied-held-donor");
        browser.open("/finance/ledger-check.xhtml");
        assertTrue(browser.text("verdict").startsWith("The books are consistent"), browser.text("verdict"));

        browser.open("/finance/contribution.xhtml?id=" + contribution);
        assertEquals(List.of("1000.00", "", ""), values(browser, "#held\\:heldApplications input.tf-held-apply"),
                "the held amount is suggested for the oldest open instalment");
        WebElement tooMuch = browser.all(By.cssSelector("#held\\:heldApplications input.tf-held-apply")).get(1);
        tooMuch.sendKeys("0.01");
        browser.click("held:applyHeld");
        browser.waitForText("held as unapplied receipts.");
        assertEquals("0.01", values(browser, "#held\\:heldApplications input.tf-held-apply").get(1), "what was typed stays");
        tooMuch = browser.all(By.cssSelector("#held\\:heldApplications input.tf-held-apply")).get(1);
        tooMuch.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        browser.screenshot("unapplied-apply-form");
        browser.click("held:applyHeld");
        browser.waitForText("Applied EUR 1,000.00 from the unapplied receipts.");
        assertFalse(browser.isPresent("held:applyHeld"), "nothing is held any more");
        assertEquals("2026-11-30", browser.all(By.cssSelector("#applications .tf-due")).get(0).getText().trim());

        browser.open("/finance/donor.xhtml?id=" + donorId);
        assertEquals("EUR 2,000.00", browser.text("outstanding").trim());
        assertFalse(browser.isPresent("heldUnapplied"));
        browser.open("/finance/ledger-check.xhtml");
        assertTrue(browser.text("verdict").startsWith("The books are consistent"), browser.text("verdict"));
        Map<String, Object> paid = finance.get("/api/pledges/" + pledgeId).json();
        assertEquals("PARTLY_PAID", paid.get("status"));
    }

    /** A fund of its own (its code), with the euro's November 2026 operational rate (added once). */
    private static String fundWithNovemberEuroRate(RunningSystem system) {
        Api admin = Api.asAdmin(system);
        for (String code : List.of("USD", "EUR")) {
            if (items(admin.get("/api/currencies")).stream().noneMatch(c -> code.equals(c.get("code")))) {
                Reply added = admin.post("/api/currencies", Map.of("code", code));
                assertEquals(201, added.status(), added::toString);
            }
        }
        if (items(admin.get("/api/rates?currency=EUR")).stream().noneMatch(r -> "2026-11-01".equals(r.get("effectiveDate")))) {
            Reply added = admin.post("/api/rates", Map.of("currency", "EUR", "effectiveDate", "2026-11-01", "unitsPerUsd", "0.95"));
            assertEquals(201, added.status(), added::toString);
        }
        Reply fund = admin.post("/api/funds", Map.of("code", Accounts.uniqueUsername("tf").toUpperCase(),
                "name", "Held receipts test fund", "startDate", "2006-01-01"));
        assertEquals(201, fund.status(), fund::toString);
        return fund.json().get("code").toString();
    }

    private static long fundId(RunningSystem system, String code) {
        return items(Api.asAdmin(system).get("/api/funds")).stream().filter(f -> code.equals(f.get("code")))
                .map(f -> ((Number) f.get("id")).longValue()).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return (List<Map<String, Object>>) reply.json().get("items");
    }

    private static long id(Reply reply) {
        return ((Number) reply.json().get("id")).longValue();
    }

    private static long version(Reply reply) {
        return ((Number) reply.json().get("version")).longValue();
    }


    private static long detailId(Browser browser) {
        browser.waitForPath("/finance/contribution.xhtml?id=");
        Matcher m = DETAIL.matcher(browser.currentPath());
        assertTrue(m.find(), browser.currentPath());
        return Long.parseLong(m.group(1));
    }

    private static List<String> values(Browser browser, String css) {
        return browser.all(By.cssSelector(css)).stream().map(e -> e.getAttribute("value")).toList();
    }
}
