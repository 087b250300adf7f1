package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.trustfund.systemtest.support.Accounts;
import org.trustfund.systemtest.support.Api;
import org.trustfund.systemtest.support.Api.Reply;
import org.trustfund.systemtest.support.Browser;
import org.trustfund.systemtest.support.ReferenceFixture;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/**
 * A host country's venue, as finance staff record it: the form says the rule (goods recognized) before saving and
 * keeps what was typed when the valuation basis is missing; another person certifies it; the donor's page shows it
 * as in-kind support and the year's workbook lists it on its In-kind sheet at its US dollar value. Then what the API
 * refuses: services marked as recognized, no valuation basis, a negative value.
 */
@ExtendWith(SystemExtension.class)
class InKindPagesIT {

    private static final Pattern ITEM = Pattern.compile("/finance/in-kind-item\\.xhtml\\?id=(\\d+)");

    @Test
    void aVenueFromTheHostCountryIsRecognizedShownOnTheDonorsPageAndInTheWorkbook(RunningSystem system, Browser browser)
            throws SQLException, IOException {
        ReferenceFixture.ensure(system);
        Api.User officer = Api.readyUser(system, "fo", "Finance officer");
        Api.User certifier = Api.readyUser(system, "co", "Certifying officer");
        String host = "Government of Fictionia, host country " + Accounts.uniqueUsername("h");
        long donor = ReferenceFixture.donor(system, host);
        long fund = TransfersIT.fundId(system);
        String venue = "Conference centre for IGF 2026 " + Accounts.uniqueUsername("v");

        Accounts.signIn(browser.open("/login.xhtml"), officer.username(), officer.password());
        browser.open("/finance/record-in-kind.xhtml?donor=" + donor);
        assertEquals(host, browser.waitVisible(By.id("inKind:donor_input")).getAttribute("value"), "?donor= preselects");
        browser.choose("inKind:fund", "IGF ");
        browser.typeAndLeave("inKind:startDate_input", "2026-09-10");
        browser.typeAndLeave("inKind:endDate_input", "2026-09-13");
        browser.type("inKind:eventName", "IGF 2026");
        browser.type("inKind:description", venue);
        browser.choose("inKind:category", "Venue and premises");
        browser.checkLabelled("inKind:nature", "Goods or premises");
        browser.waitForText("Recognized: at certification its fair value in US dollars is posted as in-kind revenue");
        browser.typeAndLeave("inKind:fairValue", "150,000.00");
        browser.choose("inKind:currency", "EUR ");
        browser.waitForText("rate effective");
        browser.type("inKind:supportingReference", "Host country agreement, annex B");
        browser.click("inKind:save");
        browser.waitForText("Choose how the fair value was found");
        assertEquals(venue, browser.waitVisible(By.id("inKind:description")).getAttribute("value"), "what was typed stays");
        browser.choose("inKind:valuationBasis", "Invoice");
        browser.screenshot("in-kind-record");
        browser.click("inKind:save");
        long id = itemId(browser);
        browser.waitForText("In-kind contribution " + id + " was recorded.");
        assertFalse(browser.isPresent("actions:certify"), "the recorder has no Certify button");
        Accounts.signOut(browser);

        Accounts.signIn(browser.open("/login.xhtml"), certifier.username(), certifier.password());
        browser.open("/finance/in-kind-item.xhtml?id=" + id);
        browser.click("actions:certify");
        browser.click("actions:certifyYes");
        browser.waitForText("In-kind contribution " + id + " is certified.");
        String usd = browser.text("usd").replace("=", "").trim();
        assertTrue(usd.startsWith("USD "), usd);
        browser.screenshot("in-kind-certified");
        String journal = browser.all(By.cssSelector(".tf-journal")).get(0).getText().trim();
        browser.open("/finance/journal.xhtml?id=" + journal);
        String lines = browser.pageText();
        assertTrue(lines.contains("In-kind revenue") && lines.contains("In-kind goods and premises used"), lines);

        browser.open("/finance/donor.xhtml?id=" + donor);
        String support = browser.text("inKind");
        assertTrue(support.contains(venue) && support.contains(usd.replace("USD ", "")) && support.contains("Certified"),
                "the donor's page shows their in-kind support: " + support);
        browser.screenshot("donor-in-kind");
        for (String unknown : List.of("987654321", "abc")) {
            browser.open("/finance/in-kind-item.xhtml?id=" + unknown);
            browser.waitForText("There is no in-kind contribution");
            assertFalse(browser.pageText().contains("TF-"), "no error reference: " + browser.pageText());
        }

        Api.Download workbook = certifier.api(system).download("/api/funds/" + fund + "/annual-report?year=2026");
        assertEquals(200, workbook.status());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook.bytes()))) {
            Sheet sheet = wb.getSheet("In-kind");
            Row row = rowWith(sheet, venue);
            assertEquals((double) id, row.getCell(1).getNumericCellValue(), "the entry's number");
            assertEquals(host, row.getCell(2).getStringCellValue());
            assertEquals("Invoice", row.getCell(6).getStringCellValue(), "its valuation basis");
            assertEquals(150000.0, row.getCell(8).getNumericCellValue(), 0.001, "the fair value in euros");
            assertEquals(Double.parseDouble(usd.replace("USD ", "").replace(",", "")), row.getCell(11).getNumericCellValue(),
                    0.001, "the US dollar value the page showed");
        }
        Accounts.signOut(browser);
    }

    @Test
    void theApiRefusesServicesMarkedRecognizedAMissingValuationBasisAndANegativeValue(RunningSystem system)
            throws SQLException {
        ReferenceFixture.ensure(system);
        Api finance = Api.readyUser(system, "fo", "Finance officer").api(system);
        long donor = ReferenceFixture.donor(system, "Fictional Interpretation Donor " + Accounts.uniqueUsername("i"));
        long fund = TransfersIT.fundId(system);
        Map<String, Object> services = new java.util.HashMap<>(Map.of("donorId", donor, "fundId", fund,
                "startDate", "2026-03-02", "description", "Interpretation", "category", "INTERPRETATION_AND_TRANSLATION",
                "nature", "SERVICES", "recognized", true, "fairValue", Map.of("amount", "4000.00", "currency", "USD"),
                "valuationBasis", "QUOTE"));
        Reply recognized = finance.post("/api/in-kind", services);
        assertEquals(400, recognized.status(), recognized::toString);
        assertTrue(recognized.body().contains("\"recognized\""), "at the field recognized: " + recognized.body());

        services.remove("recognized");
        services.remove("valuationBasis");
        Reply noBasis = finance.post("/api/in-kind", services);
        assertEquals(400, noBasis.status(), noBasis::toString);
        assertTrue(noBasis.body().contains("\"valuationBasis\""), noBasis.body());

        services.put("valuationBasis", "QUOTE");
        services.put("fairValue", Map.of("amount", "-10.00", "currency", "USD"));
        Reply negative = finance.post("/api/in-kind", services);
        assertEquals(400, negative.status(), negative::toString);
        assertTrue(negative.body().contains("\"fairValue\""), negative.body());

        services.put("fairValue", Map.of("amount", "4000.00", "currency", "USD"));
        Reply disclosed = finance.post("/api/in-kind", services);
        assertEquals(201, disclosed.status(), disclosed::toString);
        assertEquals(Boolean.FALSE, disclosed.json().get("recognized"), "services are disclosed by the rule");
    }

    @Test
    void aSentBackEntryIsCorrectedAndACertifiedOneIsReversedWithASecondPersonsApprovalThenRecordedAgain(
            RunningSystem system, Browser browser) throws SQLException {
        ReferenceFixture.ensure(system);
        Api.User officer = Api.readyUser(system, "fo", "Finance officer");
        Api.User certifier = Api.readyUser(system, "co", "Certifying officer");
        Api.User approver = Api.readyUser(system, "ap", "Certifying officer");
        Api finance = officer.api(system);
        long donor = ReferenceFixture.donor(system, "Host country of IGF " + Accounts.uniqueUsername("r"));
        Map<String, Object> body = new java.util.HashMap<>(Map.of("donorId", donor, "fundId", TransfersIT.fundId(system),
                "startDate", "2026-04-14", "description", "Meeting rooms", "category", "VENUE_AND_PREMISES",
                "nature", "GOODS", "fairValue", Map.of("amount", "2000.00", "currency", "USD"), "valuationBasis", "INVOICE"));
        Reply recorded = finance.post("/api/in-kind", body);
        assertEquals(201, recorded.status(), recorded::toString);
        long item = ((Number) recorded.json().get("id")).longValue();

        // Sent back with a reason; the officer corrects what the reason says.
        Accounts.signIn(browser.open("/login.xhtml"), certifier.username(), certifier.password());
        browser.open("/finance/in-kind-item.xhtml?id=" + item);
        browser.click("actions:sendBackButton");
        browser.type("sendBack:reason", "The invoice says USD 2,400.00");
        browser.click("sendBack:confirm");
        browser.waitForText("In-kind contribution " + item + " was sent back");
        assertEquals("Sent back", browser.text("status"));
        Accounts.signOut(browser);

        Accounts.signIn(browser.open("/login.xhtml"), officer.username(), officer.password());
        browser.open("/finance/in-kind-item.xhtml?id=" + item);
        browser.click("actions:correct");
        browser.waitForPath("/finance/record-in-kind.xhtml?id=" + item);
        assertTrue(browser.text("returnedNotice").contains("The invoice says USD 2,400.00"), browser.text("returnedNotice"));
        assertEquals("2000.00", browser.waitVisible(By.id("inKind:fairValue")).getAttribute("value"), "prefilled");
        browser.typeAndLeave("inKind:fairValue", "2,400.00");
        browser.click("inKind:save");
        browser.waitForText("In-kind contribution " + item + " was corrected.");
        assertEquals("Awaiting certification", browser.text("status"));
        assertEquals("USD 2,400.00", browser.text("fairValue").trim());
        // The version read before the correction is refused: nobody overwrites a change unseen.
        Map<String, Object> stale = new java.util.HashMap<>(body);
        stale.put("version", ((Number) recorded.json().get("version")).longValue());
        assertEquals(409, finance.put("/api/in-kind/" + item, stale).status());
        Accounts.signOut(browser);

        // Certified, then reversed only when a second certifying officer approves the request.
        Map<String, Object> corrected = finance.get("/api/in-kind/" + item).json();
        Reply certified = certifier.api(system).post("/api/in-kind/" + item + "/certification",
                Map.of("version", corrected.get("version")));
        assertEquals(200, certified.status(), certified::toString);
        Accounts.signIn(browser.open("/login.xhtml"), certifier.username(), certifier.password());
        browser.open("/finance/in-kind-item.xhtml?id=" + item);
        browser.click("actions:reverseButton");
        browser.type("reverse:reason", "Counted twice: the venue was in the host agreement");
        browser.click("reverse:confirm");
        browser.waitForText("It takes effect when another certifying officer approves it.");
        assertEquals("Certified", browser.text("status"), "a request alone changes nothing");
        assertFalse(browser.isPresent("actions:reverseButton"), "one request at a time");
        Accounts.signOut(browser);

        Accounts.signIn(browser.open("/login.xhtml"), approver.username(), approver.password());
        browser.open("/finance/in-kind-item.xhtml?id=" + item);
        browser.waitClickable(By.cssSelector("#requests button[id$=':approve']")).click();
        browser.waitClickable(By.cssSelector("#requests button[id$=':approveYes']")).click();
        browser.waitForText("approved.");
        assertEquals("Reversed", browser.text("status"));
        assertEquals(2, browser.all(By.cssSelector(".tf-journal")).size(), "the certification journal and its reversal");
        Accounts.signOut(browser);

        // The correct one is recorded in its place, prefilled, and names the one it replaces.
        Accounts.signIn(browser.open("/login.xhtml"), officer.username(), officer.password());
        browser.open("/finance/in-kind-item.xhtml?id=" + item);
        browser.click("actions:recordCorrect");
        browser.waitForPath("/finance/record-in-kind.xhtml?replaces=" + item);
        assertEquals("2400.00", browser.waitVisible(By.id("inKind:fairValue")).getAttribute("value"), "prefilled");
        browser.typeAndLeave("inKind:fairValue", "1,200.00");
        browser.click("inKind:save");
        long replacement = itemId(browser);
        browser.waitForText("In-kind contribution " + replacement + " was recorded.");
        assertEquals("Replaces in-kind contribution " + item, browser.text("replaces"));
        browser.screenshot("in-kind-replacement");
        Accounts.signOut(browser);
    }

    private static long itemId(Browser browser) {
        browser.waitForPath("/finance/in-kind-item.xhtml?id=");
        Matcher m = ITEM.matcher(browser.currentPath());
        assertTrue(m.find(), browser.currentPath());
        return Long.parseLong(m.group(1));
    }

    private static Row rowWith(Sheet sheet, String text) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
                    return row;
                }
            }
        }
        throw new AssertionError("No row with " + text + " on " + sheet.getSheetName());
    }
}
