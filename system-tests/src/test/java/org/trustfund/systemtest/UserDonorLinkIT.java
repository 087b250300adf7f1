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

/** An administrator links a Donor user to the donor they act for, on the users page. */
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
