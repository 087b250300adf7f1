package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.trustfund.systemtest.support.Accounts;
import org.trustfund.systemtest.support.Api;
import org.trustfund.systemtest.support.Browser;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/** A person makes an API token on their account page, copies it once, uses it, and revokes it. */
@ExtendWith(SystemExtension.class)
class ApiTokenPageIT {

    @Test
    void aTokenIsShownOnceWorksAndStopsWhenRevokedOnThePage(RunningSystem system, Browser browser) {
        Api.User user = Api.readyUser(system, "tokenpage", "Finance officer");
        browser.open("/login.xhtml");
        Accounts.signIn(browser, user.username(), user.password());
        browser.waitForPath("/app/dashboard.xhtml");
        browser.click("navTokens");
        browser.waitForPath("/app/account/tokens.xhtml");

        browser.click("newToken:create");
        browser.waitForText("Give the token a name");
        browser.type("newToken:name", "Monthly bank reconciliation").click("newToken:create");
        browser.waitForText("Copy it now");
        String secret = browser.waitVisible(By.id("secret:value")).getAttribute("value");
        assertTrue(secret.startsWith("tfp_"), secret);
        browser.screenshot("api-token-made");
        assertEquals(200, Api.withToken(system, secret).get("/api/donors?page=0&size=1").status());

        browser.open("/app/account/tokens.xhtml");
        assertFalse(browser.pageText().contains(secret), "the secret is never shown again");
        assertTrue(browser.pageText().contains(secret.substring(0, 8)), "only its first characters tell it apart");
        assertTrue(browser.pageText().contains("Active"));

        browser.click(browser.waitVisible(By.xpath("//*[substring(@id, string-length(@id) - 6) = ':revoke']"))
                .getAttribute("id"));
        browser.click("tokens:confirmYes");
        browser.waitForText("Token \"Monthly bank reconciliation\" revoked.");
        assertTrue(browser.pageText().contains("Revoked"));
        browser.screenshot("api-token-revoked");
        assertEquals(401, Api.withToken(system, secret).from(Api.uniqueAddress()).get("/api/me").status());
    }
}
