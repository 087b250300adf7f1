package org.trustfund.systemtest.support;

import java.util.concurrent.atomic.AtomicInteger;

/** User accounts made through the administration page, as an administrator would. */
public final class Accounts {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Accounts() {
    }

    /** A user name no other test uses. */
    public static String uniqueUsername(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
    }

    public static void signIn(Browser browser, String username, String password) {
        if (!browser.currentPath().startsWith("/login.xhtml")) {
            browser.open("/login.xhtml");
        }
        browser.type("signin:username", username).type("signin:password", password).click("signin:submit");
    }

    public static void signOut(Browser browser) {
        browser.click("signout:signOutButton");
        browser.waitForPath("/login.xhtml");
    }

    /**
     * Signs in as the administrator, creates a user with the given role labels (as shown on the page) and
     * initial password, and signs out again.
     */
    public static void createUser(Browser browser, RunningSystem system, String username, String initialPassword,
            String... roleLabels) {
        browser.open("/login.xhtml");
        signIn(browser, "admin", system.adminPassword());
        browser.waitForPath("/app/dashboard.xhtml");
        browser.open("/admin/users.xhtml");
        browser.click("users:newUserButton");
        browser.type("newUser:username", username)
                .type("newUser:displayName", "Test user " + username)
                .type("newUser:initialPassword", initialPassword);
        for (String label : roleLabels) {
            browser.checkLabelled("newUser:roles", label);
        }
        browser.click("newUser:create");
        browser.waitForText("User " + username + " created.");
        signOut(browser);
    }
}
