package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustfund.systemtest.support.FinanceApi.id;
import static org.trustfund.systemtest.support.FinanceApi.version;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.trustfund.systemtest.support.Accounts;
import org.trustfund.systemtest.support.Api;
import org.trustfund.systemtest.support.Api.Reply;
import org.trustfund.systemtest.support.Browser;
import org.trustfund.systemtest.support.FinanceApi;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/**
 * Issue 9's lists and the day's work, as people use them: the certifying officer (also an auditor) finds what
 * waits for them on the dashboard and certifies two entries at once, one of which someone changed meanwhile; the
 * finance officer finds what was sent back with its reason, filters the donor list and opens the filtered address
 * again, is told that a from-date is after the to-date, and types a pledge schedule with its running total and
 * proposed quarterly dates. Records are made through the API; the browser only does what a person does.
 */
@ExtendWith(SystemExtension.class)
class WorkListsIT {

    private static final String OWN = "own pass phrase for lists";

    @Test
    void theDashboardListsTheDaysWorkPerRoleAndTheListsKeepTheirFiltersInTheAddress(RunningSystem system,
            Browser browser) {
        String officer = Accounts.uniqueUsername("fo");
        String certifier = Accounts.uniqueUsername("co");
        Accounts.createUser(browser, system, officer, "initial password 1", "Finance officer");
        Accounts.createUser(browser, system, certifier, "initial password 1", "Certifying officer", "Auditor");
        long fund = FinanceApi.id(FinanceApi.fund(system));
        firstSignIn(browser, officer);
        Api finance = Api.as(system, officer, OWN);
        String donorName = "Fictional Worklist Ministry " + Accounts.uniqueUsername("w");
        Reply donor = finance.post("/api/donors", Map.of("name", donorName, "stakeholderGroup", "GOVERNMENT",
                "country", "FI", "publiclyNamed", true));
        assertEquals(201, donor.status(), donor::toString);
        long donorId = id(donor.json());
        Map<String, Object> toSendBack = record(finance, donorId, fund, "111.00");
        Map<String, Object> changedMeanwhile = record(finance, donorId, fund, "222.00");
        Map<String, Object> toCertify = record(finance, donorId, fund, "333.00");
        Accounts.signOut(browser);

        // The certifying officer, also an auditor: the ledger check's last run, the queue, bulk certification.
        firstSignIn(browser, certifier);
        Api certifying = Api.as(system, certifier, OWN);
        Reply sentBack = certifying.post("/api/contributions/" + id(toSendBack) + "/return",
                Map.of("version", version(toSendBack), "reason", "Bank reference belongs to another donor"));
        assertEquals(200, sentBack.status(), sentBack::toString);
        browser.open("/finance/ledger-check.xhtml");
        browser.waitVisible(By.id("verdict"));
        browser.open("/app/dashboard.xhtml");
        String ledger = browser.text("lastLedgerCheck");
        assertTrue(ledger.contains("by " + certifier), ledger);
        assertFalse(browser.text("recentActivity").contains("Sign-in"), "changes, not sign-ins: " + browser.text("recentActivity"));
        selectWaiting(browser, id(changedMeanwhile));
        selectWaiting(browser, id(toCertify));
        // Someone certifies one of them while the page is open: the bulk certification must see it.
        FinanceApi.certify(certifying, changedMeanwhile);
        browser.click("certify:certifySelected");
        browser.waitVisible(By.id("bulk:confirm"));
        String summary = browser.text("bulkSummary");
        assertTrue(summary.contains("Certify 2 contributions") && summary.contains("in total"), summary);
        browser.click("bulk:confirm");
        browser.waitForText("1 of 2 certified.");
        String outcomes = browser.text("certifyOutcomes");
        assertTrue(outcomes.contains("Contribution " + id(toCertify) + ": certified."), outcomes);
        assertTrue(outcomes.contains("Contribution " + id(changedMeanwhile) + ": not certified: Someone else changed"),
                outcomes);
        assertEquals("CERTIFIED", certifying.get("/api/contributions/" + id(toCertify)).json().get("status"));
        browser.screenshot("dashboard-bulk-certified");
        Accounts.signOut(browser);

        // The finance officer: what was sent back, with the reason and a link to it.
        Accounts.signIn(browser, officer, OWN);
        browser.waitForPath("/app/dashboard.xhtml");
        String returned = browser.text("sentBack");
        assertTrue(returned.contains("Contribution " + id(toSendBack)) && returned.contains("Bank reference belongs to another donor"),
                returned);
        assertFalse(returned.contains("Contribution " + id(toCertify)), returned);
        browser.screenshot("dashboard-sent-back");

        // The donor list: no filter boxes that do nothing; the filter above narrows it and is kept in the address.
        browser.open("/finance/donors.xhtml");
        assertTrue(browser.all(By.cssSelector("#donors\\:table .ui-column-filter")).isEmpty(), "no header filter boxes");
        browser.type("donors:name", donorName).click("donors:apply");
        browser.waitUntil(Duration.ofSeconds(10), () -> browser.currentPath().contains("name="));
        assertEquals(List.of(donorName), donorNames(browser));
        String filtered = browser.currentPath();
        browser.open("/app/dashboard.xhtml");
        browser.open(filtered);
        assertEquals(List.of(donorName), donorNames(browser), "the filtered address opened again: " + filtered);
        assertEquals(donorName, browser.waitVisible(By.id("donors:name")).getAttribute("value"));
        browser.open("/finance/donors.xhtml?group=NOT_A_GROUP");
        browser.waitForText("group=NOT_A_GROUP, which is not understood here");

        // A from-date after the to-date is said at the field, not answered with "no matches".
        browser.open("/finance/contributions.xhtml");
        browser.typeAndLeave("contributions:from_input", "2025-05-01");
        browser.typeAndLeave("contributions:to_input", "2025-04-01");
        browser.click("contributions:apply");
        browser.waitForText("The from-date 2025-05-01 is after the to-date 2025-04-01");
        assertFalse(browser.pageText().contains("No contributions match"), "not an empty list");
        FinanceApi.assertRefused(finance.get("/api/contributions?from=2025-05-01&to=2025-04-01"), "from",
                "is after the to-date");

        // The pledge form: the running total as amounts are typed, and quarterly due dates proposed.
        browser.open("/finance/new-pledge.xhtml?donor=" + donorId);
        browser.type("pledge:amount", "3000");
        browser.type("pledge:rows:0:instalmentAmount", "1000");
        browser.waitUntil(Duration.ofSeconds(5), () -> browser.text("scheduleDifference").contains("2,000.00 left"));
        assertEquals("1,000.00", browser.text("scheduleTotal"));
        browser.type("pledge:rows:0:instalmentAmount", "3500");
        browser.waitUntil(Duration.ofSeconds(5), () -> browser.text("scheduleDifference").contains("500.00 more than pledged"));
        browser.typeAndLeave("pledge:firstYear", "2027").typeAndLeave("pledge:lastYear", "2027");
        browser.choose("pledge:frequency", "Quarterly");
        browser.click("pledge:split");
        browser.waitVisible(By.id("pledge:rows:3:instalmentAmount"));
        List<String> dues = List.of(0, 1, 2, 3).stream()
                .map(i -> browser.waitVisible(By.id("pledge:rows:" + i + ":dueDate_input")).getAttribute("value")).toList();
        assertEquals(List.of("2027-03-31", "2027-06-30", "2027-09-30", "2027-12-31"), dues);
        assertEquals("750.00", browser.waitVisible(By.id("pledge:rows:3:instalmentAmount")).getAttribute("value")
                .replace(",", ""));
        browser.waitUntil(Duration.ofSeconds(5), () -> browser.text("scheduleDifference").contains("matches"));
        browser.screenshot("new-pledge-running-total");
    }

    @Test
    void theAuditLogListsEveryRecordTypeAndAFilteredAddressOpensFiltered(RunningSystem system, Browser browser) {
        FinanceApi.fund(system); // an audited change of a record type other than the user accounts
        Accounts.signIn(browser.open("/login.xhtml"), "admin", system.adminPassword());
        browser.waitForPath("/app/dashboard.xhtml");
        browser.open("/audit/audit-log.xhtml?action=UPDATE&sort=occurredAt");
        browser.waitVisible(By.id("audit:entries"));
        assertTrue(browser.all(By.cssSelector("#audit\\:entries .ui-column-filter")).isEmpty(), "no header filter boxes");
        List<String> actions = browser.all(By.cssSelector("#audit\\:entries .tf-action")).stream().map(WebElement::getText)
                .distinct().toList();
        assertEquals(List.of("Changed"), actions, "the action filter from the address is applied");
        assertEquals("Changed", browser.text("audit:action_label"));
        List<String> types = browser.all(By.cssSelector("#audit\\:entityType_input option")).stream()
                .map(e -> e.getAttribute("value")).toList();
        assertTrue(types.containsAll(List.of("UserAccount", "Fund")), types.toString());
        browser.open("/audit/audit-log.xhtml?from=2026-13-40");
        browser.waitForText("from=2026-13-40, which is not understood here");
        browser.screenshot("audit-log-filtered");
    }

    private static void firstSignIn(Browser browser, String username) {
        Accounts.signIn(browser, username, "initial password 1");
        browser.waitForPath("/app/account/change-password.xhtml");
        browser.type("password:currentPassword", "initial password 1").type("password:newPassword", OWN)
                .type("password:confirmation", OWN).click("password:submit");
        browser.waitForPath("/app/dashboard.xhtml");
    }

    /** Received on the first day the test rates cover, so it is among the oldest waiting, shown first. */
    private static Map<String, Object> record(Api finance, long donor, long fund, String chf) {
        Reply recorded = finance.post("/api/contributions", Map.of("donorId", donor, "fundId", fund,
                "receivedDate", "2024-01-01", "amount", FinanceApi.chf(chf),
                "bankReference", "BNK-" + Accounts.uniqueUsername("r")));
        assertEquals(201, recorded.status(), recorded::toString);
        return recorded.json();
    }

    private static void selectWaiting(Browser browser, long contribution) {
        browser.waitClickable(By.cssSelector("#certify\\:waiting_data tr[data-rk='" + contribution + "'] .ui-chkbox-box"))
                .click();
    }

    private static List<String> donorNames(Browser browser) {
        browser.waitVisible(By.id("donors:table"));
        return browser.all(By.cssSelector(".tf-donor-name")).stream().map(WebElement::getText).toList();
    }
}
