package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.trustfund.systemtest.support.Accounts;
import org.trustfund.systemtest.support.Browser;
import org.trustfund.systemtest.support.ReferenceFixture;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

@ExtendWith(SystemExtension.class)
class DonorPledgeIT {

    private static final String PASSWORD = "finance officer pass phrase";

    @Test
    void anOfficerRecordsADonorAndAThreeInstalmentPledgeAndSignsTheAgreement(RunningSystem system, Browser browser) {
        ReferenceFixture.ensure(system);
        signInAsNewOfficer(system, browser);
        String donor = "Fictional Ministry " + Accounts.uniqueUsername("d");
        createDonor(browser, donor);
        browser.screenshot("donor-page");

        browser.click("newPledge");
        browser.waitForPath("/finance/new-pledge.xhtml");
        browser.type("pledge:amount", "3000.00");
        browser.waitVisible(By.id("pledge:currency"));
        selectOne(browser, "pledge:currency", "EUR – Euro");
        browser.type("pledge:firstYear", "2025").type("pledge:lastYear", "2026").type("pledge:purpose", "Fellowships");
        browser.click("pledge:addRow");
        browser.click("pledge:addRow");
        browser.type("pledge:rows:0:dueDate_input", "2025-03-31");
        browser.type("pledge:rows:1:dueDate_input", "2025-09-30");
        browser.type("pledge:rows:2:dueDate_input", "2026-03-31");
        browser.click("pledge:split");
        assertEquals("1000.00", browser.waitVisible(By.id("pledge:rows:2:instalmentAmount")).getAttribute("value"));
        browser.type("pledge:pledgedOn_input", "2025-01-10");
        browser.screenshot("new-pledge");
        browser.click("pledge:save");
        browser.waitForPath("/finance/pledge.xhtml");
        assertTrue(browser.text("status").contains("Pledged"), browser.text("status"));
        assertEquals(3, browser.all(By.cssSelector("#instalments_data tr")).size());

        browser.click("signAgreement");
        browser.type("agreement:agreementDate_input", "2025-02-01").type("agreement:agreementReference", "STFA-TEST-1");
        browser.click("agreement:confirm");
        browser.waitForText("The signed agreement is recorded");
        assertTrue(browser.text("status").contains("Agreement signed"), browser.text("status"));
        assertTrue(browser.text("agreement").contains("STFA-TEST-1"));
        browser.screenshot("pledge-page");
    }

    @Test
    void aScheduleThatDoesNotAddUpIsRefusedAndWhatWasTypedIsKept(RunningSystem system, Browser browser) {
        ReferenceFixture.ensure(system);
        signInAsNewOfficer(system, browser);
        createDonor(browser, "Fictional Foundation " + Accounts.uniqueUsername("d"));
        browser.click("newPledge");
        browser.type("pledge:amount", "3000.00");
        browser.click("pledge:addRow");
        browser.type("pledge:rows:0:dueDate_input", "2025-03-31").type("pledge:rows:0:instalmentAmount", "1000.00");
        browser.type("pledge:rows:1:dueDate_input", "2025-09-30").type("pledge:rows:1:instalmentAmount", "1000.00");
        browser.click("pledge:save");
        browser.waitForText("The instalments add up to USD 2000.00, not to the pledged USD 3000.00.");
        assertEquals("3000.00", browser.waitVisible(By.id("pledge:amount")).getAttribute("value"));

        browser.type("pledge:amount", "three thousand");
        browser.click("pledge:save");
        browser.waitForText("Enter the amount as a number, e.g. 1250.50.");
        assertEquals("three thousand", browser.waitVisible(By.id("pledge:amount")).getAttribute("value"));
        assertTrue(browser.currentPath().startsWith("/finance/new-pledge.xhtml"), "nothing saved, still on the form");
    }

    @Test
    void theDonorListFiltersInTheDatabase(RunningSystem system, Browser browser) {
        ReferenceFixture.ensure(system);
        signInAsNewOfficer(system, browser);
        String unique = Accounts.uniqueUsername("zz");
        createDonor(browser, "Fictional Filter Target " + unique);
        browser.open("/finance/donors.xhtml");
        browser.type("donors:name", unique).click("donors:apply");
        browser.waitForText("Fictional Filter Target " + unique);
        List<String> names = browser.all(By.cssSelector(".tf-donor-name")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("Fictional Filter Target " + unique), names);
        browser.screenshot("donor-list");
    }

    static void signInAsNewOfficer(RunningSystem system, Browser browser) {
        String officer = Accounts.uniqueUsername("fo");
        Accounts.createUser(browser, system, officer, "initial password 1", "Finance officer");
        Accounts.signIn(browser, officer, "initial password 1");
        browser.waitForPath("/app/account/change-password.xhtml");
        browser.type("password:currentPassword", "initial password 1").type("password:newPassword", PASSWORD)
                .type("password:confirmation", PASSWORD).click("password:submit");
        browser.waitForPath("/app/dashboard.xhtml");
    }

    static void createDonor(Browser browser, String name) {
        browser.open("/finance/donors.xhtml");
        browser.click("donors:newDonor");
        browser.waitForPath("/finance/edit-donor.xhtml");
        browser.type("donor:name", name);
        selectOne(browser, "donor:stakeholderGroup", "Government");
        selectOne(browser, "donor:country", "Finland");
        browser.type("donor:contactEmail", "contact@example.invalid");
        browser.click("donor:save");
        browser.waitForPath("/finance/donor.xhtml");
        browser.waitForText(name);
    }

    /** Picks an option of a PrimeFaces selectOneMenu by its label. */
    static void selectOne(Browser browser, String id, String label) {
        browser.waitClickable(By.id(id)).click();
        browser.waitClickable(By.xpath("//*[@id='" + id + "_panel']//li[@data-label='" + label + "']")).click();
        browser.settle();
    }
}
