package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustfund.systemtest.support.FinanceApi.assertRefused;
import static org.trustfund.systemtest.support.FinanceApi.certify;
import static org.trustfund.systemtest.support.FinanceApi.chf;
import static org.trustfund.systemtest.support.FinanceApi.id;
import static org.trustfund.systemtest.support.FinanceApi.instalmentIds;
import static org.trustfund.systemtest.support.FinanceApi.list;
import static org.trustfund.systemtest.support.FinanceApi.recordChf;
import static org.trustfund.systemtest.support.FinanceApi.signedChfPledge;
import static org.trustfund.systemtest.support.FinanceApi.version;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trustfund.systemtest.support.Api;
import org.trustfund.systemtest.support.Api.Reply;
import org.trustfund.systemtest.support.Api.User;
import org.trustfund.systemtest.support.Browser;
import org.trustfund.systemtest.support.FinanceApi;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/**
 * Issue 7, item 1, through the REST API: cash from a donor with an open receivable is never revenue a second time.
 * Without an applications field it is applied oldest due first, as the page suggests; with an empty list it is
 * held as unapplied receipts (a liability) until applied or approved as a separate gift.
 */
@ExtendWith(SystemExtension.class)
class UnappliedReceiptsApiIT {

    @Test
    void withoutApplicationsTheContributionPaysTheOldestInstalmentsFirstAndTheLedgerStaysConsistent(
            RunningSystem system, Browser browser) {
        User officer = Api.readyUser(system, "officer", "Finance officer");
        User certifier = Api.readyUser(system, "certifier", "Certifying officer");
        Api finance = officer.api(system);
        Map<String, Object> fund = FinanceApi.fund(system);
        long donor = FinanceApi.donor(finance, "Government of Testland");
        // Due dates out of order on purpose: oldest due first, not first entered.
        Map<String, Object> pledge = signedChfPledge(finance, donor, id(fund), "2025-09-30", "12500.00",
                "2025-03-31", "12500.00", "2026-03-31", "12500.00", "2026-09-30", "12500.00");
        Map<String, Long> byDue = list(pledge, "instalments").stream()
                .collect(java.util.stream.Collectors.toMap(i -> i.get("dueDate").toString(), FinanceApi::id));

        Map<String, Object> recorded = recordChf(finance, donor, id(fund), "20000.00", null);
        assertEquals(java.util.Set.of(
                        Map.of("instalmentId", byDue.get("2025-03-31"), "amount", chf("12500.00")),
                        Map.of("instalmentId", byDue.get("2025-09-30"), "amount", chf("7500.00"))),
                list(recorded, "applications").stream()
                        .map(a -> Map.of("instalmentId", ((Number) a.get("instalmentId")).longValue(), "amount", a.get("amount")))
                        .collect(java.util.stream.Collectors.toSet()),
                "the instalment due 2025-03-31 in full, then 7,500 of the one due 2025-09-30");
        assertEquals(chf("0.00"), recorded.get("unapplied"));
        assertNull(recorded.get("unappliedTreatment"), "decided at certification");

        Map<String, Object> certified = certify(certifier.api(system), recorded);
        assertEquals("NONE", certified.get("unappliedTreatment"));
        assertEquals(chf("0.00"), certified.get("unappliedHeld"));
        Map<String, Object> paid = finance.get("/api/pledges/" + id(pledge)).json();
        assertEquals("PARTLY_PAID", paid.get("status"));
        assertEquals(chf("20000.00"), paid.get("paid"));
        assertEquals(chf("30000.00"), paid.get("outstanding"));

        FinanceApi.assertLedgerCheckClean(browser, officer, fund.get("code").toString(), List.of(id(pledge)),
                List.of(id(certified)));
    }

    @Test
    void anEmptyListHoldsTheCashAsUnappliedReceiptsUntilAnOfficerAppliesIt(RunningSystem system, Browser browser) {
        User officer = Api.readyUser(system, "officer", "Finance officer");
        User certifier = Api.readyUser(system, "certifier", "Certifying officer");
        Api finance = officer.api(system);
        Map<String, Object> fund = FinanceApi.fund(system);
        long donor = FinanceApi.donor(finance, "Ministry of Held Receipts");
        long otherDonor = FinanceApi.donor(finance, "Someone else");
        Map<String, Object> pledge = signedChfPledge(finance, donor, id(fund), "2025-03-31", "25000.00",
                "2026-03-31", "25000.00");
        Map<String, Object> othersPledge = signedChfPledge(finance, otherDonor, id(fund), "2025-03-31", "5000.00");
        List<Long> instalments = instalmentIds(pledge);

        Map<String, Object> recorded = recordChf(finance, donor, id(fund), "20000.00", List.of());
        assertEquals(List.of(), recorded.get("applications"), "an explicit empty list applies nothing");
        assertEquals(chf("20000.00"), recorded.get("unapplied"));
        Map<String, Object> certified = certify(certifier.api(system), recorded);
        assertEquals("HELD", certified.get("unappliedTreatment"));
        assertEquals(chf("20000.00"), certified.get("unappliedHeld"));
        assertEquals(chf("0.00"), finance.get("/api/pledges/" + id(pledge)).json().get("paid"),
                "held receipts pay nothing yet");
        String path = "/api/contributions/" + id(certified) + "/applications";

        Reply tooMuch = finance.post(path, Map.of("version", version(certified), "applications", List.of(
                Map.of("instalmentId", instalments.get(0), "amount", chf("15000.00")),
                Map.of("instalmentId", instalments.get(1), "amount", chf("6000.00")))));
        assertRefused(tooMuch, "applications", "more than");
        Reply othersInstalment = finance.post(path, Map.of("version", version(certified), "applications", List.of(
                Map.of("instalmentId", instalmentIds(othersPledge).get(0), "amount", chf("1000.00")))));
        assertRefused(othersInstalment, "applications", "another donor");
        Reply nothing = finance.post(path, Map.of("version", version(certified), "applications", List.of()));
        assertRefused(nothing, "applications", "at least one instalment");
        Reply byCertifier = certifier.api(system).post(path, Map.of("version", version(certified),
                "applications", List.of(Map.of("instalmentId", instalments.get(0), "amount", chf("1000.00")))));
        assertEquals(403, byCertifier.status(), byCertifier::toString);
        assertEquals(chf("20000.00"), finance.get("/api/contributions/" + id(certified)).json().get("unappliedHeld"),
                "nothing refused was applied");

        Reply applied = finance.post(path, Map.of("version", version(certified), "applications", List.of(
                Map.of("instalmentId", instalments.get(0), "amount", chf("15000.00")))));
        assertEquals(200, applied.status(), applied::toString);
        assertEquals(chf("5000.00"), applied.json().get("unappliedHeld"));
        assertEquals("HELD", applied.json().get("unappliedTreatment"));
        Map<String, Object> line = list(applied.json(), "applications").get(0);
        assertEquals(officer.username(), line.get("appliedBy"));
        assertNotNull(line.get("appliedAt"));
        Reply again = finance.post(path, Map.of("version", version(certified), "applications", List.of(
                Map.of("instalmentId", instalments.get(0), "amount", chf("1000.00")))));
        assertEquals(409, again.status(), "the same form sent twice (Back button, double click): " + again);

        Map<String, Object> paid = finance.get("/api/pledges/" + id(pledge)).json();
        assertEquals(chf("15000.00"), paid.get("paid"));
        assertEquals("PARTLY_PAID", paid.get("status"));
        FinanceApi.assertLedgerCheckClean(browser, officer, fund.get("code").toString(), List.of(id(pledge)),
                List.of(id(certified)));
    }

    @Test
    void heldReceiptsApprovedAsASeparateGiftBecomeRevenue(RunningSystem system, Browser browser) {
        User officer = Api.readyUser(system, "officer", "Finance officer");
        User certifier = Api.readyUser(system, "certifier", "Certifying officer");
        Api finance = officer.api(system);
        Map<String, Object> fund = FinanceApi.fund(system);
        long donor = FinanceApi.donor(finance, "Foundation with a gift");
        Map<String, Object> pledge = signedChfPledge(finance, donor, id(fund), "2025-03-31", "10000.00");
        Map<String, Object> certified = certify(certifier.api(system),
                recordChf(finance, donor, id(fund), "3000.00", List.of()));
        assertEquals("HELD", certified.get("unappliedTreatment"));

        Reply noReason = finance.post("/api/contributions/" + id(certified) + "/separate-gift",
                Map.of("version", version(certified)));
        assertRefused(noReason, "reason", "Give a reason");
        Reply requested = finance.post("/api/contributions/" + id(certified) + "/separate-gift",
                Map.of("version", version(certified), "reason", "Letter of 2025-04-20: not towards the pledge"));
        assertEquals(202, requested.status(), requested::toString);
        assertEquals("SEPARATE_GIFT", requested.json().get("kind"));
        assertEquals("PENDING", requested.json().get("status"));
        assertEquals("HELD", finance.get("/api/contributions/" + id(certified)).json().get("unappliedTreatment"),
                "nothing changes before the approval");

        Reply approved = certifier.api(system).post("/api/approvals/" + id(requested.json()) + "/approval",
                Map.of("version", version(requested.json())));
        assertEquals(200, approved.status(), approved::toString);
        assertEquals("APPROVED", approved.json().get("status"));
        assertEquals(certifier.username(), approved.json().get("decidedBy"));
        Map<String, Object> after = finance.get("/api/contributions/" + id(certified)).json();
        assertEquals("REVENUE", after.get("unappliedTreatment"));
        assertEquals(chf("0.00"), after.get("unappliedHeld"));
        assertEquals(chf("3000.00"), after.get("unapplied"));
        assertEquals(chf("0.00"), finance.get("/api/pledges/" + id(pledge)).json().get("paid"),
                "a separate gift pays no pledge");
        FinanceApi.assertLedgerCheckClean(browser, officer, fund.get("code").toString(), List.of(id(pledge)),
                List.of(id(certified)));
    }
}
