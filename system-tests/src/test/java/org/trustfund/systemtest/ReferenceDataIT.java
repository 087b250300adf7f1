package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.trustfund.server.DatabaseSettings;
import org.trustfund.systemtest.support.Accounts;
import org.trustfund.systemtest.support.Browser;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/**
 * The administrator's reference data pages, in the browser. Currency codes are global, so each test uses a
 * currency no other test in the run adds.
 */
@ExtendWith(SystemExtension.class)
class ReferenceDataIT {

    @Test
    void anAdministratorAddsACurrencyAndARateAndSeesItListed(RunningSystem system, Browser browser) {
        Accounts.signIn(openSignIn(browser), "admin", system.adminPassword());
        browser.click("navReference");
        browser.waitForPath("/admin/reference/index.xhtml");
        browser.screenshot("reference-index");

        browser.click("openCurrencies");
        browser.type("newCurrency:code", "XYZ").click("newCurrency:add");
        browser.waitForText("XYZ is not an ISO 4217 currency code.");
        assertEquals("XYZ is not an ISO 4217 currency code.", browser.text("newCurrency:codeMessage"),
                "the message is at the code field");
        browser.type("newCurrency:code", "mnt").click("newCurrency:add");
        browser.waitForText("Currency MNT (");
        assertTrue(cells(browser, "#currencies\\:currencyTable td").contains("MNT"), browser.pageText());
        browser.screenshot("reference-currencies");

        browser.open("/admin/reference/rates.xhtml");
        browser.click("rates:addRateButton");
        browser.choose("newRate:currency", "MNT");
        browser.type("newRate:effectiveDate_input", "2026-03-01");
        browser.waitVisible(By.id("newRate:effectiveDate_input")).sendKeys(Keys.ESCAPE);
        browser.type("newRate:unitsPerUsd", "3450.5");
        browser.screenshot("reference-rates-add");
        browser.click("newRate:add");
        browser.waitForText("Rate for MNT effective 2026-03-01 added.");

        browser.choose("rates:filterCurrency", "MNT");
        browser.waitForText("3,450.500");
        assertEquals(List.of("MNT"), cells(browser, "#rates\\:rateTable .tf-rate-currency"), "only MNT is shown");
        assertEquals(List.of("2026-03-01"), cells(browser, "#rates\\:rateTable .tf-rate-date"));
        assertEquals(List.of("3,450.500"), cells(browser, "#rates\\:rateTable .tf-rate-units"));
        browser.screenshot("reference-rates");

        // Unused, so it can still be corrected.
        browser.click("rates:rateTable:0:correct");
        browser.type("correctRate:unitsPerUsd", "3451.25").click("correctRate:save");
        browser.waitForText("Rate for MNT effective 2026-03-01 corrected.");
        assertEquals(List.of("3,451.250"), cells(browser, "#rates\\:rateTable .tf-rate-units"));

        // Once a pledge refers to it, it is locked: no correction, only a later rate.
        referToRate(system, "MNT", "2026-03-01");
        browser.open("/admin/reference/rates.xhtml?currency=MNT");
        assertEquals(List.of("Used: supersede with a later rate"), cells(browser, "#rates\\:rateTable .tf-rate-used"));
        assertFalse(browser.isPresent("rates:rateTable:0:correct"), "no correction offered for a used rate");
        browser.click("rates:addRateButton");
        browser.type("newRate:effectiveDate_input", "2026-03-15");
        browser.waitVisible(By.id("newRate:effectiveDate_input")).sendKeys(Keys.ESCAPE);
        browser.type("newRate:unitsPerUsd", "3400").click("newRate:add");
        browser.waitForText("Rate for MNT effective 2026-03-15 added.");
        assertEquals(List.of("2026-03-15", "2026-03-01"), cells(browser, "#rates\\:rateTable .tf-rate-date"));
        assertTrue(browser.isPresent("rates:rateTable:0:correct"), "the new rate is not used yet");
        assertEquals(1, cells(browser, "#rates\\:rateTable .tf-rate-used").size());
        browser.screenshot("reference-rates-used");
    }

    /**
     * Stands in for a finance officer's pledge at this rate (pledges are recorded on other pages): a fictional
     * donor and fund, and an unsigned pledge, which books nothing in the ledger, referring to the rate.
     */
    private static void referToRate(RunningSystem system, String currency, String date) {
        DatabaseSettings db = system.database();
        String tag = Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO fund (code, name, start_date, created_at, created_by) VALUES ('U" + tag
                        + "', 'Fictional fund " + tag + "', '2026-01-01', NOW(6), 'system-test')",
                        Statement.RETURN_GENERATED_KEYS);
                long fund = generatedKey(s);
                s.executeUpdate("INSERT INTO donor (name, stakeholder_group, country_code, created_at, created_by)"
                        + " VALUES ('Fictional donor " + tag + "', 'GOVERNMENT', 'NR', NOW(6), 'system-test')",
                        Statement.RETURN_GENERATED_KEYS);
                long donor = generatedKey(s);
                s.executeUpdate("INSERT INTO pledge (donor_id, fund_id, amount, currency, first_year, last_year, pledged_on,"
                        + " status, agreement_rate_id, created_at, created_by) SELECT " + donor + ", " + fund + ", 1000, '"
                        + currency + "', 2026, 2026, '" + date + "', 'PLEDGED', id, NOW(6), 'system-test'"
                        + " FROM exchange_rate WHERE currency = '" + currency + "' AND effective_date = '" + date + "'");
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record a pledge at the " + currency + " rate of " + date, e);
        }
    }

    private static long generatedKey(Statement s) throws SQLException {
        try (ResultSet keys = s.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    @Test
    void aRateFileWithOneBadRowIsRejectedWholeAndAGoodOneImportsOnce(RunningSystem system, Browser browser,
            @TempDir Path folder) throws IOException {
        Accounts.signIn(openSignIn(browser), "admin", system.adminPassword());
        browser.open("/admin/reference/currencies.xhtml");
        browser.type("newCurrency:code", "TOP").click("newCurrency:add");
        browser.waitForText("Currency TOP (");

        Path bad = Files.writeString(folder.resolve("top-rates.csv"), """
                currency,effective_date,units_per_usd
                TOP,2026-03-01,2.35
                TOP,2026-04-01,abc
                """, StandardCharsets.UTF_8);
        browser.open("/admin/reference/rates.xhtml?currency=TOP");
        browser.click("rates:importRatesButton");
        upload(browser, bad);
        browser.waitForText("was not imported");
        assertEquals(List.of("3"), cells(browser, "#import\\:problems .tf-problem-row"));
        assertEquals(List.of("units_per_usd"), cells(browser, "#import\\:problems .tf-problem-column"));
        assertEquals(List.of("“abc” is not a number (write it with a point for decimals and no thousands separator)."),
                cells(browser, "#import\\:problems .tf-problem-text"));
        assertTrue(browser.pageText().contains("Nothing was saved"), browser.pageText());
        assertEquals(List.of(), cells(browser, "#rates\\:rateTable .tf-rate-date"), "not even the good row was added");
        browser.screenshot("reference-rates-import-rejected");

        Path good = Files.writeString(folder.resolve("top-rates-fixed.csv"), """
                currency,effective_date,units_per_usd
                TOP,2026-03-01,2.35
                TOP,2026-04-01,2.4
                """, StandardCharsets.UTF_8);
        upload(browser, good);
        browser.waitForText("2 added, 0 already there.");
        assertFalse(browser.isPresent("import:problems"), "the earlier problems are gone");
        assertEquals(List.of("2026-04-01", "2026-03-01"), cells(browser, "#rates\\:rateTable .tf-rate-date"),
                "newest first");
        browser.screenshot("reference-rates-imported");

        browser.click("rates:importRatesButton");
        upload(browser, good);
        browser.waitForText("0 added, 2 already there.");
        assertEquals(2, cells(browser, "#rates\\:rateTable .tf-rate-date").size());
    }

    @Test
    void anAdministratorCreatesAndEditsAFund(RunningSystem system, Browser browser) {
        String code = "T" + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
        Accounts.signIn(openSignIn(browser), "admin", system.adminPassword());
        browser.open("/admin/reference/funds.xhtml");
        browser.click("funds:newFundButton");
        browser.type("newFund:code", code).type("newFund:name", "Test fund " + code);
        browser.type("newFund:startDate_input", "2026-01-01");
        browser.waitVisible(By.id("newFund:startDate_input")).sendKeys(Keys.ESCAPE);
        browser.screenshot("reference-funds-new");
        browser.click("newFund:create");
        browser.waitForText("Fund " + code + " created.");
        assertEquals("13%", fundCell(browser, code, "psc"), "the default support cost rate");

        browser.click(fundCellId(browser, code, "edit"));
        WebElement psc = browser.waitVisible(By.id("editFund:pscRate"));
        psc.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        psc.sendKeys("12.5");
        browser.click("editFund:save");
        browser.waitForText("Fund " + code + " updated.");
        assertEquals("12.5%", fundCell(browser, code, "psc"));
        browser.screenshot("reference-funds");

    }

    @Test
    void aFinanceOfficerCannotOpenTheRatesPage(RunningSystem system, Browser browser) {
        String officer = Accounts.uniqueUsername("ratesnosy");
        Accounts.createUser(browser, system, officer, "nosy officer password", "Finance officer");
        Accounts.signIn(browser, officer, "nosy officer password");
        browser.waitForPath("/app/account/change-password.xhtml");
        browser.open("/admin/reference/rates.xhtml");
        assertTrue(browser.pageText().contains("Not allowed"), browser.pageText());
        assertFalse(browser.isPresent("newRate:add"));
    }

    private static Browser openSignIn(Browser browser) {
        return browser.open("/login.xhtml");
    }

    /** The id of an element in the fund table's row for {@code code}, e.g. its edit button. */
    private static String fundCellId(Browser browser, String code, String idSuffix) {
        return browser.waitVisible(By.xpath("//tbody[@id='funds:fundTable_data']/tr[.//span[normalize-space(text())='"
                + code + "']]//*[substring(@id, string-length(@id) - " + idSuffix.length() + ") = ':" + idSuffix + "']"))
                .getAttribute("id");
    }

    private static String fundCell(Browser browser, String code, String idSuffix) {
        return browser.text(fundCellId(browser, code, idSuffix));
    }

    private static void upload(Browser browser, Path file) {
        browser.waitVisible(By.cssSelector("#import input[type='file']")).sendKeys(file.toAbsolutePath().toString());
        browser.click("import:importButton");
    }

    private static List<String> cells(Browser browser, String css) {
        return browser.all(By.cssSelector(css)).stream().map(WebElement::getText).map(String::trim)
                .filter(t -> !t.isEmpty()).toList();
    }
}
