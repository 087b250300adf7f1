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
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

@ExtendWith(SystemExtension.class)
class AuditLogIT {

    @Test
    void theAuditLogShowsSignInsFailuresAndChangesFilteredByUser(RunningSystem system, Browser browser) {
        String user = Accounts.uniqueUsername("audited");
        Accounts.createUser(browser, system, user, "audited user password", "Certifying officer");
        Accounts.signIn(browser, user, "a wrong password");
        Accounts.signIn(browser, user, "audited user password");
        browser.waitForPath("/app/account/change-password.xhtml");
        Accounts.signOut(browser);

        Accounts.signIn(browser, "admin", system.adminPassword());
        browser.open("/audit/audit-log.xhtml");
        browser.type("audit:actor", user).click("audit:apply");
        browser.waitForText("Failed sign-in");
        browser.screenshot("audit-log");
        List<String> events = column(browser, "tf-action");
        assertEquals(List.of("Sign-out", "Sign-in", "Failed sign-in"), events, "newest first, only this user's events");

        browser.type("audit:actor", "admin").click("audit:apply");
        browser.waitForText("Created");
        assertTrue(column(browser, "tf-details").stream().anyMatch(d -> d.contains("username: " + user)),
                "the creation of the user, with what was set");
    }

    @Test
    void anOfficerCannotOpenTheAuditLog(RunningSystem system, Browser browser) {
        String officer = Accounts.uniqueUsername("nosy");
        Accounts.createUser(browser, system, officer, "nosy officer password", "Finance officer");
        Accounts.signIn(browser, officer, "nosy officer password");
        browser.waitForPath("/app/account/change-password.xhtml");
        browser.open("/audit/audit-log.xhtml");
        assertTrue(browser.pageText().contains("Not allowed"), browser.pageText());
    }

    private static List<String> column(Browser browser, String cssClass) {
        return browser.all(By.cssSelector("#audit\\:entries ." + cssClass)).stream().map(WebElement::getText).toList();
    }
}
