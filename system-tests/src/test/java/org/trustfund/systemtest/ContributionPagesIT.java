package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.trustfund.server.DatabaseSettings;
import org.trustfund.systemtest.support.Accounts;
import org.trustfund.systemtest.support.Browser;
import org.trustfund.systemtest.support.ReferenceFixture;
import org.trustfund.systemtest.support.Rows;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/**
 * The contribution pages on the real system: record a euro contribution with the suggested application
 * and the US dollar preview, certify it as another person, reverse it and record the correct one; and the
 * refusals (certifying one's own entry, an amount that is not a number, a received date without a rate).
 *
 * <p>The donor and pledge pages are not part of this test, so each test puts its own donor, fund and
 * agreement-free euro pledge straight into the database; the shared reference rows (currencies, a country,
 * euro rates) are added only if absent.
 */
@ExtendWith(SystemExtension.class)
class ContributionPagesIT {

    private static final LocalDate RECEIVED = LocalDate.of(2025, 6, 20);
    /** Long before any euro rate anyone would enter. */
    private static final LocalDate NO_RATE_DATE = LocalDate.of(1990, 2, 15);
    private static final Pattern DETAIL = Pattern.compile("/finance/contribution\\.xhtml\\?id=(\\d+)");

    @Test
    void aEuroContributionIsAppliedOldestFirstCertifiedByAnotherPersonThenReversedAndRecordedAgain(RunningSystem system,
            Browser browser) throws SQLException {
        Fixture fx = Fixture.create(system.database(), true);
        String officer = Accounts.uniqueUsername("fo");
        String certifier = Accounts.uniqueUsername("co");
        Accounts.createUser(browser, system, officer, "finance officer first password", "Finance officer");
        Accounts.createUser(browser, system, certifier, "certifier first password", "Certifying officer");

        firstSignIn(browser, officer, "finance officer first password");
        assertTrue(browser.isPresent("navRecordContribution"), "a finance officer may record");
        assertFalse(browser.isPresent("navToCertify"), "but has no certification queue");
        browser.open("/finance/record-contribution.xhtml?donor=" + fx.donorId);
        assertEquals(fx.donorName, browser.waitVisible(By.id("contribution:donor_input")).getAttribute("value"),
                "the donor of ?donor= is preselected");
        browser.choose("contribution:fund", fx.fundCode + " ");
        browser.typeAndLeave("contribution:receivedDate_input", RECEIVED.toString());
        browser.choose("contribution:currency", "EUR ");
        browser.typeAndLeave("contribution:amount", "1500.00");
        browser.waitForText("rate effective");

        assertEquals(List.of("2025-03-31", "2025-06-30", "2025-09-30"), texts(browser, "#contribution\\:applications .tf-due"),
                "the open instalments, oldest due first");
        assertEquals(List.of("1000.00", "500.00", "0.00"), values(browser, "#contribution\\:applications input.tf-apply"),
                "the suggestion pays the oldest first, up to what is open on each");
        assertEquals("EUR 0.00", browser.text("contribution:remainder").trim());
        Rate rate = fx.euroRateOn(RECEIVED);
        String usd = usd(new BigDecimal("1500.00").divide(rate.unitsPerUsd, 2, RoundingMode.HALF_UP));
        String preview = browser.text("contribution:preview");
        assertTrue(preview.contains("EUR 1,500.00 at " + rate.shown() + " EUR per USD (rate effective " + rate.effective + ") = " + usd),
                preview);

        // The remainder follows what the officer types, then the suggestion is kept.
        WebElement second = applyInputs(browser).get(1);
        second.clear();
        second.sendKeys("400.00");
        browser.settle();
        browser.waitForText("EUR 100.00");
        second = applyInputs(browser).get(1);
        second.clear();
        second.sendKeys("500.00");
        browser.settle();
        browser.waitForText("EUR 0.00");
        browser.type("contribution:bankReference", "BNK-" + fx.fundCode);
        browser.screenshot("contribution-record");

        browser.click("contribution:save");
        long first = detailId(browser);
        browser.waitForText("Contribution " + first + " recorded.");
        assertEquals("Recorded", browser.text("status"));
        assertFalse(browser.isPresent("actions:certify"), "a finance officer who is not a certifier has no Certify button");
        assertTrue(browser.isPresent("actions:correct"), "the officer may still correct it");
        assertEquals(List.of("1,000.00", "500.00"), texts(browser, "#applications .tf-applied").stream()
                .map(t -> t.replace("EUR ", "")).toList());
        Accounts.signOut(browser);

        firstSignIn(browser, certifier, "certifier first password");
        browser.click("navToCertify");
        browser.waitForPath("/finance/contributions.xhtml?status=RECORDED");
        browser.type("contributions:donorName", fx.donorName).click("contributions:apply");
        browser.waitForText("BNK-" + fx.fundCode);
        assertEquals(List.of("Recorded"), texts(browser, "#contributions\\:rows .tf-status"));
        assertEquals(List.of("EUR 1,500.00"), texts(browser, "#contributions\\:rows .tf-amount"), "the currency code, never a $");
        browser.screenshot("contribution-list-to-certify");
        browser.waitClickable(By.linkText(String.valueOf(first))).click();
        browser.waitForPath("/finance/contribution.xhtml?id=" + first);
        browser.click("actions:certify");
        browser.click("actions:certifyYes");
        browser.waitForText("Contribution " + first + " certified and posted to the ledger.");
        assertEquals("Certified", browser.text("status"));
        assertEquals(certifier, browser.text("certifiedBy"));
        assertEquals(rate.shown() + " EUR per USD, effective " + rate.effective, browser.text("rate"));
        assertEquals(usd, browser.text("usd"));
        assertEquals("EUR 1,500.00", browser.text("amount"));
        browser.screenshot("contribution-certified");

        Accounts.signOut(browser);

        // One person asks for the reversal, another approves it: until then nothing moves.
        Accounts.signIn(browser.open("/login.xhtml"), officer, NEW_PASSWORD);
        browser.open("/finance/contribution.xhtml?id=" + first);
        browser.click("actions:reverseButton");
        browser.type("reverse:reason", "Bank statement shows EUR 1,200.00");
        browser.click("reverse:confirm");
        browser.waitForText("It takes effect when another certifying officer approves it.");
        assertEquals("Certified", browser.text("status"), "a request alone changes nothing");
        assertEquals(List.of("Waiting for approval"), texts(browser, "#requests .tf-request-status"));
        assertFalse(browser.isPresent("actions:reverseButton"), "one request at a time");
        Accounts.signOut(browser);

        Accounts.signIn(browser.open("/login.xhtml"), certifier, NEW_PASSWORD);
        browser.click("navApprovals");
        browser.waitForPath("/finance/approvals.xhtml");
        browser.waitClickable(By.linkText("Contribution " + first));
        browser.screenshot("approvals-waiting");
        browser.open("/finance/contribution.xhtml?id=" + first);
        browser.waitClickable(By.cssSelector("#requests button[id$=':approve']")).click();
        browser.waitClickable(By.cssSelector("#requests button[id$=':approveYes']")).click();
        browser.waitForText("approved.");
        assertEquals("Reversed", browser.text("status"));
        assertEquals("Bank statement shows EUR 1,200.00", browser.text("reversalReason"));
        assertFalse(browser.isPresent("actions:recordCorrect"), "recording is for finance officers");
        Accounts.signOut(browser);

        Accounts.signIn(browser.open("/login.xhtml"), officer, NEW_PASSWORD);
        browser.open("/finance/contribution.xhtml?id=" + first);
        browser.click("actions:recordCorrect");
        browser.waitForPath("/finance/record-contribution.xhtml?replaces=" + first);
        assertEquals(fx.donorName, browser.waitVisible(By.id("contribution:donor_input")).getAttribute("value"));
        assertEquals("1500.00", browser.waitVisible(By.id("contribution:amount")).getAttribute("value"), "prefilled");
        browser.typeAndLeave("contribution:amount", "1200.00");
        browser.waitForText("EUR 1,200.00 at");
        assertEquals(List.of("1000.00", "200.00", "0.00"), values(browser, "#contribution\\:applications input.tf-apply"),
                "the reversal reopened the instalments");
        browser.screenshot("contribution-record-replacement");
        browser.click("contribution:save");
        long replacement = detailId(browser);
        browser.waitForText("Contribution " + replacement + " recorded.");

        browser.open("/finance/contributions.xhtml?donor=" + fx.donorId);
        browser.waitForText("Only the contributions of " + fx.donorName);
        assertEquals(List.of(String.valueOf(replacement), String.valueOf(first)), texts(browser, "#contributions\\:rows .tf-contribution-id"),
                "both stay visible, the newest first");
        assertEquals(List.of("Recorded", "Reversed"), texts(browser, "#contributions\\:rows .tf-status"));
        browser.screenshot("contribution-list-donor");
        By statusHeader = By.xpath("//th[contains(@class, 'ui-sortable-column')][.//*[normalize-space(text())='Status']]");
        browser.waitClickable(statusHeader).click();
        browser.settle();
        browser.waitClickable(statusHeader).click();
        browser.settle();
        assertEquals(List.of("Reversed", "Recorded"), texts(browser, "#contributions\\:rows .tf-status"),
                "sorted by status in the database, descending on the second click");
    }

    @Test
    void someoneWithBothRolesCannotCertifyTheirOwnEntryAndAnAuditorOnlyReads(RunningSystem system, Browser browser)
            throws SQLException {
        Fixture fx = Fixture.create(system.database(), false);
        String both = Accounts.uniqueUsername("both");
        String auditor = Accounts.uniqueUsername("aud");
        Accounts.createUser(browser, system, both, "both roles first password", "Finance officer", "Certifying officer");
        Accounts.createUser(browser, system, auditor, "auditor first password", "Auditor");

        firstSignIn(browser, both, "both roles first password");
        browser.click("navRecordContribution");
        chooseDonor(browser, fx.donorName);
        browser.choose("contribution:fund", fx.fundCode + " ");
        browser.typeAndLeave("contribution:receivedDate_input", "2025-03-01");
        browser.choose("contribution:currency", "USD ");
        browser.typeAndLeave("contribution:amount", "250");
        browser.waitForText("In US dollars: no conversion.");
        assertTrue(browser.pageText().contains("no open instalments"), "a contribution without a pledge is allowed");
        browser.type("contribution:bankReference", "OWN-" + fx.fundCode);
        browser.click("contribution:save");
        long id = detailId(browser);
        browser.waitForText("Contribution " + id + " recorded.");

        browser.click("actions:certify");
        browser.click("actions:certifyYes");
        browser.waitForText("You recorded this contribution, so another person must certify it.");
        browser.screenshot("contribution-own-entry-refused");
        assertEquals("Recorded", browser.text("status"));
        assertEquals("RECORDED", fx.statusOf(id));
        Accounts.signOut(browser);

        firstSignIn(browser, auditor, "auditor first password");
        browser.click("navContributions");
        browser.open("/finance/contribution.xhtml?id=" + id);
        assertEquals("USD 250.00", browser.text("usd"));
        assertEquals("None: the amount is in US dollars", browser.text("rateUsd"));
        for (String action : List.of("actions:certify", "actions:sendBackButton", "actions:correct", "actions:reverseButton")) {
            assertFalse(browser.isPresent(action), action + " is not for an auditor");
        }
        assertFalse(browser.isPresent("navRecordContribution"));
        browser.open("/finance/record-contribution.xhtml");
        assertTrue(browser.pageText().contains("Not allowed"), browser.pageText());
    }

    @Test
    void anAmountThatIsNotANumberOrADateWithoutARateIsRefusedAtTheFieldAndNothingIsSaved(RunningSystem system, Browser browser)
            throws SQLException {
        Fixture fx = Fixture.create(system.database(), true);
        assertTrue(fx.noEuroRateOnOrBefore(NO_RATE_DATE), "precondition: no euro rate in force on " + NO_RATE_DATE);
        String officer = Accounts.uniqueUsername("fo");
        Accounts.createUser(browser, system, officer, "finance officer first password", "Finance officer");
        firstSignIn(browser, officer, "finance officer first password");

        browser.open("/finance/record-contribution.xhtml?donor=" + fx.donorId);
        browser.choose("contribution:fund", fx.fundCode + " ");
        browser.typeAndLeave("contribution:receivedDate_input", RECEIVED.toString());
        browser.choose("contribution:currency", "EUR ");
        browser.typeAndLeave("contribution:amount", "12,50abc");
        browser.type("contribution:bankReference", "NAN-" + fx.fundCode);
        browser.click("contribution:save");
        browser.waitForText("Not a number: type digits, with “.” for decimals, e.g. 30,000.50.");
        assertTrue(browser.text("contribution:amountMessage").contains("Not a number: type digits, with “.” for decimals"),
                "the message is at the amount field");
        assertEquals("12,50abc", browser.waitVisible(By.id("contribution:amount")).getAttribute("value"), "what was typed stays");
        browser.screenshot("contribution-amount-not-a-number");
        assertEquals(0, fx.contributionCount());

        browser.typeAndLeave("contribution:amount", "100.00");
        browser.typeAndLeave("contribution:receivedDate_input", NO_RATE_DATE.toString());
        browser.waitForText("There is no UN operational rate for EUR in force on " + NO_RATE_DATE + ".");
        browser.click("contribution:save");
        browser.waitForText("There is no UN operational rate for EUR in force on " + NO_RATE_DATE + ". Nothing was saved");
        assertEquals(NO_RATE_DATE.toString(),
                browser.waitVisible(By.id("contribution:receivedDate_input")).getAttribute("value"), "the date typed stays");
        assertEquals("100.00", browser.waitVisible(By.id("contribution:amount")).getAttribute("value"));
        browser.screenshot("contribution-rate-missing");
        assertEquals(0, fx.contributionCount(), "nothing saved");
    }

    // ---------------------------------------------------------------------------------------------------

    private static final String NEW_PASSWORD = "contribution pages pass phrase";

    private static void firstSignIn(Browser browser, String username, String initialPassword) {
        Accounts.signIn(browser.open("/login.xhtml"), username, initialPassword);
        browser.waitForPath("/app/account/change-password.xhtml");
        browser.type("password:currentPassword", initialPassword)
                .type("password:newPassword", NEW_PASSWORD)
                .type("password:confirmation", NEW_PASSWORD)
                .click("password:submit");
        browser.waitForPath("/app/dashboard.xhtml");
    }

    /**
     * Replaces a field's text and leaves it, so its change event (and the page's AJAX update) runs. The
     * text is selected and deleted rather than cleared (a date picker puts a cleared value back), and the
     * field is left by clicking the page title, which also closes a date picker's calendar. The value is
     * checked and typed again if a keystroke was lost while the page was busy.
     */

    /**
     * Opens a PrimeFaces select and picks the option whose label starts with {@code labelStart}. A click
     * that lands while the panel is still opening can be lost, so the choice is checked on the select's
     * label and tried again.
     */

    private static void chooseDonor(Browser browser, String name) {
        browser.type("contribution:donor_input", name.substring(0, name.length() - 2));
        browser.waitClickable(By.xpath("//*[@id='contribution:donor_panel']//li[@data-item-label='" + name + "']")).click();
        browser.settle();
    }

    private static long detailId(Browser browser) {
        browser.waitForPath("/finance/contribution.xhtml?id=");
        Matcher m = DETAIL.matcher(browser.currentPath());
        assertTrue(m.find(), browser.currentPath());
        return Long.parseLong(m.group(1));
    }

    private static List<WebElement> applyInputs(Browser browser) {
        return browser.all(By.cssSelector("#contribution\\:applications input.tf-apply"));
    }

    private static List<String> texts(Browser browser, String css) {
        return browser.all(By.cssSelector(css)).stream().map(e -> e.getText().trim()).toList();
    }

    private static List<String> values(Browser browser, String css) {
        return browser.all(By.cssSelector(css)).stream().map(e -> e.getAttribute("value")).toList();
    }

    private static String usd(BigDecimal amount) {
        return "USD " + new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(amount);
    }

    /** An operational rate as stored. */
    private record Rate(BigDecimal unitsPerUsd, LocalDate effective) {
        /** As every page writes a rate: at least three decimals, no trailing zeros beyond (0.920, 0.9154). */
        String shown() {
            BigDecimal r = unitsPerUsd.stripTrailingZeros();
            return r.setScale(Math.max(r.scale(), 3)).toPlainString();
        }
    }

    /** A donor, a fund and (optionally) an agreement-free pledge of EUR 3,000 in three instalments, in the database. */
    private record Fixture(DatabaseSettings db, long donorId, String donorName, long fundId, String fundCode) {

        static Fixture create(DatabaseSettings db, boolean withPledge) throws SQLException {
            String unique = Long.toString(System.nanoTime() % 1_000_000_000_000L, 36).toUpperCase(Locale.ROOT);
            String fundCode = "CT-" + unique;
            String donorName = "Contribution test donor " + unique;
            try (Connection c = Rows.connect(db); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT IGNORE INTO currency (code, name, minor_units) VALUES ('USD', 'US dollar', 2), ('EUR', 'Euro', 2)");
                s.executeUpdate("INSERT IGNORE INTO exchange_rate (currency, effective_date, units_per_usd, created_at, created_by)"
                        + " VALUES ('EUR', '2025-01-01', 0.920000, NOW(6), 'system-test'),"
                        + " ('EUR', '2025-06-01', 0.880000, NOW(6), 'system-test')");
                ReferenceFixture.monthlyRates(s);
                long fundId = Rows.insert(c, "INSERT INTO fund (code, name, base_currency, start_date, psc_rate, created_at, created_by)"
                        + " VALUES (?, ?, 'USD', '2020-01-01', 0.1300, NOW(6), 'system-test')", fundCode, "Contribution test fund " + unique);
                long donorId = Rows.insert(c, "INSERT INTO donor (name, stakeholder_group, country_code, publicly_named, created_at, created_by)"
                        + " VALUES (?, 'GOVERNMENT', 'NO', TRUE, NOW(6), 'system-test')", donorName);
                if (withPledge) {
                    long pledgeId = Rows.insert(c, "INSERT INTO pledge (donor_id, fund_id, amount, currency, purpose, first_year, last_year,"
                            + " pledged_on, status, created_at, created_by) VALUES (?, ?, 3000.00, 'EUR', 'Fellowships', 2025, 2025,"
                            + " '2025-01-10', 'PLEDGED', NOW(6), 'system-test')", donorId, fundId);
                    String[] due = {"2025-03-31", "2025-06-30", "2025-09-30"};
                    for (int i = 0; i < due.length; i++) {
                        Rows.insert(c, "INSERT INTO instalment (pledge_id, seq, due_date, amount, currency) VALUES (?, ?, ?, 1000.00, 'EUR')",
                                pledgeId, i + 1, due[i]);
                    }
                }
                return new Fixture(db, donorId, donorName, fundId, fundCode);
            }
        }

        Rate euroRateOn(LocalDate date) throws SQLException {
            try (Connection c = Rows.connect(db); PreparedStatement ps = c.prepareStatement("SELECT units_per_usd, effective_date"
                    + " FROM exchange_rate WHERE currency = 'EUR' AND effective_date <= ? ORDER BY effective_date DESC LIMIT 1")) {
                ps.setObject(1, date);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next(), "a euro rate in force on " + date);
                    return new Rate(rs.getBigDecimal(1), rs.getObject(2, LocalDate.class));
                }
            }
        }

        boolean noEuroRateOnOrBefore(LocalDate date) throws SQLException {
            try (Connection c = Rows.connect(db); PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM exchange_rate WHERE currency = 'EUR' AND effective_date <= ?")) {
                ps.setObject(1, date);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) == 0;
                }
            }
        }

        long contributionCount() throws SQLException {
            try (Connection c = Rows.connect(db); PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM contribution WHERE donor_id = ?")) {
                ps.setLong(1, donorId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        String statusOf(long contributionId) throws SQLException {
            try (Connection c = Rows.connect(db); PreparedStatement ps = c.prepareStatement("SELECT status FROM contribution WHERE id = ?")) {
                ps.setLong(1, contributionId);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    return rs.getString(1);
                }
            }
        }
    }
}
