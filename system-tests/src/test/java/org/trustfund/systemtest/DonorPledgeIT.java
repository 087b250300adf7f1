package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /**
     * The walk-through: a donor, a EUR pledge in three instalments, the signed agreement, a EUR
     * contribution applied oldest first, certified by another person, and the donor's outstanding balance.
     */
    @Test
    void donorToPledgeToAgreementToCertifiedEuroContributionToOutstandingBalance(RunningSystem system, Browser browser) {
        ReferenceFixture.ensure(system);
        String certifier = Accounts.uniqueUsername("co");
        Accounts.createUser(browser, system, certifier, "initial password 2", "Certifying officer");
        signInAsNewOfficer(system, browser);
        String donor = "Fictional Ministry " + Accounts.uniqueUsername("d");
        createDonor(browser, donor);
        browser.screenshot("donor-page");

        browser.click("newPledge");
        browser.waitForPath("/finance/new-pledge.xhtml");
        browser.choose("pledge:fund", "IGF – Internet Governance Forum Trust Fund");
        browser.type("pledge:amount", "3000.00");
        browser.waitVisible(By.id("pledge:currency"));
        browser.choose("pledge:currency", "EUR – Euro");
        browser.type("pledge:firstYear", "2025").type("pledge:lastYear", "2026").type("pledge:purpose", "Fellowships");
        addRow(browser, 1);
        addRow(browser, 2);
        browser.typeAndLeave("pledge:rows:0:dueDate_input", "2025-03-31");
        browser.typeAndLeave("pledge:rows:1:dueDate_input", "2025-09-30");
        browser.typeAndLeave("pledge:rows:2:dueDate_input", "2026-03-31");
        browser.click("pledge:split");
        assertEquals("1000.00", browser.waitVisible(By.id("pledge:rows:2:instalmentAmount")).getAttribute("value"));
        browser.typeAndLeave("pledge:pledgedOn_input", "2025-01-10");
        browser.screenshot("new-pledge");
        browser.click("pledge:save");
        browser.waitForPath("/finance/pledge.xhtml");
        assertTrue(browser.text("status").contains("Pledged"), browser.text("status"));
        assertEquals(3, browser.all(By.cssSelector("#instalments_data tr")).size());

        browser.click("actions:signAgreement");
        browser.typeAndLeave("agreement:agreementDate_input", "2025-02-01");
        browser.type("agreement:agreementReference", "STFA-TEST-1");
        browser.click("agreement:confirm");
        browser.waitForText("The signed agreement is recorded");
        assertTrue(browser.text("status").contains("Agreement signed"), browser.text("status"));
        assertTrue(browser.text("agreementFacts").contains("STFA-TEST-1"));
        browser.screenshot("pledge-page");

        // 1,500 EUR received on 20 June 2025: the first instalment in full and half the second.
        browser.clickText(donor);
        browser.waitForPath("/finance/donor.xhtml");
        browser.click("recordContribution");
        browser.waitForPath("/finance/record-contribution.xhtml");
        browser.choose("contribution:fund", "IGF ");
        browser.typeAndLeave("contribution:receivedDate_input", "2025-06-20");
        browser.choose("contribution:currency", "EUR ");
        browser.typeAndLeave("contribution:amount", "1500.00");
        browser.waitForText("rate effective");
        assertEquals(List.of("1000.00", "500.00", "0.00"), browser.all(By.cssSelector("#contribution\\:applications input.tf-apply"))
                .stream().map(e -> e.getAttribute("value")).toList(), "oldest instalment first");
        browser.type("contribution:bankReference", "BNK-" + Accounts.uniqueUsername("r"));
        browser.click("contribution:save");
        browser.waitForPath("/finance/contribution.xhtml?id=");
        String detail = browser.currentPath();
        assertEquals("Recorded", browser.text("status"));
        Accounts.signOut(browser);

        Accounts.signIn(browser, certifier, "initial password 2");
        browser.waitForPath("/app/account/change-password.xhtml");
        browser.type("password:currentPassword", "initial password 2").type("password:newPassword", PASSWORD)
                .type("password:confirmation", PASSWORD).click("password:submit");
        browser.waitForPath("/app/dashboard.xhtml");
        browser.open(detail);
        browser.click("actions:certify");
        browser.click("actions:certifyYes");
        browser.waitForText("certified and posted to the ledger");
        assertEquals("Certified", browser.text("status"));
        // 1,500 / 0.92 = 1,630.43 USD.
        assertEquals("USD 1,630.43", browser.text("usd"));

        browser.clickText(donor);
        browser.waitForPath("/finance/donor.xhtml");
        assertEquals("EUR 1,500.00", browser.text("outstanding").trim(), "3,000 agreed − 1,500 received");
        browser.screenshot("donor-outstanding");
        browser.open("/finance/ledger-check.xhtml");
        assertTrue(browser.text("verdict").startsWith("The books are consistent"), browser.text("verdict"));
    }

    /** IPSAS 23 on the pledge page: a conditional agreement, a date before the agreement refused, then met. */
    @Test
    void aConditionalAgreementStaysDeferredUntilTheOfficerRecordsTheConditionsMet(RunningSystem system, Browser browser) {
        long donor = ReferenceFixture.donor(system, "Fictional Foundation " + Accounts.uniqueUsername("c"));
        long pledge = ReferenceFixture.usdPledge(system, donor, "2025-06-30", "2025-12-31");
        signInAsNewOfficer(system, browser);
        browser.open("/finance/pledge.xhtml?id=" + pledge);

        browser.click("actions:signAgreement");
        browser.typeAndLeave("agreement:agreementDate_input", "2025-02-01");
        browser.type("agreement:agreementReference", "STFA-COND-1");
        browser.type("agreement:agreementConditions", "Narrative report accepted by the Bureau");
        browser.click("agreement:confirm");
        browser.waitForText("The signed agreement is recorded");
        assertTrue(browser.text("conditionsFacts").contains("revenue deferred until they are met"), browser.text("conditionsFacts"));

        browser.click("actions:conditionsMet");
        browser.typeAndLeave("conditions:conditionsMetOn_input", "2025-01-15");
        browser.click("conditions:confirm");
        browser.waitForText("The conditions cannot be met before the agreement was signed (2025-02-01).");
        browser.typeAndLeave("conditions:conditionsMetOn_input", "2025-06-30");
        browser.click("conditions:confirm");
        browser.waitForText("The conditions are met: the deferred revenue is now revenue.");
        assertTrue(browser.text("conditionsFacts").contains("met on 2025-06-30"), browser.text("conditionsFacts"));
        assertFalse(browser.isPresent("actions:conditionsMet"), "nothing left to record");
        browser.screenshot("pledge-conditions-met");
        browser.open("/finance/ledger-check.xhtml");
        assertTrue(browser.text("verdict").startsWith("The books are consistent"), browser.text("verdict"));
    }

    /** Adds an instalment row and waits until row {@code index} is there. */
    private static void addRow(Browser browser, int index) {
        // Under load a click can land while PrimeFaces is still replacing the table: click again then.
        for (int attempt = 0; attempt < 3 && !browser.isPresent("pledge:rows:" + index + ":dueDate_input"); attempt++) {
            browser.click("pledge:addRow");
            browser.waitUntil(java.time.Duration.ofSeconds(10), () -> browser.isPresent("pledge:rows:" + index + ":dueDate_input"));
        }
        browser.waitVisible(By.id("pledge:rows:" + index + ":dueDate_input"));
    }


    @Test
    void aScheduleThatDoesNotAddUpIsRefusedAndWhatWasTypedIsKept(RunningSystem system, Browser browser) {
        ReferenceFixture.ensure(system);
        signInAsNewOfficer(system, browser);
        createDonor(browser, "Fictional Foundation " + Accounts.uniqueUsername("d"));
        browser.click("newPledge");
        browser.choose("pledge:fund", "IGF – Internet Governance Forum Trust Fund");
        browser.type("pledge:amount", "3000.00");
        addRow(browser, 1);
        browser.typeAndLeave("pledge:rows:0:dueDate_input", "2025-03-31");
        browser.typeAndLeave("pledge:rows:0:instalmentAmount", "1000.00");
        browser.typeAndLeave("pledge:rows:1:dueDate_input", "2025-09-30");
        browser.typeAndLeave("pledge:rows:1:instalmentAmount", "1000.00");
        browser.click("pledge:save");
        browser.waitForText("The instalments add up to USD 2000.00, not to the pledged USD 3000.00.");
        assertEquals("3000.00", browser.waitVisible(By.id("pledge:amount")).getAttribute("value"));

        browser.type("pledge:amount", "three thousand");
        browser.click("pledge:save");
        browser.waitForText("Not a number: type digits, with “.” for decimals, e.g. 30,000.50.");
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
        browser.choose("donor:stakeholderGroup", "Government");
        browser.choose("donor:country", "Finland");
        browser.type("donor:contactEmail", "contact@example.invalid");
        browser.choose("donor:correspondenceLanguage", "Español");
        browser.click("donor:save");
        browser.waitForPath("/finance/donor.xhtml");
        browser.waitForText(name);
        assertEquals("Letters in Español", browser.text("correspondenceLanguage"));
    }

}
