package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.trustfund.systemtest.support.Accounts;
import org.trustfund.systemtest.support.Api;
import org.trustfund.systemtest.support.Api.Reply;
import org.trustfund.systemtest.support.Browser;
import org.trustfund.systemtest.support.ReferenceFixture;
import org.trustfund.systemtest.support.Rows;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/**
 * A TIDES-style transfer, as finance staff handle it: a finance officer registers the foundation and records a
 * transfer of five gifts, one anonymous and one from a giver who did not agree to be named, watching the
 * reconciliation reach 0.00; a certifying officer who is someone else certifies it; the transfer shows gross, fees
 * and net, the ledger the net as the fund's income, and the givers' list credits the named givers, counts the others
 * and names neither of them. Then the refusals: fees above the gross, gifts that do not add up.
 */
@ExtendWith(SystemExtension.class)
class TransfersIT {

    private static final Pattern TRANSFER = Pattern.compile("/finance/transfer\\.xhtml\\?id=(\\d+)");
    private static final String[][] GIFTS = {
            {"Ada Example", "Person", "no", "2,500.00"},
            {"Example Networks Inc.", "Company", "no", "4,000.00"},
            {"", "Person", "anonymous", "1,000.00"},
            {"Private Person", "Person", "not named", "1,500.00"},
            {"Example Family Foundation", "Foundation", "no", "1,000.00"}};

    @Test
    void aTransferOfFiveGiftsIsRecordedCertifiedByAnotherPersonAndCountedAtItsNet(RunningSystem system, Browser browser)
            throws SQLException {
        ReferenceFixture.ensure(system);
        Api.User officer = Api.readyUser(system, "fo", "Finance officer");
        Api.User certifier = Api.readyUser(system, "co", "Certifying officer");
        String foundation = "Fictional Tides Foundation " + Accounts.uniqueUsername("t");

        Accounts.signIn(browser.open("/login.xhtml"), officer.username(), officer.password());
        browser.open("/finance/intermediaries.xhtml");
        browser.type("register:name", foundation);
        browser.choose("register:country", "Switzerland");
        browser.type("register:feeTerms", "3 % overhead plus card fees");
        browser.click("register:save");
        browser.waitForText(foundation + " is registered as an intermediary.");
        long intermediary = intermediaryId(system, foundation);

        browser.open("/finance/record-transfer.xhtml?intermediary=" + intermediary);
        browser.choose("transfer:fund", "IGF ");
        browser.choose("transfer:currency", "USD ");
        browser.type("transfer:statementReference", "Statement 2025-Q2");
        browser.typeAndLeave("transfer:gross", "10,000.00");
        browser.typeAndLeave("transfer:fees", "450.00");
        browser.typeAndLeave("transfer:net", "9,550.00");
        browser.typeAndLeave("transfer:receivedDate_input", "2025-07-15");
        browser.type("transfer:bankReference", "TIDES-2025-07");
        for (int i = 1; i < GIFTS.length; i++) {
            browser.click("transfer:addGift");
            browser.waitVisible(By.id("transfer:gifts:" + i + ":giverName"));
        }
        for (int i = 0; i < GIFTS.length; i++) {
            String row = "transfer:gifts:" + i + ":";
            if (!GIFTS[i][0].isEmpty()) {
                browser.type(row + "giverName", GIFTS[i][0]);
            }
            if (!GIFTS[i][1].equals("Person")) {
                browser.choose(row + "giverKind", GIFTS[i][1]);
            }
            if (GIFTS[i][2].equals("anonymous")) {
                browser.waitVisible(By.id(row + "anonymous")).findElement(By.cssSelector(".ui-chkbox-box")).click();
            }
            if (!GIFTS[i][2].equals("no")) {
                browser.waitVisible(By.id(row + "named")).findElement(By.cssSelector(".ui-chkbox-box")).click();
            }
            browser.typeAndLeave(row + "amount", GIFTS[i][3]);
        }
        browser.waitForText("Reconciles: both differences are 0.00.");
        assertEquals("USD 0.00", browser.text("transfer:feesDifference").trim());
        assertEquals("USD 10,000.00", browser.text("transfer:giftsTotal").trim());
        browser.screenshot("transfer-record");
        browser.click("transfer:save");
        long transfer = transferId(browser);
        browser.waitForText("Transfer " + transfer + " was recorded.");
        assertFalse(browser.isPresent("actions:certify"), "the recorder has no Certify button");
        Accounts.signOut(browser);

        Accounts.signIn(browser.open("/login.xhtml"), certifier.username(), certifier.password());
        browser.open("/finance/transfer.xhtml?id=" + transfer);
        browser.click("actions:certify");
        browser.click("actions:certifyYes");
        browser.waitForText("Transfer " + transfer + " is certified");
        assertEquals("USD 10,000.00", browser.text("gross").trim());
        assertEquals("USD 450.00", browser.text("fees").trim());
        assertEquals("USD 9,550.00", browser.text("net").trim());
        assertEquals(List.of("Ada Example", "Example Networks Inc.", "Anonymous", "Private Person", "Example Family Foundation"),
                browser.all(By.cssSelector("#gifts .tf-giver")).stream().map(e -> e.getText().trim()).toList(),
                "staff see who gave, the anonymous giver without a name");
        browser.screenshot("transfer-certified");

        // The fund's income is the net: the journal debits cash and credits contribution revenue by 9,550.00.
        String journal = browser.all(By.cssSelector(".tf-journal")).get(0).getText().trim();
        browser.open("/finance/journal.xhtml?id=" + journal);
        String lines = browser.pageText();
        assertTrue(lines.contains("9,550.00") && !lines.contains("10,000.00"), "posted at the net only: " + lines);

        // The givers' list of 2025: named givers credited with their gifts, the two others counted, never named.
        long fund = fundId(system);
        browser.open("/finance/givers.xhtml?fund=" + fund + "&year=2025");
        String givers = browser.pageText();
        assertTrue(givers.contains("Ada Example") && givers.contains("Example Networks Inc.")
                && givers.contains("Example Family Foundation"), givers);
        assertFalse(givers.contains("Private Person"), "a giver who did not agree is not named");
        List<String> channel = browser.all(By.xpath("//*[@id='channels']//tr[td[normalize-space(.)='" + foundation + "']]/td"))
                .stream().map(e -> e.getText().trim()).toList();
        assertEquals(List.of(foundation, "5", "2", "10,000.00", "450.00", "9,550.00"), channel,
                "the channel: five givers, two not named, gross, fees and the net the fund received");
        browser.screenshot("givers-list");
        browser.open("/finance/givers.xhtml?fund=" + fund + "&year=1990");
        browser.waitForText("The year 1990 is outside the fund's years");
        Accounts.signOut(browser);
    }

    @Test
    void feesAboveTheGrossAndGiftsThatDoNotAddUpAreRefusedWithTheDifference(RunningSystem system, Browser browser)
            throws SQLException {
        ReferenceFixture.ensure(system);
        Api.User officer = Api.readyUser(system, "fo", "Finance officer");
        Api.User certifier = Api.readyUser(system, "co", "Certifying officer");
        long intermediary = ReferenceFixture.intermediary(system, "Fictional Swiss Foundation " + Accounts.uniqueUsername("s"));
        long fund = fundId(system);

        Accounts.signIn(browser.open("/login.xhtml"), officer.username(), officer.password());
        browser.open("/finance/record-transfer.xhtml?intermediary=" + intermediary);
        browser.choose("transfer:fund", "IGF ");
        browser.choose("transfer:currency", "USD ");
        browser.typeAndLeave("transfer:gross", "100.00");
        browser.typeAndLeave("transfer:fees", "150.00");
        browser.click("transfer:save");
        browser.waitForText("The fees cannot be larger than the gross collected.");
        assertEquals("150.00", browser.waitVisible(By.id("transfer:fees")).getAttribute("value"), "what was typed stays");

        // A number typed into the address that names no transfer, or no number at all: said, never an error page.
        for (String id : List.of("987654321", "abc")) {
            browser.open("/finance/transfer.xhtml?id=" + id);
            browser.waitForText("There is no intermediary transfer");
            assertFalse(browser.pageText().contains("TF-"), "no error reference: " + browser.pageText());
            browser.open("/finance/import-gifts.xhtml?transfer=" + id);
            browser.waitForText("There is no intermediary transfer");
            assertFalse(browser.isPresent("import:upload"), "nothing to import into");
        }

        Reply recorded = officer.api(system).post("/api/transfers", Map.of("intermediaryId", intermediary, "fundId", fund,
                "currency", "USD", "gross", "10000.00", "fees", "450.00", "net", "9550.00", "receivedDate", "2025-07-16",
                "bankReference", "SWISS-1", "gifts", List.of(Map.of("giverName", "Ada Example", "giverKind", "PERSON",
                        "publiclyNamed", true, "amount", "9000.00"))));
        assertEquals(201, recorded.status(), recorded::toString);
        Map<String, Object> t = recorded.json();
        assertEquals(Boolean.FALSE, ((Map<?, ?>) t.get("reconciliation")).get("reconciles"));
        Reply refused = certifier.api(system).post("/api/transfers/" + t.get("id") + "/certification",
                Map.of("version", t.get("version")));
        assertEquals(400, refused.status(), refused::toString);
        assertTrue(refused.body().contains("-1000.00"), "the difference is said: " + refused.body());

        Reply negative = officer.api(system).post("/api/transfers", Map.of("intermediaryId", intermediary, "fundId", fund,
                "currency", "USD", "gross", "-5", "fees", "0"));
        assertEquals(400, negative.status(), negative::toString);
        assertTrue(negative.body().contains("gross"), negative.body());
        Accounts.signOut(browser);
    }

    private static long transferId(Browser browser) {
        browser.waitForPath("/finance/transfer.xhtml?id=");
        Matcher m = TRANSFER.matcher(browser.currentPath());
        assertTrue(m.find(), browser.currentPath());
        return Long.parseLong(m.group(1));
    }

    private static long intermediaryId(RunningSystem system, String name) throws SQLException {
        try (Connection c = Rows.connect(system.database());
                PreparedStatement ps = c.prepareStatement("SELECT i.id FROM intermediary i JOIN donor d ON d.id = i.donor_id"
                        + " WHERE d.name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "registered: " + name);
                return rs.getLong(1);
            }
        }
    }

    static long fundId(RunningSystem system) throws SQLException {
        try (Connection c = Rows.connect(system.database());
                ResultSet rs = c.createStatement().executeQuery("SELECT id FROM fund WHERE code = 'IGF'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
