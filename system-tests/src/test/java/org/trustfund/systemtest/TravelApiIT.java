package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustfund.systemtest.support.FinanceApi.assertRefused;
import static org.trustfund.systemtest.support.FinanceApi.id;
import static org.trustfund.systemtest.support.FinanceApi.list;
import static org.trustfund.systemtest.support.FinanceApi.version;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trustfund.systemtest.support.Accounts;
import org.trustfund.systemtest.support.Api;
import org.trustfund.systemtest.support.Api.Reply;
import org.trustfund.systemtest.support.Api.User;
import org.trustfund.systemtest.support.FinanceApi;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/**
 * Issue 11 through the REST API on its own fund: a trip requested with the form's defaults, costed with the DSA looked
 * up, approved by someone else, obligated and paid (twice sent, paid once), the available balance and participation
 * following; bad input refused at its field; other expenditure maker–checker and the PSC run twice, posted once.
 */
@ExtendWith(SystemExtension.class)
class TravelApiIT {

    @Test
    void aTripRequestedCostedApprovedAndPaidThroughTheApiMovesTheBalanceOnce(RunningSystem system) {
        User officer = Api.readyUser(system, "officer", "Finance officer");
        User certifier = Api.readyUser(system, "certifier", "Certifying officer");
        Api finance = officer.api(system);
        Api certifying = certifier.api(system);
        long fund = id(FinanceApi.fund(system));
        cash(finance, certifying, fund, "10000.00");
        String city = "Apiville " + Accounts.uniqueUsername("c");

        Reply event = finance.post("/api/travel-events", Map.of("name", "API meeting", "type", "ANNUAL_MEETING",
                "city", city, "countryCode", "CH", "startDate", "2026-06-15", "endDate", "2026-06-19"));
        assertEquals(201, event.status(), event::toString);
        Reply dsa = finance.post("/api/dsa-rates", Map.of("countryCode", "CH", "city", city, "month", "2026-06-01",
                "rateUsd", "300"));
        assertEquals(201, dsa.status(), dsa::toString);
        Reply again = finance.post("/api/dsa-rates", Map.of("countryCode", "CH", "city", city, "month", "2026-06-01",
                "rateUsd", "310"));
        assertRefused(again, "month", "300");
        Reply traveller = finance.post("/api/travellers", Map.of("name", "Api Traveller " + Accounts.uniqueUsername("t"),
                "gender", "MALE", "nationality", "ET", "residence", "ET", "stakeholderGroup", "CIVIL_SOCIETY",
                "magMember", true));
        assertEquals(201, traveller.status(), traveller::toString);
        long programme = finance.get("/api/travel-events/programmes").jsonList().stream()
                .filter(p -> "MAG_TRAVEL".equals(p.get("code"))).map(FinanceApi::id).findFirst().orElseThrow();

        Map<String, Object> trip = new HashMap<>(Map.of("travellerId", id(traveller.json()), "programmeId", programme,
                "eventId", id(event.json()), "fundId", fund, "itinerary", "Addis Ababa – " + city,
                "departureDate", "2026-06-14", "returnDate", "2026-06-20", "ticketAmount", "1000.00",
                "terminalUsd", "100.00"));
        // Left out, as the form starts them: both ticket and DSA, US dollars, asked today.
        Reply costing = finance.post("/api/travel/costing", trip);
        assertEquals(200, costing.status(), costing::toString);
        assertEquals("300.00", costing.json().get("dsaRateFoundUsd"));
        assertEquals(6, ((Number) costing.json().get("nights")).intValue());
        assertEquals("2900.00", costing.json().get("totalUsd"), "1,000.00 + 6 × 300.00 + 100.00");
        assertEquals("LEAST_DEVELOPED", costing.json().get("residenceStatus"));

        Map<String, Object> backwards = new HashMap<>(trip);
        backwards.put("returnDate", "2026-06-10");
        Reply refused = finance.post("/api/travel", backwards);
        assertEquals(400, refused.status(), refused::toString);
        assertTrue(refused.body().contains("The return date is before the departure date."), refused::toString);
        Map<String, Object> negative = new HashMap<>(trip);
        negative.put("ticketAmount", "-5");
        assertEquals(400, finance.post("/api/travel", negative).status());
        assertEquals(0L, ((Number) finance.get("/api/travel?fundId=" + fund).json().get("total")).longValue(),
                "nothing of a refused request was saved");

        Reply requested = finance.post("/api/travel", trip);
        assertEquals(201, requested.status(), requested::toString);
        Map<String, Object> t = requested.json();
        assertEquals("BOTH", t.get("asks"));
        assertEquals("USD", t.get("currency"));
        assertEquals(LocalDate.now().toString(), t.get("requestedOn"));
        assertEquals("2900.00", t.get("costedUsd"));
        assertEquals("REQUESTED", t.get("status"));
        String path = "/api/travel/" + id(t);

        assertEquals(403, certifying.post("/api/travel", trip).status(), "a certifier does not request");
        assertEquals(403, finance.post(path + "/approval", Map.of("version", version(t))).status(),
                "a finance officer does not approve");
        assertRefused(finance.post(path + "/payment", Map.of("version", version(t), "date", "2026-06-01",
                "reference", "PAY-API")), null, "not approved");
        Reply approved = certifying.post(path + "/approval", Map.of("version", version(t)));
        assertEquals(200, approved.status(), approved::toString);
        assertEquals("7100.00", balance(finance, fund), "10,000.00 less the approved 2,900.00");
        Reply obligated = finance.post(path + "/obligation", Map.of("version", version(approved.json()),
                "date", "2026-05-02"));
        assertEquals(200, obligated.status(), obligated::toString);
        Map<String, Object> pay = Map.of("version", version(obligated.json()), "date", "2026-06-01", "reference", "PAY-API");
        Reply paid = finance.post(path + "/payment", pay);
        assertEquals(200, paid.status(), paid::toString);
        assertEquals("PAID", paid.json().get("status"));
        assertEquals("2900.00", paid.json().get("paidUsd"));
        Reply twice = finance.post(path + "/payment", pay);
        assertEquals(409, twice.status(), "the same payment sent again: " + twice);
        assertEquals("7100.00", balance(finance, fund), "the balance dropped by the USD total, once");

        Map<String, Object> participation = finance.get("/api/participation?year=2026&fundId=" + fund).json();
        assertEquals(1, ((Number) participation.get("trips")).intValue());
        assertEquals("2900.00", participation.get("usd"));
        assertEquals(Map.of("key", "LEAST_DEVELOPED", "trips", 1L, "usd", "2900.00"),
                normalized(list(participation, "byDevelopmentStatus").get(0)));
        assertRefused(finance.get("/api/travel?from=2026-07-01&to=2026-06-01"), "from", "after the to-date");
    }

    @Test
    void expenditureIsCertifiedBySomeoneElseAndPscRunTwicePostsOnce(RunningSystem system) {
        User officer = Api.readyUser(system, "officer", "Finance officer");
        User certifier = Api.readyUser(system, "certifier", "Certifying officer");
        Api finance = officer.api(system);
        Api certifying = certifier.api(system);
        long fund = id(FinanceApi.fund(system));
        cash(finance, certifying, fund, "5000.00");

        Map<String, Object> expense = new HashMap<>(Map.of("fundId", fund, "category", "CONTRACTUAL_SERVICES",
                "date", "2026-07-01", "amount", Map.of("amount", "-10.00", "currency", "USD"), "reference", "PO-API",
                "description", "Webcasting"));
        assertRefused(finance.post("/api/expenditure", expense), "amount", "greater than zero");
        assertEquals(0L, ((Number) finance.get("/api/expenditure?fundId=" + fund).json().get("total")).longValue());
        expense.put("amount", Map.of("amount", "1000.00", "currency", "USD"));
        Reply recorded = finance.post("/api/expenditure", expense);
        assertEquals(201, recorded.status(), recorded::toString);
        String path = "/api/expenditure/" + id(recorded.json());
        assertEquals(403, finance.post(path + "/certification", Map.of("version", version(recorded.json()))).status());
        Reply certified = certifying.post(path + "/certification", Map.of("version", version(recorded.json())));
        assertEquals(200, certified.status(), certified::toString);
        assertEquals("CERTIFIED", certified.json().get("status"));
        assertEquals("4000.00", balance(finance, fund));

        Map<String, Object> psc = finance.get("/api/funds/" + fund + "/psc?year=2026").json();
        assertEquals("1000.00", psc.get("baseUsd"));
        assertEquals("13", psc.get("ratePercent"));
        assertEquals("130.00", psc.get("toPostUsd"));
        Reply first = finance.post("/api/funds/" + fund + "/psc/2026/run", Map.of());
        assertEquals(200, first.status(), first::toString);
        assertEquals(Boolean.TRUE, first.json().get("posted"));
        Reply second = finance.post("/api/funds/" + fund + "/psc/2026/run", Map.of());
        assertEquals(Boolean.FALSE, second.json().get("posted"), "the second run posts nothing");
        assertEquals("3870.00", balance(finance, fund), "4,000.00 less 13 % of 1,000.00, once");
        List<Map<String, Object>> charges = list(finance.get("/api/funds/" + fund + "/psc?year=2026").json(), "charges");
        assertEquals(1, charges.size());
        Reply elsewhere = certifying.post("/api/funds/" + (fund + 100000) + "/psc/charges/" + id(charges.get(0))
                + "/reversal", Map.of("version", version(charges.get(0)), "reason", "wrong fund in the path"));
        assertEquals(404, elsewhere.status(), "a charge named under another fund is not found: " + elsewhere);
        Reply reversed = certifying.post("/api/funds/" + fund + "/psc/charges/" + id(charges.get(0)) + "/reversal",
                Map.of("version", version(charges.get(0)), "reason", "Rate to be confirmed"));
        assertEquals(200, reversed.status(), reversed::toString);
        assertEquals("-130.00", reversed.json().get("amountUsd"));
        assertEquals("4000.00", balance(finance, fund));
    }

    /** A JSON object with its whole numbers as longs, for comparison. */
    private static Map<String, Object> normalized(Map<String, Object> json) {
        Map<String, Object> out = new HashMap<>();
        json.forEach((k, v) -> out.put(k, v instanceof Number n ? (Object) n.longValue() : v));
        return out;
    }

    private static String balance(Api finance, long fund) {
        Reply reply = finance.get("/api/funds/" + fund + "/available-balance");
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().get("availableUsd").toString();
    }

    /** A certified contribution in US dollars received on 2026-03-02, without a pledge. */
    private static void cash(Api finance, Api certifying, long fund, String usd) {
        long donor = FinanceApi.donor(finance, "Travel API donor");
        Reply recorded = finance.post("/api/contributions", Map.of("donorId", donor, "fundId", fund,
                "receivedDate", "2026-03-02", "amount", Map.of("amount", usd, "currency", "USD"),
                "bankReference", "BNK-" + Accounts.uniqueUsername("r")));
        assertEquals(201, recorded.status(), recorded::toString);
        FinanceApi.certify(certifying, recorded.json());
        assertTrue(balance(finance, fund).equals(usd), "the fund's cash");
    }
}
