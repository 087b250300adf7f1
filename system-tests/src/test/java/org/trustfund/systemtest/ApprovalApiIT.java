package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustfund.systemtest.support.FinanceApi.assertRefused;
import static org.trustfund.systemtest.support.FinanceApi.certify;
import static org.trustfund.systemtest.support.FinanceApi.chf;
import static org.trustfund.systemtest.support.FinanceApi.id;
import static org.trustfund.systemtest.support.FinanceApi.list;
import static org.trustfund.systemtest.support.FinanceApi.recordChf;
import static org.trustfund.systemtest.support.FinanceApi.signedChfPledge;
import static org.trustfund.systemtest.support.FinanceApi.version;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * Issue 7, item 2, through the REST API: a reversal or a write-off is a request by one person that takes effect only
 * when a certifying officer who did not ask approves it; until then nothing is posted and the request is visible.
 */
@ExtendWith(SystemExtension.class)
class ApprovalApiIT {

    @Test
    void aReversalIsRequestedByOneAndApprovedOnceByAnotherCertifyingOfficer(RunningSystem system, Browser browser)
            throws Exception {
        User officer = Api.readyUser(system, "officer", "Finance officer");
        User requester = Api.readyUser(system, "certifier", "Certifying officer");
        User approver = Api.readyUser(system, "certifier", "Certifying officer");
        Api finance = officer.api(system);
        Map<String, Object> fund = FinanceApi.fund(system);
        long donor = FinanceApi.donor(finance, "Government of Reversia");
        Map<String, Object> pledge = signedChfPledge(finance, donor, id(fund), "2025-03-31", "5000.00",
                "2026-03-31", "5000.00");
        Map<String, Object> certified = certify(approver.api(system), recordChf(finance, donor, id(fund), "5000.00", null));
        assertEquals(chf("5000.00"), finance.get("/api/pledges/" + id(pledge)).json().get("paid"));
        String contribution = "/api/contributions/" + id(certified);

        Reply noReason = requester.api(system).post(contribution + "/reversal", Map.of("version", version(certified)));
        assertRefused(noReason, "reason", "Give a reason");
        Reply filed = requester.api(system).post(contribution + "/reversal",
                Map.of("version", version(certified), "reason", "Bank reference typed for another donor"));
        assertEquals(202, filed.status(), filed::toString);
        Map<String, Object> request = filed.json();
        String approval = "/api/approvals/" + id(request);
        assertTrue(filed.header("Location").orElse("").endsWith(approval), filed.headers().toString());
        assertEquals(Map.of("kind", "CONTRIBUTION_REVERSAL", "subjectType", "Contribution", "subjectId", id(certified),
                        "status", "PENDING", "requestedBy", requester.username(), "reason",
                        "Bank reference typed for another donor"),
                Map.of("kind", request.get("kind"), "subjectType", request.get("subjectType"),
                        "subjectId", ((Number) request.get("subjectId")).longValue(), "status", request.get("status"),
                        "requestedBy", request.get("requestedBy"), "reason", request.get("reason")));
        assertEquals("CERTIFIED", finance.get(contribution).json().get("status"), "a request alone changes nothing");
        assertEquals(chf("5000.00"), finance.get("/api/pledges/" + id(pledge)).json().get("paid"));
        assertTrue(list(finance.get("/api/approvals").json(), "items").stream().anyMatch(r -> id(r) == id(request)),
                "the request waits in the list");
        assertEquals(List.of("PENDING"), list(finance.get(contribution + "/requests").json(), "items").stream()
                .map(r -> r.get("status")).toList());

        Reply second = finance.post(contribution + "/reversal",
                Map.of("version", version(certified), "reason", "Asked again"));
        assertRefused(second, null, "already waiting");
        Reply own = requester.api(system).post(approval + "/approval", Map.of("version", version(request)));
        assertRefused(own, null, "another certifying officer must decide");
        Reply byOfficer = finance.post(approval + "/approval", Map.of("version", version(request)));
        assertEquals(403, byOfficer.status(), byOfficer::toString);
        assertEquals("CERTIFIED", finance.get(contribution).json().get("status"));

        // A double click: the same approval twice at once. One is carried out; the other is refused, not repeated.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Reply>> calls = java.util.stream.IntStream.range(0, 2)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return approver.api(system).post(approval + "/approval", Map.of("version", version(request)));
                    }, pool)).toList();
            start.countDown();
            List<Reply> replies = calls.stream().map(CompletableFuture::join).toList();
            assertEquals(List.of(200), replies.stream().map(Reply::status).filter(s -> s == 200).toList(),
                    "exactly one approval: " + replies);
            Reply refused = replies.stream().filter(r -> r.status() != 200).findFirst().orElseThrow();
            // Whether it read the request before or after the first committed, its version no longer matches.
            assertEquals(409, refused.status(), refused::toString);
            assertTrue(refused.json().get("message").toString().startsWith("Someone else changed this record"),
                    refused::toString);
            assertTrue(!refused.body().contains("Exception"), refused::toString);
        } finally {
            pool.shutdown();
        }

        Map<String, Object> decided = finance.get(approval).json();
        assertEquals("APPROVED", decided.get("status"));
        assertEquals(approver.username(), decided.get("decidedBy"));
        Map<String, Object> reversed = finance.get(contribution).json();
        assertEquals("REVERSED", reversed.get("status"));
        assertEquals(approver.username(), reversed.get("reversedBy"));
        assertEquals("Bank reference typed for another donor", reversed.get("reversalReason"));
        Map<String, Object> reopened = finance.get("/api/pledges/" + id(pledge)).json();
        assertEquals(chf("0.00"), reopened.get("paid"));
        assertEquals("AGREEMENT_SIGNED", reopened.get("status"));
        assertTrue(list(finance.get("/api/approvals").json(), "items").stream().noneMatch(r -> id(r) == id(request)),
                "no longer waiting");
        // Reversed twice, the receivable would be 5,000 above what was agreed minus what was received.
        FinanceApi.assertLedgerCheckClean(browser, officer, fund.get("code").toString(), List.of(id(pledge)),
                List.of(id(certified)));
    }

    @Test
    void aRejectedWriteOffLeavesThePledgeAsItWasAndOnlyTheRequesterWithdraws(RunningSystem system, Browser browser) {
        User officer = Api.readyUser(system, "officer", "Finance officer");
        User certifier = Api.readyUser(system, "certifier", "Certifying officer");
        Api finance = officer.api(system);
        Map<String, Object> fund = FinanceApi.fund(system);
        long donor = FinanceApi.donor(finance, "Ministry of Write-offs");
        Map<String, Object> pledge = signedChfPledge(finance, donor, id(fund), "2025-03-31", "8000.00");
        String path = "/api/pledges/" + id(pledge);

        Reply typedDate = finance.post(path + "/write-off", Map.of("version", version(pledge),
                "writtenOffOn", "30.06.2026", "reason", "Donor withdrew"));
        assertRefused(typedDate, "writtenOffOn", "30.06.2026");
        Reply filed = finance.post(path + "/write-off", Map.of("version", version(pledge),
                "writtenOffOn", "2026-06-30", "reason", "Donor withdrew"));
        assertEquals(202, filed.status(), filed::toString);
        Map<String, Object> request = filed.json();
        assertEquals("PLEDGE_WRITE_OFF", request.get("kind"));
        assertEquals("2026-06-30", request.get("effectiveDate"));
        String approval = "/api/approvals/" + id(request);
        assertEquals("AGREEMENT_SIGNED", finance.get(path).json().get("status"), "a request alone changes nothing");

        Reply noNote = certifier.api(system).post(approval + "/rejection", Map.of("version", version(request),
                "note", " "));
        assertRefused(noNote, "note", "Give a reason");
        Reply notTheirs = certifier.api(system).post(approval + "/withdrawal", Map.of("version", version(request)));
        assertRefused(notTheirs, null, "Only the person who asked");
        Reply rejected = certifier.api(system).post(approval + "/rejection", Map.of("version", version(request),
                "note", "The donor confirmed the second payment"));
        assertEquals(200, rejected.status(), rejected::toString);
        assertEquals("REJECTED", rejected.json().get("status"));
        assertEquals("The donor confirmed the second payment", rejected.json().get("decisionNote"));
        Reply approveLater = certifier.api(system).post(approval + "/approval", Map.of("version", version(finance.get(approval).json())));
        assertRefused(approveLater, null, "already decided");

        Map<String, Object> unchanged = finance.get(path).json();
        assertEquals("AGREEMENT_SIGNED", unchanged.get("status"));
        assertNull(unchanged.get("writtenOffOn"));
        assertEquals(chf("8000.00"), unchanged.get("outstanding"));

        Reply again = finance.post(path + "/write-off", Map.of("version", version(unchanged),
                "writtenOffOn", "2026-06-30", "reason", "Asked again"));
        assertEquals(202, again.status(), "a decided request does not block a new one: " + again);
        Reply withdrawn = finance.post("/api/approvals/" + id(again.json()) + "/withdrawal",
                Map.of("version", version(again.json())));
        assertEquals(200, withdrawn.status(), withdrawn::toString);
        assertEquals("WITHDRAWN", withdrawn.json().get("status"));
        assertEquals(List.of("REJECTED", "WITHDRAWN"), list(finance.get(path + "/requests").json(), "items").stream()
                .map(r -> r.get("status")).toList());
        assertEquals("AGREEMENT_SIGNED", finance.get(path).json().get("status"));
        FinanceApi.assertLedgerCheckClean(browser, officer, fund.get("code").toString(), List.of(id(pledge)), List.of());
    }
}
