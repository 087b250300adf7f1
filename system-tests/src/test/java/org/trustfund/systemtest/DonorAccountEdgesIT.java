package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustfund.systemtest.support.FinanceApi.id;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trustfund.systemtest.support.Accounts;
import org.trustfund.systemtest.support.Api;
import org.trustfund.systemtest.support.Api.User;
import org.trustfund.systemtest.support.Browser;
import org.trustfund.systemtest.support.FinanceApi;
import org.trustfund.systemtest.support.Rows;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/**
 * Issue 12's edge cases for donor accounts: a donor user no one has linked to a donor yet gets a clear message and
 * nothing shown (pages and API); a disabled donor account cannot sign in, by the form or the API, and its open session
 * ends.
 */
@ExtendWith(SystemExtension.class)
class DonorAccountEdgesIT {

    @Test
    void aDonorUserLinkedToNoDonorIsToldSoAndSeesNothing(RunningSystem system, Browser browser) {
        User unlinked = Api.readyUser(system, "unlinked", "Donor");
        Accounts.signIn(browser, unlinked.username(), unlinked.password());
        browser.waitForPath("/app/dashboard.xhtml");
        String notLinked = "This account is not linked to a donor yet, so there is nothing to show.";
        for (String nav : new String[] {"navAcknowledgements", "navMySupport", "navMyDonor"}) {
            browser.click(nav);
            browser.waitForText(notLinked);
            assertFalse(browser.isPresent("letters") && browser.pageText().contains("IGF-"), nav + " lists nothing");
        }
        assertFalse(browser.isPresent("details:save"), "no form to change a donor's details");
        browser.screenshot("donor-not-linked");
        Api api = unlinked.api(system);
        assertEquals(403, api.get("/api/acknowledgements").status());
        assertEquals(403, api.get("/api/contributions").status());
    }

    @Test
    void aDisabledDonorAccountCannotSignInAndItsSessionEnds(RunningSystem system, Browser browser) throws Exception {
        Api finance = Api.readyUser(system, "officer", "Finance officer").api(system);
        long donor = FinanceApi.donor(finance, "Disabled account donor");
        User user = Api.readyDonorUser(system, "disabled", donor);
        Accounts.signIn(browser, user.username(), user.password());
        browser.waitForPath("/app/dashboard.xhtml");
        assertEquals(200, user.api(system).get("/api/acknowledgements").status());

        try (Connection c = Rows.connect(system.database()); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE user_account SET enabled = FALSE, version = version + 1 WHERE username = '"
                    + user.username() + "'");
        }
        assertEquals(401, user.api(system).get("/api/acknowledgements").status(), "the API refuses the account");
        browser.open("/app/my-support.xhtml");
        assertTrue(browser.currentPath().startsWith("/login.xhtml"), "the open session ends: " + browser.currentPath());
        Accounts.signIn(browser, user.username(), user.password());
        browser.waitForText("Invalid user name or password");
        assertTrue(browser.currentPath().startsWith("/login.xhtml"));
        assertTrue(id(Map.of("id", donor)) > 0);
    }
}
