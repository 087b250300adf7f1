package org.trustfund.systemtest.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.trustfund.systemtest.support.Api.Reply;

/**
 * Records that API tests make for themselves through the API, as a finance officer would: a fund of their own (so
 * no other test's figures mix in), donors, Swiss franc pledges with a signed agreement; and the JSON bits they
 * read back.
 */
public final class FinanceApi {

    private FinanceApi() {
    }

    /** A new fund only this test uses; the reference data (CHF rates from 2024) is made sure of first. */
    public static Map<String, Object> fund(RunningSystem system) {
        ReferenceFixture.ensure(system);
        Reply fund = Api.asAdmin(system).post("/api/funds", Map.of("code", Accounts.uniqueUsername("tf").toUpperCase(),
                "name", "Test fund", "startDate", "2006-01-01"));
        assertEquals(201, fund.status(), fund::toString);
        return fund.json();
    }

    public static long donor(Api finance, String name) {
        Reply created = finance.post("/api/donors", Map.of("name", name + " " + Accounts.uniqueUsername("d"),
                "stakeholderGroup", "GOVERNMENT", "country", "FI", "publiclyNamed", true));
        assertEquals(201, created.status(), created::toString);
        return id(created.json());
    }

    /**
     * A Swiss franc pledge of the donor to the fund, one instalment per (due date, amount) pair, with its agreement
     * signed on 2025-02-01 (a receivable from then on); the pledge as read back.
     */
    public static Map<String, Object> signedChfPledge(Api finance, long donor, long fund, String... dueAndAmount) {
        List<Map<String, Object>> instalments = new ArrayList<>();
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        for (int i = 0; i < dueAndAmount.length; i += 2) {
            instalments.add(Map.of("dueDate", dueAndAmount[i], "amount", chf(dueAndAmount[i + 1])));
            total = total.add(new java.math.BigDecimal(dueAndAmount[i + 1]));
        }
        Reply pledge = finance.post("/api/pledges", Map.of("donorId", donor, "fundId", fund,
                "amount", chf(total.toPlainString()), "purpose", "Fellowships", "firstYear", 2025, "lastYear", 2026,
                "pledgedOn", "2025-01-10", "instalments", instalments));
        assertEquals(201, pledge.status(), pledge::toString);
        Reply signed = finance.post("/api/pledges/" + id(pledge.json()) + "/agreement", Map.of("version",
                version(pledge.json()), "agreementDate", "2025-02-01", "agreementReference", "STFA-" + donor));
        assertEquals(200, signed.status(), signed::toString);
        assertEquals("AGREEMENT_SIGNED", signed.json().get("status"));
        return signed.json();
    }

    /** Records a contribution in Swiss francs received on 2025-04-15; {@code applications} null leaves the field out. */
    public static Map<String, Object> recordChf(Api finance, long donor, long fund, String amount,
            List<Map<String, Object>> applications) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("donorId", donor, "fundId", fund,
                "receivedDate", "2025-04-15", "amount", chf(amount), "bankReference", "BNK-" + Accounts.uniqueUsername("r")));
        if (applications != null) {
            body.put("applications", applications);
        }
        Reply recorded = finance.post("/api/contributions", body);
        assertEquals(201, recorded.status(), recorded::toString);
        return recorded.json();
    }

    public static Map<String, Object> certify(Api certifier, Map<String, Object> contribution) {
        Reply certified = certifier.post("/api/contributions/" + id(contribution) + "/certification",
                Map.of("version", version(contribution)));
        assertEquals(200, certified.status(), certified::toString);
        assertEquals("CERTIFIED", certified.json().get("status"));
        return certified.json();
    }

    public static Map<String, String> chf(String amount) {
        return Map.of("amount", amount, "currency", "CHF");
    }

    public static long id(Map<String, Object> json) {
        return ((Number) json.get("id")).longValue();
    }

    public static long version(Map<String, Object> json) {
        return ((Number) json.get("version")).longValue();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Map<String, Object> json, String property) {
        return (List<Map<String, Object>>) json.get(property);
    }

    /** The instalment ids of a pledge, by sequence number (first is index 0). */
    public static List<Long> instalmentIds(Map<String, Object> pledge) {
        return list(pledge, "instalments").stream()
                .sorted(java.util.Comparator.comparingInt(i -> ((Number) i.get("seq")).intValue()))
                .map(FinanceApi::id).toList();
    }

    /** A 400 naming the field, with a message that says what is wrong. */
    public static void assertRefused(Reply reply, String field, String messagePart) {
        assertEquals(400, reply.status(), reply::toString);
        Map<String, Object> error = reply.json();
        assertEquals(field, error.get("field"), reply::toString);
        assertTrue(error.get("message").toString().contains(messagePart), reply::toString);
        assertFalse(reply.body().contains("Exception"), reply::toString);
    }

    /**
     * Opens the ledger check as this user and asserts that it finds nothing wrong with the test's own records: its
     * fund balances, no receivable of its pledges and no unapplied receipts of its contributions differ.
     */
    public static void assertLedgerCheckClean(Browser browser, Api.User user, String fundCode, List<Long> pledges,
            List<Long> contributions) {
        browser.open("/login.xhtml");
        Accounts.signIn(browser, user.username(), user.password());
        browser.waitForPath("/app/dashboard.xhtml");
        browser.open("/finance/ledger-check.xhtml");
        browser.waitVisible(By.id("verdict"));
        String fundRow = browser.all(By.cssSelector("#funds_data tr")).stream().map(WebElement::getText)
                .filter(t -> t.startsWith(fundCode + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("fund " + fundCode + " is not in the ledger check"));
        assertTrue(fundRow.endsWith("Balances"), fundRow);
        List<String> receivables = browser.all(By.cssSelector("#receivables_data a")).stream()
                .map(WebElement::getText).toList();
        for (long pledge : pledges) {
            assertFalse(receivables.contains(String.valueOf(pledge)), "receivable of pledge " + pledge + " differs");
        }
        List<String> unapplied = browser.all(By.cssSelector("#unapplied_data a")).stream()
                .map(WebElement::getText).toList();
        for (long contribution : contributions) {
            assertFalse(unapplied.contains(String.valueOf(contribution)),
                    "unapplied receipts of contribution " + contribution + " differ");
        }
        Accounts.signOut(browser);
    }
}
