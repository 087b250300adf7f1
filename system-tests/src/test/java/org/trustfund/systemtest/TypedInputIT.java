package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.trustfund.systemtest.support.Accounts;
import org.trustfund.systemtest.support.Api;
import org.trustfund.systemtest.support.Browser;
import org.trustfund.systemtest.support.FinanceApi;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/**
 * Dates and numbers as people type them (issue 9), in one browser session to keep the suite short: typed dates in
 * ISO and day/month/year kept, a wrong one kept with its reason at the field, amounts with the language's grouping
 * and decimal mark (English, then French), an ambiguous amount refused, every field's error at once, a name over
 * its limit refused, the support cost rate kept to 0-100, Cancel, and certification asking first with the amount.
 */
@ExtendWith(SystemExtension.class)
class TypedInputIT {

    @Test
    void datesAndNumbersAsPeopleTypeThem(RunningSystem system, Browser browser) {
        Map<String, Object> fund = FinanceApi.fund(system);
        Api.User finance = Api.readyUser(system, "tif", "Finance officer");
        Api.User certifier = Api.readyUser(system, "tic", "Certifying officer");
        long donor = FinanceApi.donor(finance.api(system), "Fictional Typing Ministry");
        String fundLabel = fund.get("code") + " – Test fund";

        // Headless Chromium asks for en-US whatever --lang says; day-first slashes are read for British English
        // and French only (LocalDateConverter), so ask as a British browser does.
        browser.acceptLanguage("en-GB,en;q=0.9");
        Accounts.signIn(browser, finance.username(), finance.password());
        browser.waitForPath("/app/dashboard.xhtml");

        // A 300-character name and a 201-character contact: both refused at once, at their fields, naming the limit.
        browser.open("/finance/edit-donor.xhtml?id=" + donor);
        String longName = "N".repeat(300);
        browser.type("donor:name", longName).type("donor:contactName", "C".repeat(201));
        browser.click("donor:save");
        browser.waitForText("at most 200 characters");
        assertTrue(browser.text("donor").contains("Name: at most 200 characters"), browser.text("donor"));
        assertTrue(browser.text("donor").contains("Contact person: at most 200 characters"), browser.text("donor"));
        assertEquals(longName, browser.waitVisible(By.id("donor:name")).getAttribute("value"), "what was typed stays");
        browser.screenshot("typed-donor-too-long");
        browser.click("donor:cancel");
        browser.waitForPath("/finance/donor.xhtml");

        // A new pledge with every field wrong at once: an impossible date and a decimal comma in English.
        browser.open("/finance/new-pledge.xhtml?donor=" + donor);
        browser.choose("pledge:fund", fundLabel);
        browser.type("pledge:amount", "10,5");
        browser.typeAndLeave("pledge:pledgedOn_input", "31/02/2025");
        browser.type("pledge:firstYear", "2025").type("pledge:lastYear", "2025");
        browser.click("pledge:addRow");
        browser.click("pledge:save");
        browser.waitForText("is not a date");
        String page = browser.pageText();
        assertTrue(page.contains("“31/02/2025” is not a date"), page);
        assertTrue(page.contains("Use “.” for decimals"), page);
        assertEquals("31/02/2025", browser.waitVisible(By.id("pledge:pledgedOn_input")).getAttribute("value"), "the typed date stays");
        assertEquals("10,5", browser.waitVisible(By.id("pledge:amount")).getAttribute("value"), "the typed amount stays");
        browser.screenshot("typed-pledge-errors");

        // English grouping, a day-first date and an ISO date are read as typed.
        browser.type("pledge:amount", "30,000.00");
        browser.typeAndLeave("pledge:pledgedOn_input", "15/03/2025");
        browser.choose("pledge:currency", "EUR – Euro");
        browser.typeAndLeave("pledge:rows:0:dueDate_input", "2025-12-31");
        browser.type("pledge:rows:0:instalmentAmount", "30,000.00");
        browser.click("pledge:save");
        browser.waitForPath("/finance/pledge.xhtml");
        assertEquals("EUR 30,000.00", browser.text("amount"));
        assertTrue(browser.pageText().contains("2025-03-15"), "15/03/2025 is 15 March");

        // In French: a decimal comma and spaces between thousands, as French pages show amounts.
        browser.acceptLanguage("fr");
        browser.open("/finance/new-pledge.xhtml?donor=" + donor);
        browser.choose("pledge:fund", fundLabel);
        browser.type("pledge:amount", "30 000,00");
        browser.choose("pledge:currency", "EUR");
        browser.typeAndLeave("pledge:pledgedOn_input", "2025-03-16");
        browser.type("pledge:firstYear", "2025").type("pledge:lastYear", "2026");
        // The form opens with one instalment row; one more for a schedule of two (adding reloads the page).
        browser.click("pledge:addRow");
        browser.waitVisible(By.id("pledge:rows:1:dueDate_input"));
        assertFalse(browser.isPresent("pledge:rows:2:dueDate_input"), "one click, one more row");
        browser.typeAndLeave("pledge:rows:0:dueDate_input", "30/06/2025");
        browser.type("pledge:rows:0:instalmentAmount", "10000,50");
        browser.typeAndLeave("pledge:rows:1:dueDate_input", "2026-06-30");
        browser.type("pledge:rows:1:instalmentAmount", "19\u00a0999,50");
        browser.click("pledge:save");
        browser.waitForPath("/finance/pledge.xhtml");
        assertEquals("EUR 30\u202f000,00", browser.text("amount"));
        browser.screenshot("typed-pledge-french");
        browser.acceptLanguage("en-GB,en;q=0.9");

        // The certifier is asked first, with the amount; Cancel certifies nothing.
        Map<String, Object> contribution = FinanceApi.recordChf(finance.api(system), donor, ((Number) fund.get("id")).longValue(),
                "1250.00", null);
        Accounts.signOut(browser);
        Accounts.signIn(browser, certifier.username(), certifier.password());
        browser.waitForPath("/app/dashboard.xhtml");
        browser.open("/finance/contribution.xhtml?id=" + FinanceApi.id(contribution));
        browser.click("actions:certify");
        String question = browser.waitVisible(By.id("actions:certifyConfirm")).getText();
        assertTrue(question.contains("CHF 1,250.00"), question);
        browser.screenshot("typed-certify-confirm");
        browser.click("actions:certifyNo");
        assertFalse(browser.isDisplayed("actions:certifyConfirm"));
        assertEquals("Recorded", browser.text("status"), "Cancel certified nothing");
        browser.click("actions:certify");
        browser.click("actions:certifyYes");
        browser.waitForText("certified and posted to the ledger");

        // The support cost rate: 150 is refused, not made 15.00.
        Accounts.signOut(browser);
        Accounts.signIn(browser, "admin", system.adminPassword());
        browser.waitForPath("/app/dashboard.xhtml");
        browser.open("/admin/reference/funds.xhtml");
        browser.click("funds:newFundButton");
        browser.type("newFund:code", Accounts.uniqueUsername("P").toUpperCase()).type("newFund:name", "Percent fund");
        browser.typeAndLeave("newFund:startDate_input", "2026-01-01");
        browser.type("newFund:pscRate", "150");
        browser.click("newFund:create");
        browser.waitForText("a percentage from 0 to below 100");
        assertEquals("150", browser.waitVisible(By.id("newFund:pscRate")).getAttribute("value"));
        browser.screenshot("typed-psc-refused");
    }
}
