package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.trustfund.systemtest.support.Accounts;
import org.trustfund.systemtest.support.Browser;
import org.trustfund.systemtest.support.ReferenceFixture;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/**
 * An administrator links a Donor user to the donor they act for, on the users page; a user who acts for a ministry and
 * its agency sees both and switches between them, and nothing of a third donor.
 */
@ExtendWith(SystemExtension.class)
class UserDonorLinkIT {

    @Test
    void anAdministratorLinksADonorUserToTheirDonorAndCannotLinkStaff(RunningSystem system, Browser browser) {
        String unique = Accounts.uniqueUsername("link");
        String donorName = "Fictional Ministry " + unique;
        ReferenceFixture.donor(system, donorName);
        String donorUser = Accounts.uniqueUsername("donoruser");
        String officer = Accounts.uniqueUsername("officer");
        Accounts.createUser(browser, system, donorUser, "donor user initial password", "Donor");
        Accounts.createUser(browser, system, officer, "officer initial password", "Finance officer");

        Accounts.signIn(browser, "admin", system.adminPassword());
        browser.waitForPath("/app/dashboard.xhtml");
        browser.open("/admin/users.xhtml");

        edit(browser, officer);
        pickDonor(browser, donorName);
        browser.click("editUser:save");
        browser.waitForText("Only an account with the Donor role can be linked to a donor; " + officer + " does not have it.");
        assertEquals(donorName, browser.waitVisible(By.id("editUser:donor_input")).getAttribute("value"),
                "what the administrator chose stays in the field");
        browser.screenshot("users-link-refused");
        browser.all(By.cssSelector("#editUserDialog .ui-dialog-titlebar-close")).get(0).click();

        edit(browser, donorUser);
        pickDonor(browser, donorName);
        browser.click("editUser:save");
        browser.waitForText("User " + donorUser + " updated.");
        assertEquals(donorName, browser.text(rowCellId(browser, donorUser, "donor")));
        browser.screenshot("users-donor-linked");
        assertTrue(browser.all(By.xpath(rowXpath(officer) + "//*[contains(@id, ':donor')]")).get(0).getText().isEmpty(),
                "staff act for no donor");
    }

    @Test
    void aUserWhoActsForAMinistryAndItsAgencySeesBothAndNothingOfAThird(RunningSystem system, Browser browser)
            throws Exception {
        String unique = Accounts.uniqueUsername("pair");
        String ministry = "Fictional Ministry " + unique;
        String agency = "Fictional Agency " + unique;
        long ministryId = ReferenceFixture.donor(system, ministry);
        long agencyId = ReferenceFixture.donor(system, agency);
        long thirdId = ReferenceFixture.donor(system, "Fictional Third " + unique);
        org.trustfund.systemtest.support.Api.User user =
                org.trustfund.systemtest.support.Api.readyDonorUser(system, "pair", ministryId);
        long userId;
        long version;
        try (java.sql.Connection c = org.trustfund.systemtest.support.Rows.connect(system.database())) {
            userId = org.trustfund.systemtest.support.Rows.number(c, "SELECT id FROM user_account WHERE username = ?",
                    user.username());
            version = org.trustfund.systemtest.support.Rows.number(c,
                    "SELECT version FROM user_account WHERE username = ?", user.username());
        }
        org.trustfund.systemtest.support.Api admin = org.trustfund.systemtest.support.Api.asAdmin(system);
        org.trustfund.systemtest.support.Api.Reply linked = admin.put("/api/users/" + userId + "/donor", java.util.Map.of(
                "version", version, "donorId", ministryId, "otherDonorIds", java.util.List.of(agencyId)));
        assertEquals(200, linked.status(), linked::toString);
        assertEquals(java.util.List.of(ministryId, agencyId), ((java.util.List<?>) linked.json().get("donorIds"))
                .stream().map(n -> ((Number) n).longValue()).toList());

        Accounts.signIn(browser, user.username(), user.password());
        browser.waitForPath("/app/dashboard.xhtml");
        browser.click("navMyDonor");
        browser.waitForText(ministry);
        assertTrue(browser.text("donorSwitch").contains(agency), browser.text("donorSwitch"));
        browser.clickText(agency);
        assertTrue(browser.waitUntil(java.time.Duration.ofSeconds(10), () -> agency.equals(browser.text("details:name"))),
                "the agency's details: " + browser.text("details:name"));
        browser.screenshot("my-donor-switch");

        org.trustfund.systemtest.support.Api donor = user.api(system);
        assertEquals(200, donor.get("/api/acknowledgements?donorId=" + agencyId).status());
        assertEquals(403, donor.get("/api/acknowledgements?donorId=" + thirdId).status());
        for (String page : java.util.List.of("/app/my-donor.xhtml?donor=", "/app/my-support.xhtml?donor=")) {
            java.net.http.HttpResponse<String> own = pageAs(system, browser, page + agencyId);
            assertEquals(200, own.statusCode(), page + " of the agency");
            assertTrue(own.body().contains(agency), page);
            assertEquals(403, pageAs(system, browser, page + thirdId).statusCode(), page + " of a third donor");
        }
    }

    private static java.net.http.HttpResponse<String> pageAs(RunningSystem system, Browser browser, String path)
            throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(system.baseUrl() + path))
                .header("Cookie", "JSESSIONID=" + browser.cookie("JSESSIONID").getValue()).GET().build();
        return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static void edit(Browser browser, String username) {
        browser.click(rowCellId(browser, username, "edit"));
        browser.waitVisible(By.id("editUser:donor_input"));
    }

    private static void pickDonor(Browser browser, String donorName) {
        browser.type("editUser:donor_input", donorName.substring(0, donorName.length() - 3));
        browser.waitClickable(By.xpath("//span[@id='editUser:donor_panel']//li[@data-item-label='" + donorName + "']")).click();
        browser.settle();
    }

    /** The id of an element in the users table's row for {@code username}. */
    private static String rowCellId(Browser browser, String username, String idSuffix) {
        return browser.waitVisible(By.xpath(rowXpath(username) + "//*[substring(@id, string-length(@id) - "
                + idSuffix.length() + ") = ':" + idSuffix + "']")).getAttribute("id");
    }

    private static String rowXpath(String username) {
        return "//tbody[@id='users:userTable_data']/tr[.//span[normalize-space(text())='" + username + "']]";
    }
}
