package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trustfund.systemtest.support.Accounts;
import org.trustfund.systemtest.support.Api;
import org.trustfund.systemtest.support.Api.Reply;
import org.trustfund.systemtest.support.Api.User;
import org.trustfund.systemtest.support.Browser;
import org.trustfund.systemtest.support.ReferenceFixture;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/**
 * The REST API on the real server: HTTP Basic with JSON answers instead of the sign-in page, the same
 * roles and rules as the pages, errors as JSON naming the field, and the whole path from a donor to a
 * certified contribution.
 */
@ExtendWith(SystemExtension.class)
class RestApiIT {

    private static final String JSON = "application/json";

    @Test
    void withoutCredentialsTheApiAnswers401JsonWhileThePagesStillRedirect(RunningSystem system) {
        Reply anonymous = Api.anonymous(system).get("/api/donors");
        assertEquals(401, anonymous.status(), anonymous::toString);
        assertEquals("Basic realm=\"trustfund\", Bearer realm=\"trustfund\"", anonymous.header("WWW-Authenticate").orElse(""),
                "both ways to authenticate are offered");
        assertTrue(anonymous.header("Content-Type").orElse("").startsWith(JSON), anonymous.headers().toString());
        assertFalse(anonymous.header("Location").isPresent(), "no redirect to the sign-in page");
        assertEquals(401L, anonymous.json().get("status"));
        assertFalse(anonymous.json().get("message").toString().isBlank());

        Reply unknownUser = Api.as(system, Accounts.uniqueUsername("nobody"), "no such password").get("/api/me");
        assertEquals(401, unknownUser.status(), unknownUser::toString);
        assertTrue(unknownUser.header("Content-Type").orElse("").startsWith(JSON));

        Reply page = Api.anonymous(system).get("/app/dashboard.xhtml");
        assertEquals(302, page.status(), "pages keep the form sign-in");
        assertTrue(page.header("Location").orElse("").endsWith("/login.xhtml"), page.headers().toString());

        Reply me = Api.asAdmin(system).get("/api/me");
        assertEquals(200, me.status(), me::toString);
        assertEquals("admin", me.json().get("username"));
        assertFalse(me.header("Set-Cookie").isPresent(), "the API keeps no session");
    }

    @Test
    void aUserWhoMustStillChangeTheirPasswordIsRefusedWith403(RunningSystem system, Browser browser) {
        String user = Accounts.uniqueUsername("temporary");
        Accounts.createUser(browser, system, user, "temporary password here", "Finance officer");

        Reply refused = Api.as(system, user, "temporary password here").get("/api/me");
        assertEquals(403, refused.status(), refused::toString);
        assertTrue(refused.json().get("message").toString().contains("temporary password"), refused::toString);

        Reply wrong = Api.as(system, user, "not the password").get("/api/me");
        assertEquals(401, wrong.status(), wrong::toString);
    }

    @Test
    void aRoleThatMayNotWriteIsRefusedWith403AndNothingIsSaved(RunningSystem system) {
        long fund = fundWithEuroRate(system);
        User auditor = Api.readyUser(system, "auditor", "Auditor");
        User certifier = Api.readyUser(system, "certifier", "Certifying officer");
        String name = "Refused donor " + Accounts.uniqueUsername("d");

        Reply byAuditor = auditor.api(system).post("/api/donors", donor(name));
        assertEquals(403, byAuditor.status(), byAuditor::toString);
        assertEquals("Your roles do not allow this.", byAuditor.json().get("message"));
        assertEquals(403L, byAuditor.json().get("status"));

        Reply read = auditor.api(system).get("/api/donors?name=" + name.replace(" ", "%20"));
        assertEquals(200, read.status(), "an auditor reads");
        assertEquals(0L, read.json().get("total"), "nothing was saved");

        Reply rateByAuditor = auditor.api(system).post("/api/rates",
                Map.of("currency", "EUR", "effectiveDate", "2025-01-20", "unitsPerUsd", "0.9"));
        assertEquals(403, rateByAuditor.status(), rateByAuditor::toString);

        Reply byCertifier = certifier.api(system).post("/api/contributions", Map.of("donorId", 1, "fundId", fund,
                "receivedDate", "2025-03-05", "amount", money("100.00", "EUR"), "bankReference", "REFUSED"));
        assertEquals(403, byCertifier.status(), byCertifier::toString);
        assertTrue(byCertifier.header("Content-Type").orElse("").startsWith(JSON));
    }

    @Test
    void badInputIsRefusedWith400NamingTheFieldAndNothingIsSaved(RunningSystem system) {
        long fund = fundWithEuroRate(system);
        User officer = Api.readyUser(system, "officer", "Finance officer");
        Api api = officer.api(system);
        long donor = createDonor(api, "Careful donor " + Accounts.uniqueUsername("d"));

        assertRefused(api.post("/api/contributions", contribution(donor, fund, "2025-03-05", "-10.00", "EUR")),
                "amount", "greater than zero");
        assertRefused(api.post("/api/contributions", contribution(donor, fund, "2025-03-05", "100.00", "XYZ")),
                "currency", "XYZ is not an ISO 4217 currency code");
        assertRefused(api.post("/api/contributions", contribution(donor, fund, "2025-03-05", "1.250,50", "EUR")),
                "amount", "as a number");
        String future = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
        assertRefused(api.post("/api/contributions", contribution(donor, fund, future, "100.00", "EUR")),
                "receivedDate", "cannot be in the future");
        Reply noRate = api.post("/api/contributions", contribution(donor, fund, "1990-01-15", "100.00", "EUR"));
        assertRefused(noRate, "receivedDate", "no UN operational rate for EUR in force on 1990-01-15");

        Reply enFrancais = api.inLanguage("fr-CH, fr;q=0.9, en;q=0.5")
                .post("/api/contributions", contribution(donor, fund, "1990-01-15", "100.00", "EUR"));
        assertRefused(enFrancais, "receivedDate", "Aucun taux de change opérationnel");

        Map<String, Object> klingon = new java.util.HashMap<>(donor("Klingon donor " + Accounts.uniqueUsername("k")));
        klingon.put("correspondenceLanguage", "tlh");
        assertRefused(api.post("/api/donors", klingon), "correspondenceLanguage", "six languages");
        assertEquals(0L, api.get("/api/donors?name=Klingon%20donor").json().get("total"), "the donor was not saved");

        Reply notAddingUp = api.post("/api/pledges", Map.of("donorId", donor, "fundId", fund,
                "amount", money("3000.00", "EUR"), "firstYear", 2025, "lastYear", 2026, "pledgedOn", "2025-01-10",
                "instalments", List.of(instalment("2025-06-01", "1000.00"), instalment("2026-06-01", "1500.00"))));
        assertRefused(notAddingUp, "instalments", "add up to EUR 2500.00, not to the pledged EUR 3000.00");

        Reply notJson = api.post("/api/contributions", "{\"donorId\": ");
        assertEquals(400, notJson.status(), notJson::toString);
        assertTrue(notJson.json().get("reference").toString().startsWith("TF-"), notJson::toString);
        for (Reply reply : List.of(noRate, notJson)) {
            assertFalse(reply.body().contains("Exception") || reply.body().contains("at org."), reply::toString);
        }

        Reply saved = api.get("/api/contributions?donorId=" + donor);
        assertEquals(200, saved.status(), saved::toString);
        assertEquals(0L, saved.json().get("total"), "no refused contribution was saved");
        Reply pledges = api.get("/api/donors/" + donor + "/pledges");
        assertEquals(List.of(), pledges.json().get("items"), "no refused pledge was saved");
    }

    @Test
    void aDonorUserReadsTheirOwnDonorAndIsRefusedAnotherDonors(RunningSystem system) {
        fundWithEuroRate(system);
        User officer = Api.readyUser(system, "officer", "Finance officer");
        User donorUser = Api.readyUser(system, "donoruser", "Donor");
        String ownName = "Own donor " + Accounts.uniqueUsername("d");
        String otherName = "Other donor " + Accounts.uniqueUsername("d");
        long own = createDonor(officer.api(system), ownName);
        long other = createDonor(officer.api(system), otherName);

        Api admin = Api.asAdmin(system);
        Map<String, Object> account = onlyItem(admin.get("/api/users?username=" + donorUser.username()));
        Map<String, Object> staff = onlyItem(admin.get("/api/users?username=" + officer.username()));
        Reply notADonor = admin.put("/api/users/" + id(staff) + "/donor",
                Map.of("version", staff.get("version"), "donorId", own));
        assertRefused(notADonor, "donorId", "Donor role");
        Reply linked = admin.put("/api/users/" + id(account) + "/donor",
                Map.of("version", account.get("version"), "donorId", own));
        assertEquals(200, linked.status(), linked::toString);
        assertEquals(own, ((Number) linked.json().get("donorId")).longValue());

        Api asDonor = donorUser.api(system);
        Reply mine = asDonor.get("/api/donors/" + own);
        assertEquals(200, mine.status(), mine::toString);
        assertEquals(ownName, mine.json().get("name"));

        Reply theirs = asDonor.get("/api/donors/" + other);
        assertEquals(403, theirs.status(), theirs::toString);
        assertFalse(theirs.body().contains(otherName), "nothing of the other donor leaks");
        Reply theirPledges = asDonor.get("/api/donors/" + other + "/pledges");
        assertEquals(403, theirPledges.status(), theirPledges::toString);
        Reply noSuchDonor = asDonor.get("/api/donors/" + (other + 1_000_000));
        assertEquals(403, noSuchDonor.status(), "an unknown id looks like another donor's: " + noSuchDonor);

        assertEquals(403, asDonor.get("/api/donors").status(), "the donor list is for staff");
        Reply change = asDonor.put("/api/donors/" + own, donorWithVersion(ownName + " renamed", 1));
        assertEquals(403, change.status(), change::toString);
        Reply contributions = asDonor.get("/api/contributions");
        assertEquals(200, contributions.status(), contributions::toString);
        assertEquals(0L, contributions.json().get("total"), "only their own donor's contributions, of which none");
    }

    @Test
    void donorPledgeAgreementAndContributionCertifiedByAnotherUser(RunningSystem system) {
        long fund = fundWithEuroRate(system);
        User officer = Api.readyUser(system, "officer", "Finance officer");
        User certifier = Api.readyUser(system, "certifier", "Certifying officer");
        Api finance = officer.api(system);
        String name = "Government of Testland " + Accounts.uniqueUsername("d");

        Reply created = finance.post("/api/donors", donor(name));
        assertEquals(201, created.status(), created::toString);
        assertEquals("en", created.json().get("correspondenceLanguage"), "not given: English, as the page's default");
        long donor = id(created);
        assertTrue(created.header("Location").orElse("").endsWith("/api/donors/" + donor),
                created.headers().toString());
        Reply renamed = finance.put("/api/donors/" + donor, donorWithVersion(name + " (renamed)", version(created)));
        assertEquals(200, renamed.status(), renamed::toString);
        Reply stale = finance.put("/api/donors/" + donor, donorWithVersion(name + " (again)", version(created)));
        assertEquals(409, stale.status(), stale::toString);
        assertTrue(stale.json().get("message").toString().startsWith("Someone else changed this record"),
                stale::toString);
        assertEquals(name + " (renamed)", finance.get("/api/donors/" + donor).json().get("name"),
                "nothing overwritten");
        Map<String, Object> inSpanish = new java.util.HashMap<>(donorWithVersion(name + " (renamed)", version(renamed)));
        inSpanish.put("correspondenceLanguage", "es");
        Reply spanish = finance.put("/api/donors/" + donor, inSpanish);
        assertEquals("es", spanish.json().get("correspondenceLanguage"), spanish::toString);
        Reply unnamed = finance.put("/api/donors/" + donor, donorWithVersion(name + " (renamed)", version(spanish)));
        assertEquals("es", unnamed.json().get("correspondenceLanguage"), "a change that does not name it keeps it");

        Reply pledge = finance.post("/api/pledges", Map.of("donorId", donor, "fundId", fund,
                "amount", money("3000.00", "EUR"), "purpose", "IGF 2025-2027", "firstYear", 2025, "lastYear", 2027,
                "pledgedOn", "2025-01-10", "instalments", List.of(instalment("2025-03-01", "1000.00"),
                        instalment("2026-03-01", "1000.00"), instalment("2027-03-01", "1000.00"))));
        assertEquals(201, pledge.status(), pledge::toString);
        assertEquals("PLEDGED", pledge.json().get("status"));
        long pledgeId = id(pledge);
        long firstInstalment = instalments(pledge).stream().filter(i -> ((Number) i.get("seq")).intValue() == 1)
                .map(RestApiIT::id).findFirst().orElseThrow();

        Reply agreement = finance.post("/api/pledges/" + pledgeId + "/agreement", Map.of("version", version(pledge),
                "agreementDate", "2025-02-01", "agreementReference", "STFA-" + donor,
                "conditions", "Narrative report on the fellowships accepted"));
        assertEquals(200, agreement.status(), agreement::toString);
        assertEquals("AGREEMENT_SIGNED", agreement.json().get("status"));
        assertEquals("Narrative report on the fellowships accepted", agreement.json().get("agreementConditions"));

        Reply recorded = finance.post("/api/contributions", Map.of("donorId", donor, "fundId", fund,
                "receivedDate", "2025-03-05", "amount", money("1250.50", "EUR"), "bankReference", "BNK-" + donor,
                "applications", List.of(Map.of("instalmentId", firstInstalment, "amount", money("1000.00", "EUR")))));
        assertEquals(201, recorded.status(), recorded::toString);
        assertEquals("RECORDED", recorded.json().get("status"));
        assertEquals(Map.of("amount", "250.50", "currency", "EUR"), recorded.json().get("unapplied"));
        long contribution = id(recorded);

        Reply byRecorder = finance.post("/api/contributions/" + contribution + "/certification",
                Map.of("version", version(recorded)));
        assertEquals(403, byRecorder.status(), "a finance officer does not certify: " + byRecorder);

        Reply certified = certifier.api(system).post("/api/contributions/" + contribution + "/certification",
                Map.of("version", version(recorded)));
        assertEquals(200, certified.status(), certified::toString);

        Map<String, Object> read = finance.get("/api/contributions/" + contribution).json();
        assertEquals("CERTIFIED", read.get("status"));
        assertEquals(certifier.username(), read.get("certifiedBy"));
        assertEquals(officer.username(), read.get("recordedBy"));
        BigDecimal unitsPerUsd = new BigDecimal(read.get("unitsPerUsd").toString());
        String expectedUsd = new BigDecimal("1250.50").divide(unitsPerUsd, 2, RoundingMode.HALF_UP).toPlainString();
        assertEquals(Map.of("amount", expectedUsd, "currency", "USD"), read.get("usdAmount"));
        Map<String, Object> rateInForce = items(finance.get("/api/rates?currency=EUR")).stream()
                .filter(r -> r.get("effectiveDate").toString().compareTo("2025-03-05") <= 0)
                .findFirst().orElseThrow();
        assertEquals(0, unitsPerUsd.compareTo(new BigDecimal(rateInForce.get("unitsPerUsd").toString())),
                "converted at the rate in force on the received date");

        Map<String, Object> paid = finance.get("/api/pledges/" + pledgeId).json();
        assertEquals("PARTLY_PAID", paid.get("status"));
        assertEquals(Map.of("amount", "1000.00", "currency", "EUR"), paid.get("paid"));
        assertEquals(Map.of("amount", "2000.00", "currency", "EUR"), paid.get("outstanding"));

        Reply early = finance.post("/api/pledges/" + pledgeId + "/conditions-met",
                Map.of("version", ((Number) paid.get("version")).longValue(), "conditionsMetOn", "2025-01-31"));
        assertRefused(early, "conditionsMetOn", "cannot be met before the agreement was signed (2025-02-01)");
        Reply met = finance.post("/api/pledges/" + pledgeId + "/conditions-met",
                Map.of("version", ((Number) paid.get("version")).longValue(), "conditionsMetOn", "2025-12-31"));
        assertEquals(200, met.status(), met::toString);
        assertEquals("2025-12-31", met.json().get("conditionsMetOn"));
    }

    @Test
    void theOpenApiDocumentListsTheEndpoints(RunningSystem system) {
        Reply document = Api.anonymous(system).getFromServerRoot("/openapi");
        assertEquals(200, document.status(), document::toString);
        for (String path : List.of("/api/donors:", "/api/donors/{id}:", "/api/pledges/{id}/agreement:",
                "/api/contributions/{id}/certification:", "/api/rates:", "/api/approvals/{id}/approval:")) {
            assertTrue(document.body().contains("\n  " + path), "the document lists " + path);
        }
        assertTrue(document.body().contains("scheme: basic"), "it says how to authenticate");
    }

    /** A fund of the test's own, with US dollars and euros accepted and a euro rate in force from 2025. */
    private static long fundWithEuroRate(RunningSystem system) {
        Api admin = Api.asAdmin(system);
        // The month's rate for every date the tests use: an older one would be refused as stale.
        ReferenceFixture.ensure(system);
        for (String code : List.of("USD", "EUR")) {
            if (items(admin.get("/api/currencies")).stream().noneMatch(c -> code.equals(c.get("code")))) {
                Reply added = admin.post("/api/currencies", Map.of("code", code));
                assertEquals(201, added.status(), added::toString);
            }
        }
        if (items(admin.get("/api/countries")).stream().noneMatch(c -> "FR".equals(c.get("code")))) {
            Reply added = admin.put("/api/countries/FR",
                    Map.of("name", "France", "developmentStatus", "DEVELOPED", "region", "Europe"));
            assertEquals(200, added.status(), added::toString);
        }
        if (items(admin.get("/api/rates?currency=EUR")).stream()
                .noneMatch(r -> "2025-01-01".equals(r.get("effectiveDate")))) {
            Reply added = admin.post("/api/rates",
                    Map.of("currency", "EUR", "effectiveDate", "2025-01-01", "unitsPerUsd", "0.92"));
            assertEquals(201, added.status(), added::toString);
        }
        Reply fund = admin.post("/api/funds", Map.of("code", Accounts.uniqueUsername("tf").toUpperCase(),
                "name", "Test fund", "startDate", "2006-01-01"));
        assertEquals(201, fund.status(), fund::toString);
        return id(fund);
    }

    private static long createDonor(Api finance, String name) {
        Reply created = finance.post("/api/donors", donor(name));
        assertEquals(201, created.status(), created::toString);
        return id(created);
    }

    private static Map<String, Object> donor(String name) {
        return Map.of("name", name, "stakeholderGroup", "GOVERNMENT", "country", "FR", "publiclyNamed", true);
    }

    private static Map<String, Object> donorWithVersion(String name, long version) {
        return Map.of("name", name, "stakeholderGroup", "GOVERNMENT", "country", "FR", "publiclyNamed", true,
                "version", version);
    }

    private static Map<String, Object> contribution(long donor, long fund, String received, String amount,
            String currency) {
        return Map.of("donorId", donor, "fundId", fund, "receivedDate", received, "amount", money(amount, currency),
                "bankReference", "BNK-" + Accounts.uniqueUsername("r"));
    }

    private static Map<String, String> money(String amount, String currency) {
        return Map.of("amount", amount, "currency", currency);
    }

    private static Map<String, Object> instalment(String due, String amount) {
        return Map.of("dueDate", due, "amount", money(amount, "EUR"));
    }

    private static void assertRefused(Reply reply, String field, String messagePart) {
        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.header("Content-Type").orElse("").startsWith(JSON), reply.headers().toString());
        Map<String, Object> error = reply.json();
        assertEquals(field, error.get("field"), reply::toString);
        assertEquals(400L, error.get("status"));
        assertTrue(error.get("message").toString().contains(messagePart), reply::toString);
    }

    private static long id(Reply reply) {
        return id(reply.json());
    }

    private static long id(Map<String, Object> json) {
        return ((Number) json.get("id")).longValue();
    }

    private static long version(Reply reply) {
        return ((Number) reply.json().get("version")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return (List<Map<String, Object>>) reply.json().get("items");
    }

    private static Map<String, Object> onlyItem(Reply reply) {
        List<Map<String, Object>> items = items(reply);
        assertEquals(1, items.size(), reply::toString);
        return items.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> instalments(Reply pledge) {
        return (List<Map<String, Object>>) pledge.json().get("instalments");
    }
}
