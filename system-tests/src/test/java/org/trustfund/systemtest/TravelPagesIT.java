package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.trustfund.systemtest.support.Accounts;
import org.trustfund.systemtest.support.Api;
import org.trustfund.systemtest.support.Browser;
import org.trustfund.systemtest.support.FinanceApi;
import org.trustfund.systemtest.support.ReferenceFixture;
import org.trustfund.systemtest.support.Rows;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/**
 * Issue 11 as the people who do it: a finance officer sets up a meeting and its DSA rate, requests a trip for a MAG
 * member resident in a least developed country (the form costs it with the looked-up DSA and keeps what was typed
 * when the return is before the departure), a certifying officer approves it with the eligibility rules in view, the
 * officer obligates and pays it; the dashboard's available balance drops by the trip's US dollars, the participation
 * page counts it, and the year's workbook lists it on its Travel and fellowships sheet with every reconciliation
 * difference at 0.00. Then the programme support cost, run twice from its page, posts once. Cash comes through the API:
 * the browser is for what the person does.
 */
@ExtendWith(SystemExtension.class)
class TravelPagesIT {

    private static final Pattern ITEM = Pattern.compile("/finance/travel-item\\.xhtml\\?id=(\\d+)");
    private static final BigDecimal TRIP_USD = new BigDecimal("3450.00");

    @Test
    void aMagMemberFromALeastDevelopedCountryTravelsIsPaidCountedAndReported(RunningSystem system, Browser browser)
            throws SQLException, IOException {
        ReferenceFixture.ensure(system);
        Api.User officer = Api.readyUser(system, "fo", "Finance officer");
        Api.User certifier = Api.readyUser(system, "co", "Certifying officer");
        long fund = TransfersIT.fundId(system);
        long donor = ReferenceFixture.donor(system, "Travel cash donor " + Accounts.uniqueUsername("d"));
        FinanceApi.certify(certifier.api(system), FinanceApi.recordChf(officer.api(system), donor, fund, "50000.00", null));
        String unique = Accounts.uniqueUsername("t");
        String city = "Lausanne " + unique;
        String meeting = "IGF open consultations " + unique;
        String traveller = "Abebe Kebede " + unique;

        // The meeting and its DSA rate.
        Accounts.signIn(browser.open("/login.xhtml"), officer.username(), officer.password());
        browser.waitForPath("/app/dashboard.xhtml");
        browser.open("/finance/travel-setup.xhtml");
        browser.type("event:name", meeting);
        browser.choose("event:type", "Open consultations and MAG meeting");
        browser.type("event:city", city);
        browser.choose("event:country", "Switzerland");
        browser.typeAndLeave("event:startDate_input", "2026-11-16");
        browser.typeAndLeave("event:endDate_input", "2026-11-20");
        browser.click("event:add");
        browser.waitForText("Event " + meeting);
        browser.choose("dsa:country", "Switzerland");
        browser.type("dsa:city", city);
        browser.type("dsa:month", "2026-11");
        browser.type("dsa:rate", "350");
        browser.click("dsa:add");
        browser.waitForText("DSA rate of " + city);
        browser.screenshot("travel-setup");

        // The request: a new traveller from the dialog, the DSA looked up, a return before the departure refused.
        browser.open("/finance/request-travel.xhtml");
        browser.click("travel:newTravellerButton");
        browser.waitVisible(By.id("newTraveller:travellerName"));
        browser.type("newTraveller:travellerName", traveller);
        browser.choose("newTraveller:gender", "Male");
        browser.choose("newTraveller:nationality", "Ethiopia");
        browser.choose("newTraveller:residence", "Ethiopia");
        browser.choose("newTraveller:stakeholderGroup", "Civil society");
        browser.click("newTraveller:magMember");
        browser.click("newTraveller:add");
        browser.waitForText(traveller + " added and chosen.");
        browser.choose("travel:programme", "MAG member travel support");
        browser.choose("travel:event", meeting);
        browser.choose("travel:fund", "IGF ");
        browser.type("travel:itinerary", "Addis Ababa – Geneva – Addis Ababa");
        browser.typeAndLeave("travel:requestedOn_input", "2026-09-01");
        browser.typeAndLeave("travel:departureDate_input", "2026-11-21");
        browser.typeAndLeave("travel:returnDate_input", "2026-11-15");
        browser.typeAndLeave("travel:ticketAmount", "1,250.00");
        browser.typeAndLeave("travel:terminalUsd", "100");
        browser.typeAndLeave("travel:dsaCity", city);
        browser.click("travel:save");
        browser.waitForText("The return date is before the departure date.");
        assertEquals("1,250.00", browser.waitVisible(By.id("travel:ticketAmount")).getAttribute("value"), "kept as typed");
        assertEquals(traveller + " (ET, MAG)", browser.waitVisible(By.id("travel:traveller_input")).getAttribute("value"),
                "kept");
        assertEquals(0, requestsOf(system, traveller), "nothing saved");

        browser.typeAndLeave("travel:departureDate_input", "2026-11-15");
        browser.typeAndLeave("travel:returnDate_input", "2026-11-21");
        browser.waitUntil(java.time.Duration.ofSeconds(10), () -> browser.text("travel:costing").contains("3,450.00"));
        String costing = browser.text("travel:costing");
        assertTrue(costing.contains("350.00 a day") && costing.contains("6 nights") && costing.contains("2,100.00")
                && costing.contains("3,450.00"), "the DSA looked up, six nights, the total: " + costing);
        assertTrue(costing.contains("Least developed") && costing.contains("eligible"), costing);
        browser.screenshot("travel-request");
        browser.doubleClick("travel:save");
        long id = itemId(browser);
        browser.waitForText("Travel request " + id + " recorded.");
        assertEquals(1, requestsOf(system, traveller), "a double click records one request");
        assertFalse(browser.isPresent("actions:approveButton"), "the officer does not approve");
        Accounts.signOut(browser);

        // Approval by a certifying officer who sees the rules; the balance is read before.
        Accounts.signIn(browser.open("/login.xhtml"), certifier.username(), certifier.password());
        browser.waitForPath("/app/dashboard.xhtml");
        BigDecimal before = amount(browser.text("available-IGF"));
        browser.open("/finance/travel-item.xhtml?id=" + id);
        browser.click("actions:approveButton");
        browser.waitVisible(By.id("approve:ruleEligibility"));
        assertTrue(browser.text("approve:ruleEligibility").contains("eligible"), browser.text("approve:ruleEligibility"));
        assertTrue(browser.text("approve:ruleMag").contains("MAG member"), browser.text("approve:ruleMag"));
        browser.screenshot("travel-approve");
        browser.click("approve:confirm");
        browser.waitForText("Travel request " + id + " approved.");
        Accounts.signOut(browser);

        // Obligated and paid by the officer.
        Accounts.signIn(browser.open("/login.xhtml"), officer.username(), officer.password());
        browser.waitForPath("/app/dashboard.xhtml");
        browser.open("/finance/travel-item.xhtml?id=" + id);
        browser.click("actions:obligateButton");
        browser.typeAndLeave("obligate:obligationDate_input", "2026-11-01");
        browser.click("obligate:confirm");
        browser.waitForText("Travel request " + id + " obligated.");
        browser.click("actions:payButton");
        browser.typeAndLeave("pay:paymentDate_input", "2026-11-05");
        browser.type("pay:paymentReference", "PAY-" + unique);
        browser.doubleClick("pay:confirm");
        browser.waitForText("Payment of travel request " + id + " recorded.");
        assertEquals(1, count(system, "SELECT COUNT(*) FROM journal WHERE source_type = 'Travel'"
                + " AND source_id = ? AND event_type = 'TRAVEL_PAID'", id), "paid once, whatever the clicks");
        assertTrue(browser.text("paid").contains("3,450.00"), browser.text("paid"));
        browser.screenshot("travel-paid");
        browser.open("/app/dashboard.xhtml");
        BigDecimal after = amount(browser.text("available-IGF"));
        assertEquals(TRIP_USD, before.subtract(after), "the available balance drops by the trip's US dollars");
        assertTrue(browser.text("travelReports").contains("outstanding"), browser.text("travelReports"));

        // The participation page counts it.
        browser.open("/finance/participation.xhtml?year=2026&fund=" + fund);
        String total = browser.text("total");
        browser.screenshot("participation");
        long trips = count(system, "SELECT COUNT(*) FROM travel_request WHERE fund_id = ? AND status IN"
                + " ('PAID', 'REPORTED') AND YEAR(departure_date) = 2026", fund);
        assertTrue(total.startsWith((trips == 1 ? "1 funded trip," : trips + " funded trips,")) && total.endsWith(
                "departing in 2026."), total);
        assertTrue(browser.pageText().contains("Least developed") && browser.pageText().contains("Civil society"),
                "the groups of the trip are listed");

        for (String unknown : List.of("987654321", "abc")) {
            browser.open("/finance/travel-item.xhtml?id=" + unknown);
            browser.waitForText("There is no travel request");
            assertFalse(browser.pageText().contains("TF-"), "no error reference: " + browser.pageText());
        }
        Accounts.signOut(browser);

        // The workbook: the statement's travel line, the trip on the travel sheet, the reconciliation at 0.00.
        Api.Download workbook = certifier.api(system).download("/api/funds/" + fund + "/annual-report?year=2026");
        assertEquals(200, workbook.status());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook.bytes()))) {
            XSSFFormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
            Row row = rowWith(wb.getSheet("Travel and fellowships"), traveller);
            assertTrue(numbers(row, evaluator).contains(3450.0), "the trip at its US dollars: " + numbers(row, evaluator));
            Row line = rowWith(wb.getSheet("Financial performance"), "Travel and fellowships");
            assertTrue(numbers(line, evaluator).stream().anyMatch(v -> v >= 3450.0), "on the statement: " + numbers(line,
                    evaluator));
            int differences = 0;
            for (Row r : wb.getSheet("Reconciliation")) {
                Cell diff = r.getCell(5);
                if (diff != null && diff.getCellType() == CellType.FORMULA) {
                    assertEquals(0.0, evaluator.evaluate(diff).getNumberValue(), 0.001, r.getCell(1).toString());
                    differences++;
                }
            }
            assertTrue(differences >= 8, "reconciliation rows: " + differences);
        }
    }

    @Test
    void anExpenseRecordedAndCertifiedByTwoPeopleIsChargedItsSupportCostOnceWhenTheRunIsRepeated(RunningSystem system,
            Browser browser) throws SQLException {
        ReferenceFixture.ensure(system);
        Api.User officer = Api.readyUser(system, "fo", "Finance officer");
        Api.User certifier = Api.readyUser(system, "co", "Certifying officer");
        long fund = TransfersIT.fundId(system);
        String reference = "INV-" + Accounts.uniqueUsername("x");

        Accounts.signIn(browser.open("/login.xhtml"), officer.username(), officer.password());
        browser.waitForPath("/app/dashboard.xhtml");
        browser.open("/finance/record-expenditure.xhtml");
        browser.choose("expenditure:fund", "IGF ");
        browser.choose("expenditure:category", "Contractual services");
        browser.typeAndLeave("expenditure:date_input", "2026-10-15");
        browser.typeAndLeave("expenditure:amount", "-40");
        browser.type("expenditure:reference", reference);
        browser.type("expenditure:description", "Captioning of the open consultations");
        browser.click("expenditure:save");
        assertTrue(browser.waitUntil(java.time.Duration.ofSeconds(10), () -> browser.pageText().contains("greater than zero")
                || browser.pageText().contains("negative")), "a negative amount is refused at its field");
        assertEquals(0, count(system, "SELECT COUNT(*) FROM other_expenditure WHERE reference = ?", reference));
        assertEquals(reference, browser.waitVisible(By.id("expenditure:reference")).getAttribute("value"), "kept");
        browser.typeAndLeave("expenditure:amount", "1,000.00");
        browser.click("expenditure:save");
        browser.waitForPath("/finance/expenditure-item.xhtml?id=");
        long id = Long.parseLong(browser.currentPath().replaceAll(".*[?&]id=(\\d+).*", "$1"));
        browser.waitForText("Expenditure " + id + " recorded.");
        assertFalse(browser.isPresent("actions:certify"), "the recorder does not certify");
        Accounts.signOut(browser);

        Accounts.signIn(browser.open("/login.xhtml"), certifier.username(), certifier.password());
        browser.waitForPath("/app/dashboard.xhtml");
        browser.open("/finance/expenditure-item.xhtml?id=" + id);
        browser.click("actions:certify");
        browser.click("actions:certifyYes");
        browser.waitForText("Expenditure " + id + " certified and posted.");
        browser.screenshot("expenditure-certified");

        browser.open("/finance/psc.xhtml?fund=" + fund + "&year=2026");
        browser.click("run:runButton");
        browser.waitForText("of programme support cost posted for 2026.");
        long charges = count(system, "SELECT COUNT(*) FROM psc_charge WHERE fund_id = ? AND year = 2026", fund);
        assertTrue(charges >= 1, "the first run charges the year's expenditure");
        browser.screenshot("psc-run");
        browser.click("run:runButton");
        browser.waitForText("Nothing to post: the programme support cost of 2026 is charged in full.");
        assertEquals(charges, count(system, "SELECT COUNT(*) FROM psc_charge WHERE fund_id = ? AND year = 2026", fund),
                "the second run posts nothing");
        Accounts.signOut(browser);
    }

    private static long count(RunningSystem system, String sql, Object... args) throws SQLException {
        try (Connection c = Rows.connect(system.database())) {
            return Rows.number(c, sql, args);
        }
    }

    private static long requestsOf(RunningSystem system, String traveller) throws SQLException {
        return count(system, "SELECT COUNT(*) FROM travel_request r JOIN traveller t ON t.id = r.traveller_id"
                + " WHERE t.name = ?", traveller);
    }

    private static BigDecimal amount(String shown) {
        return new BigDecimal(shown.replaceAll("[^0-9.\\-]", ""));
    }

    private static long itemId(Browser browser) {
        browser.waitForPath("/finance/travel-item.xhtml?id=");
        Matcher m = ITEM.matcher(browser.currentPath());
        assertTrue(m.find(), browser.currentPath());
        return Long.parseLong(m.group(1));
    }

    private static List<Double> numbers(Row row, XSSFFormulaEvaluator evaluator) {
        List<Double> values = new java.util.ArrayList<>();
        for (Cell cell : row) {
            if (cell.getCellType() == CellType.NUMERIC) {
                values.add(cell.getNumericCellValue());
            } else if (cell.getCellType() == CellType.FORMULA) {
                values.add(evaluator.evaluate(cell).getNumberValue());
            }
        }
        return values;
    }

    private static Row rowWith(Sheet sheet, String text) {
        assertTrue(sheet != null, "the sheet is there");
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
