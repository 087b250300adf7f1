package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.trustfund.systemtest.support.Accounts;
import org.trustfund.systemtest.support.Api;
import org.trustfund.systemtest.support.Browser;
import org.trustfund.systemtest.support.PageSession;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/**
 * A session, a remembered Basic credential and a token all follow the account: when the administrator
 * changes a user's roles or disables them on the users page, what that user had open stops on its next
 * request (roles were fixed in the session at sign-in, so a demoted user used to keep the old ones).
 */
@ExtendWith(SystemExtension.class)
class SessionFollowsAccountIT {

    @Test
    void aDemotedThenDisabledUserIsOutOnTheirNextRequest(RunningSystem system, Browser browser) {
        Api.User user = Api.readyUser(system, "demoted", "Finance officer");
        PageSession session = PageSession.signIn(system, user.username(), user.password());
        assertEquals(200, session.get("/finance/record-contribution.xhtml").status());
        Api basic = user.api(system);
        assertEquals(200, basic.get("/api/donors?page=0&size=1").status());
        Api token = Api.withToken(system, SignInUnderAttackIT.createToken(basic, "follows the account"));

        editAsAdmin(browser, system, user.username(), () -> {
            browser.checkLabelled("editUser:roles", "Finance officer");
            browser.checkLabelled("editUser:roles", "Auditor");
        });

        PageSession.Page next = session.get("/finance/record-contribution.xhtml");
        assertTrue(next.redirectsToSignIn(), "the open session ended: " + next.summary());
        assertTrue(session.get("/login.xhtml").body().contains("Your account was changed by an administrator"),
                "the sign-in page says why");
        assertEquals(403, basic.post("/api/contributions", "{}").status(),
                "the remembered password is checked again and carries the new role only");
        assertEquals(403, token.post("/api/contributions", "{}").status(), "a token acts with the roles held now");
        assertEquals(302, session.attemptSignIn(user.username(), user.password()).status());
        assertEquals(200, session.get("/audit/audit-log.xhtml").status(), "signed in again: an auditor now");
        assertEquals(403, session.get("/finance/record-contribution.xhtml").status());

        editAsAdmin(browser, system, user.username(),
                () -> browser.all(By.cssSelector("[id='editUser:enabled'] .ui-chkbox-box")).get(0).click());

        assertTrue(session.get("/app/dashboard.xhtml").redirectsToSignIn(), "a disabled user is out");
        assertEquals(401, basic.get("/api/me").status(), "and so is their remembered password");
        assertEquals(401, token.from(Api.uniqueAddress()).get("/api/me").status(), "and their token");
    }

    private static void editAsAdmin(Browser browser, RunningSystem system, String username, Runnable change) {
        browser.open("/login.xhtml");
        Accounts.signIn(browser, "admin", system.adminPassword());
        browser.waitForPath("/app/dashboard.xhtml");
        browser.open("/admin/users.xhtml");
        browser.click(browser.waitVisible(By.xpath("//tbody[@id='users:userTable_data']/tr[.//span[normalize-space(text())='"
                + username + "']]//*[substring(@id, string-length(@id) - 4) = ':edit']")).getAttribute("id"));
        browser.waitVisible(By.id("editUser:roles"));
        change.run();
        browser.click("editUser:save");
        browser.waitForText("User " + username + " updated.");
        Accounts.signOut(browser);
    }
}
