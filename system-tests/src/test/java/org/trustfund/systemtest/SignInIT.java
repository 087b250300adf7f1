package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;
import org.trustfund.systemtest.support.Accounts;
import org.trustfund.systemtest.support.Browser;
import org.trustfund.systemtest.support.ReferenceFixture;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

@ExtendWith(SystemExtension.class)
class SignInIT {

    private static final String NEUTRAL = "Invalid user name or password";

    @Test
    void aProtectedPageWithoutASessionGoesToSignInAndBackAfterSignIn(RunningSystem system, Browser browser) {
        browser.open("/admin/users.xhtml");
        browser.waitForPath("/login.xhtml");
        browser.screenshot("sign-in");

        Accounts.signIn(browser, "admin", system.adminPassword());
        browser.waitForPath("/admin/users.xhtml");
        assertTrue(browser.pageText().contains("Users"), browser.pageText());
    }

    @Test
    void aWrongPasswordOrUnknownUserGetsOneNeutralMessage(RunningSystem system, Browser browser) {
        browser.open("/login.xhtml");
        Accounts.signIn(browser, "admin", "not the password at all");
        assertTrue(browser.pageText().contains(NEUTRAL), browser.pageText());
        assertTrue(browser.currentPath().startsWith("/login.xhtml"));

        Accounts.signIn(browser, Accounts.uniqueUsername("nobody"), "whatever password 1");
        assertTrue(browser.pageText().contains(NEUTRAL), browser.pageText());
        assertFalse(browser.pageText().contains("Exception"), browser.pageText());
    }

    @Test
    void theAdministratorCreatesAFinanceOfficerWhoSignsInAndSeesTheirDashboard(RunningSystem system, Browser browser) {
        ReferenceFixture.ensure(system);
        String officer = Accounts.uniqueUsername("officer");
        Accounts.createUser(browser, system, officer, "first password for officer", "Finance officer");

        Accounts.signIn(browser, officer, "first password for officer");
        browser.waitForPath("/app/account/change-password.xhtml");
        assertTrue(browser.isPresent("requiredNotice"), "told to choose their own password");
        browser.open("/app/dashboard.xhtml");
        browser.waitForPath("/app/account/change-password.xhtml");

        browser.type("password:currentPassword", "first password for officer")
                .type("password:newPassword", "my own long pass phrase")
                .type("password:confirmation", "my own long pass phrase")
                .click("password:submit");
        browser.waitForPath("/app/dashboard.xhtml");
        assertTrue(browser.waitUntil(java.time.Duration.ofSeconds(10), () -> browser.isPresent("charts:byYear")), "the fund's charts");
        browser.settle();
        browser.screenshot("dashboard-finance-officer");
        assertTrue(browser.isPresent("charts:byGroup"), "revenue by stakeholder group");
        assertTrue(browser.text("welcome").contains("Test user " + officer), browser.text("welcome"));
        assertTrue(browser.isPresent("financeCard"), "the finance officer's panel");
        assertFalse(browser.isPresent("adminCard"), "no administrator panel");
        assertFalse(browser.isPresent("navUsers"), "no link to user administration");

        browser.open("/admin/users.xhtml");
        assertTrue(browser.pageText().contains("Not allowed"), browser.pageText());

        browser.open("/app/dashboard.xhtml");
        Accounts.signOut(browser);
        Accounts.signIn(browser, officer, "my own long pass phrase");
        browser.waitForPath("/app/dashboard.xhtml");
    }

    @Test
    void aBadNewUserIsRefusedAtTheFieldAndWhatWasTypedIsKept(RunningSystem system, Browser browser) {
        Accounts.signIn(browser.open("/login.xhtml"), "admin", system.adminPassword());
        browser.open("/admin/users.xhtml");
        browser.click("users:newUserButton");
        String name = Accounts.uniqueUsername("short");
        browser.type("newUser:username", name).type("newUser:displayName", "Short Password")
                .type("newUser:initialPassword", "short");
        browser.checkLabelled("newUser:roles", "Auditor");
        browser.click("newUser:create");
        browser.waitForText("The password must have at least 12 characters.");
        assertEquals(name, browser.waitVisible(org.openqa.selenium.By.id("newUser:username")).getAttribute("value"));
        assertFalse(browser.pageText().contains("User " + name + " created."));
    }

    @Test
    void signInChangesTheSessionIdAndSignOutEndsTheSession(RunningSystem system, Browser browser) {
        browser.open("/app/dashboard.xhtml");
        browser.waitForPath("/login.xhtml");
        Cookie before = browser.cookie("JSESSIONID");
        assertNotNull(before, "a session exists before sign-in");

        Accounts.signIn(browser, "admin", system.adminPassword());
        browser.waitForPath("/app/dashboard.xhtml");
        Cookie after = browser.cookie("JSESSIONID");
        assertNotEquals(before.getValue(), after.getValue(), "a new session id after sign-in");

        Accounts.signOut(browser);
        assertTrue(browser.pageText().contains("You have signed out."), browser.pageText());
        // The old session cookie no longer opens anything.
        browser.addCookie(after);
        browser.open("/app/dashboard.xhtml");
        browser.waitForPath("/login.xhtml");
    }

    @Test
    void wrongPasswordsDoNotLockTheAccountSoAStrangerCannotLockTheHolderOut(RunningSystem system, Browser browser) {
        // (Throttling, which replaced the lock, is tested from addresses of its own in SignInUnderAttackIT.)
        String user = Accounts.uniqueUsername("notlocked");
        Accounts.createUser(browser, system, user, "right password here", "Auditor");
        for (int i = 0; i < 5; i++) {
            Accounts.signIn(browser, user, "wrong password " + i);
            // Waits for the answer to the sign-in: read at once, the page may still be loading (no body yet).
            browser.waitForText(NEUTRAL);
        }
        Accounts.signIn(browser, user, "right password here");
        browser.waitForPath("/app/account/change-password.xhtml");
    }

    @Test
    void anUnknownPageGetsAFriendlyPageNotAStackTrace(RunningSystem system, Browser browser) {
        Accounts.signIn(browser.open("/login.xhtml"), "admin", system.adminPassword());
        browser.waitForPath("/app/dashboard.xhtml");
        browser.open("/app/no-such-page.xhtml");
        String text = browser.pageText();
        assertTrue(text.contains("Page not found"), text);
        assertFalse(text.contains("Exception") || text.contains("at org."), text);
    }
}
