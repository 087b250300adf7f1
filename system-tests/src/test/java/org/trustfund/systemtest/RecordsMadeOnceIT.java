package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.trustfund.systemtest.support.Accounts;
import org.trustfund.systemtest.support.Api;
import org.trustfund.systemtest.support.Api.Reply;
import org.trustfund.systemtest.support.Api.User;
import org.trustfund.systemtest.support.Browser;
import org.trustfund.systemtest.support.ReferenceFixture;
import org.trustfund.systemtest.support.Rows;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/**
 * Issue 9, "Records made twice", as a person meets it: a donor saved by a double click, by three submissions at
 * once and by Save, Back, Save is recorded once; a donor of the same name and country asks first; a contribution
 * saved, Back, saved again is recorded once and its Save button works after Back; an administrator merges two
 * donors from the page. Set-up through SQL and the API; the browser only for what the person does.
 */
@ExtendWith(SystemExtension.class)
class RecordsMadeOnceIT {

    private static final Pattern DONOR_PAGE = Pattern.compile("/finance/donor\\.xhtml\\?id=(\\d+)");
    private static final Pattern CONTRIBUTION_PAGE = Pattern.compile("/finance/contribution\\.xhtml\\?id=(\\d+)");

    @Test
    void aFinanceOfficersSaveActsOncePerIntentWhateverTheClicksAndTheBackButton(RunningSystem system, Browser browser)
            throws SQLException {
        ReferenceFixture.ensure(system);
        User officer = Api.readyUser(system, "once", "Finance officer");
        Api finance = officer.api(system);
        Accounts.signIn(browser.open("/login.xhtml"), officer.username(), officer.password());
        browser.waitForPath("/app/dashboard.xhtml");

        // Three submissions of one filled form at once (what a double click sends when nothing stops it).
        String racing = "Fictional Racing Foundation " + Accounts.uniqueUsername("r");
        fillNewDonor(browser, racing);
        Object statuses = browser.asyncScript("var done = arguments[arguments.length - 1];"
                + "var form = document.getElementById('donor'), button = document.getElementById('donor:save');"
                + "function send() { return fetch(form.action, {method: 'POST', credentials: 'same-origin', redirect: 'manual',"
                + " body: new URLSearchParams(new FormData(form, button))}).then(function (r) { return r.type; }); }"
                + "Promise.all([send(), send(), send()]).then(function (r) { done(r.join(',')); }, function (e) { done('' + e); });");
        assertEquals("opaqueredirect,opaqueredirect,opaqueredirect", statuses, "each is sent to the donor's page");
        assertEquals(1, donorsNamed(finance, racing), "three submissions of one form, one donor");

        // A person's double click on Save.
        // Counted by the unique part, which every way of writing the name below keeps.
        String unique = Accounts.uniqueUsername("d");
        String doubled = "Fictional Double Click Foundation " + unique;
        fillNewDonor(browser, doubled);
        browser.doubleClick("donor:save");
        browser.waitForPath("/finance/donor.xhtml");
        browser.waitForText(doubled);
        assertEquals(1, donorsNamed(finance, unique));
        long doubledId = idIn(DONOR_PAGE, browser.currentPath());
        assertTrue(browser.text("donorNumber").endsWith(" " + doubledId), "the donor page shows its number: " + browser.text("donorNumber"));

        // Save, Back, Save: the same donor, not a second one; the button is usable after Back.
        browser.back();
        browser.waitForPath("/finance/edit-donor.xhtml");
        assertSaveUsable(browser, "donor:save");
        browser.screenshot("once-new-donor-after-back");
        browser.click("donor:save");
        browser.settle();
        browser.screenshot("once-new-donor-resubmitted");
        assertEquals(1, donorsNamed(finance, unique), "Save, Back, Save: still one donor");
        if (browser.currentPath().startsWith("/finance/donor.xhtml")) {
            // The browser kept the page, with its token: the person is taken to the donor the first Save made.
            assertEquals(doubledId, idIn(DONOR_PAGE, browser.currentPath()));
            browser.waitForText("already saved");
        } else {
            // The browser loaded the form again (a new token) and kept only the name: the person completes it and
            // is asked whether this is the donor recorded a moment ago.
            browser.choose("donor:stakeholderGroup", "Government");
            browser.choose("donor:country", "Finland");
            browser.click("donor:save");
            browser.waitForText("A donor of this name in FI exists already");
            assertEquals(1, donorsNamed(finance, unique), "asked, not recorded");
        }

        // Another form with the same donor written differently: a question at the name, a link, "record it anyway".
        String variant = "  " + doubled.toUpperCase().replace("FOUNDATION", "Foundation,") + " Ltd. ";
        fillNewDonor(browser, variant);
        browser.click("donor:save");
        browser.waitForText("A donor of this name in FI exists already");
        assertTrue(browser.text("donor:duplicate").contains("Open " + doubled), browser.text("donor:duplicate"));
        assertTrue(browser.waitVisible(By.id("donor:openDuplicate")).getAttribute("href").endsWith("id=" + doubledId));
        browser.screenshot("once-duplicate-donor");
        browser.click("donor:saveAnyway");
        browser.waitForPath("/finance/donor.xhtml");
        assertNotEquals(doubledId, idIn(DONOR_PAGE, browser.currentPath()), "a second donor, as confirmed");
        assertEquals(2, donorsNamed(finance, unique), "recorded after the person confirmed");

        // The API asks the same, by default.
        Map<String, Object> again = Map.of("name", doubled.toLowerCase(), "stakeholderGroup", "GOVERNMENT", "country", "FI");
        Reply conflict = finance.post("/api/donors", again);
        assertEquals(409, conflict.status(), conflict::toString);
        assertEquals(doubledId, ((Number) conflict.json().get("existingDonorId")).longValue());
        Map<String, Object> confirmed = new java.util.HashMap<>(again);
        confirmed.put("confirmDuplicate", true);
        assertEquals(201, finance.post("/api/donors", confirmed).status());

        // Record contribution: no fund chosen for the person when there are several; Save, Back, Save records once.
        long donor = ReferenceFixture.donor(system, "Fictional Contribution Once " + Accounts.uniqueUsername("c"));
        Reply otherFund = Api.asAdmin(system).post("/api/funds", Map.of("code", Accounts.uniqueUsername("of").toUpperCase(),
                "name", "Another test fund", "startDate", "2006-01-01"));
        assertEquals(201, otherFund.status(), otherFund::toString);
        browser.open("/finance/record-contribution.xhtml?donor=" + donor);
        assertEquals("—", browser.text("contribution:fund_label"), "no fund preselected among several");
        String reference = "ONCE-" + donor;
        browser.choose("contribution:fund", "IGF ");
        browser.typeAndLeave("contribution:receivedDate_input", "2025-06-20");
        browser.choose("contribution:currency", "USD ");
        browser.typeAndLeave("contribution:amount", "250.00");
        browser.type("contribution:bankReference", reference);
        browser.click("contribution:save");
        browser.waitForPath("/finance/contribution.xhtml?id=");
        long contribution = idIn(CONTRIBUTION_PAGE, browser.currentPath());
        browser.back();
        browser.waitForPath("/finance/record-contribution.xhtml");
        assertSaveUsable(browser, "contribution:save");
        browser.screenshot("once-record-contribution-after-back");
        browser.click("contribution:save");
        browser.settle();
        browser.screenshot("once-record-contribution-resubmitted");
        try (Connection c = Rows.connect(system.database())) {
            assertEquals(1, Rows.number(c, "SELECT COUNT(*) FROM contribution WHERE bank_reference = ?", reference),
                    "Save, Back, Save: one contribution; the page said: " + browser.pageText());
        }
        if (browser.currentPath().startsWith("/finance/contribution.xhtml")) {
            assertEquals(contribution, idIn(CONTRIBUTION_PAGE, browser.currentPath()), "back to the one recorded");
        }
    }

    @Test
    void anAdministratorMergesADonorRecordedTwiceAndItsRecordsMove(RunningSystem system, Browser browser) {
        String suffix = Accounts.uniqueUsername("m");
        long kept = ReferenceFixture.donor(system, "Fictional Kept Ministry " + suffix);
        long merged = ReferenceFixture.donor(system, "Fictional Kept Ministry (typo) " + suffix);
        long pledge = ReferenceFixture.usdPledge(system, merged, "2025-12-31");
        Accounts.signIn(browser.open("/login.xhtml"), "admin", system.adminPassword());
        browser.waitForPath("/app/dashboard.xhtml");

        browser.open("/finance/donor.xhtml?id=" + merged);
        browser.click("mergeInto");
        browser.waitForPath("/admin/merge-donors.xhtml");
        assertTrue(browser.waitVisible(By.id("merge:merged_input")).getAttribute("value").contains("(typo)"),
                "the donor whose page it came from is the one to merge");
        String keptName = "Fictional Kept Ministry " + suffix;
        browser.type("merge:kept_input", keptName.substring(0, keptName.length() - 3));
        browser.waitClickable(By.xpath("//span[@id='merge:kept_panel']//li[@data-item-label='" + keptName + " (" + kept + ")']"))
                .click();
        browser.settle();
        browser.type("merge:reason", "Recorded twice, once with a typo");
        browser.click("merge:check");
        browser.waitVisible(By.id("confirmText"));
        String question = browser.text("confirmText");
        assertTrue(question.contains("(typo) " + suffix + " (number " + merged + ") into Fictional Kept Ministry " + suffix
                + " (number " + kept + ")"), question);
        browser.screenshot("once-merge-confirm");
        browser.click("confirm:yes");
        browser.waitForPath("/finance/donor.xhtml?id=" + kept);
        browser.waitForText("1 records moved");
        assertTrue(browser.text("pledges").contains(String.valueOf(pledge)), "the pledge is now the kept donor's");
        browser.screenshot("once-merge-done");

        browser.open("/finance/donor.xhtml?id=" + merged);
        assertTrue(browser.text("merged").startsWith("Merged into Fictional Kept Ministry " + suffix), browser.text("merged"));
        assertFalse(browser.isPresent("mergeInto"), "a merged donor is not merged again");
        browser.screenshot("once-merged-donor");
    }

    private static void fillNewDonor(Browser browser, String name) {
        browser.open("/finance/edit-donor.xhtml");
        browser.type("donor:name", name);
        browser.choose("donor:stakeholderGroup", "Government");
        browser.choose("donor:country", "Finland");
    }

    /** The button is enabled and not spinning: what a person needs after Back. */
    private static void assertSaveUsable(Browser browser, String id) {
        WebElement save = browser.waitVisible(By.id(id));
        assertTrue(save.isEnabled(), id + " is disabled after Back");
        assertFalse(save.getAttribute("class").contains("ui-state-loading"), id + " spins after Back");
        assertTrue(browser.all(By.cssSelector("[id='" + id + "'] .ui-icon-loading")).isEmpty(), id + " spins after Back");
    }

    private static long donorsNamed(Api finance, String name) {
        Reply found = finance.get("/api/donors?size=100&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        assertEquals(200, found.status(), found::toString);
        return ((Number) found.json().get("total")).longValue();
    }

    private static long idIn(Pattern pattern, String path) {
        Matcher m = pattern.matcher(path);
        assertTrue(m.find(), path);
        return Long.parseLong(m.group(1));
    }
}
