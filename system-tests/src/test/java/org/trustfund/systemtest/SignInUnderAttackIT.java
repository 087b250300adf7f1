package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trustfund.systemtest.support.Api;
import org.trustfund.systemtest.support.PageSession;
import org.trustfund.systemtest.support.Rows;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/**
 * Sign-in and the API under parallel use and attack, on the real system: what an outside trial broke (500s
 * for parallel calls of one user, lost failure counts and audit entries, a lock-out anyone could cause, a
 * user name told apart by the answer) must not come back. Every test that fails sign-ins on purpose does so
 * from a client address of its own, so its throttling touches no other test.
 */
@ExtendWith(SystemExtension.class)
class SignInUnderAttackIT {

    private static final int PARALLEL_CALLS = 50;

    @Test
    void fiftyParallelCallsOfOneUserAllSucceedWithBasicAndWithAToken(RunningSystem system)
            throws Exception {
        Api.User user = Api.readyUser(system, "parallel", "Finance officer");
        Api basic = user.api(system);
        List<Api.Reply> replies = parallel(PARALLEL_CALLS, () -> basic.get("/api/me"));
        assertEquals(List.of(), replies.stream().filter(r -> r.status() != 200).toList(), "every Basic call answered 200");

        String token = createToken(basic, "parallel test");
        Api bearer = Api.withToken(system, token);
        List<Api.Reply> tokenReplies = parallel(PARALLEL_CALLS, () -> bearer.get("/api/me"));
        assertEquals(List.of(), tokenReplies.stream().filter(r -> r.status() != 200).toList(), "every token call answered 200");
        assertEquals(user.username(), tokenReplies.get(0).json().get("username"));
    }

    @Test
    void eightParallelWrongPasswordsAreEachCountedAndAuditedOnce(RunningSystem system)
            throws Exception {
        Api.User user = Api.readyUser(system, "guessed", "Auditor");
        String address = Api.uniqueAddress();
        Api wrong = Api.as(system, user.username(), "not the password").from(address);
        List<Api.Reply> replies = parallel(8, () -> wrong.get("/api/me"));
        assertEquals(List.of(), replies.stream().filter(r -> r.status() != 401).toList(), "each wrong password answered 401");
        try (Connection db = Rows.connect(system.database())) {
            assertEquals(8, Rows.number(db, "SELECT failed_attempts FROM user_account WHERE username = ?", user.username()));
            assertEquals(8, Rows.number(db, "SELECT COUNT(*) FROM audit_entry WHERE actor = ? AND action = 'SIGN_IN_FAILED'"
                    + " AND client_address = ?", user.username(), address));
            assertEquals(200, user.api(system).from(address).get("/api/me").status(), "eight failures lock nothing");
            assertEquals(0, Rows.number(db, "SELECT failed_attempts FROM user_account WHERE username = ?", user.username()));
        }
    }

    @Test
    void aKnownNameWithAWrongPasswordAndAnUnknownNameAnswerAlike(RunningSystem system) {
        Api.User user = Api.readyUser(system, "known", "Auditor");
        String address = Api.uniqueAddress();
        Api.Reply known = Api.as(system, user.username(), "wrong").from(address).get("/api/me");
        Api.Reply unknown = Api.as(system, "nobody-" + user.username(), "wrong").from(address).get("/api/me");
        assertEquals(401, known.status(), known.toString());
        assertEquals(known.status(), unknown.status());
        assertEquals(known.body(), unknown.body());
        assertEquals(known.header("WWW-Authenticate"), unknown.header("WWW-Authenticate"));
    }

    @Test
    void guessingIsSlowedThenRefusedAndReleasedWhileTheHolderElsewhereIsNotLockedOut(RunningSystem system) throws Exception {
        Api.User user = Api.readyUser(system, "throttled", "Auditor");
        String attacker = Api.uniqueAddress();
        Api guess = Api.as(system, user.username(), "a guess").from(attacker);
        int checked = 0;
        Api.Reply reply = guess.get("/api/me");
        while (reply.status() == 401 && checked < 20) {
            checked++;
            reply = guess.get("/api/me");
        }
        assertEquals(429, reply.status(), "refused after " + checked + " checked guesses: " + reply);
        // Eleven are free; on a slow machine a wait may pass before the next guess arrives, so one or two more.
        assertTrue(checked >= 11 && checked <= 14, "guesses checked before the first refusal: " + checked);
        assertTrue(reply.json().get("message").toString().contains("Try again in"), reply.body());

        // Every guess let through doubles the wait: 1 s, 2 s, 4 s, 8 s ...
        long retryAfter = Long.parseLong(reply.header("Retry-After").orElseThrow());
        while (retryAfter < 8) {
            Thread.sleep(retryAfter * 1000 + 100);
            assertEquals(401, guess.get("/api/me").status(), "a guess after the wait is checked");
            reply = guess.get("/api/me");
            assertEquals(429, reply.status(), reply.toString());
            long next = Long.parseLong(reply.header("Retry-After").orElseThrow());
            assertTrue(next >= retryAfter, "the wait grows: " + retryAfter + " then " + next);
            retryAfter = next;
        }
        assertEquals(429, user.api(system).from(attacker).get("/api/me").status(),
                "during the wait even the right password is not checked from there");
        PageSession.Page throttledPage = PageSession.from(system, attacker).attemptSignIn(user.username(), "another guess");
        assertEquals(200, throttledPage.status());
        assertTrue(throttledPage.body().contains("Too many failed attempts. Wait"), "the page says why and how long");

        assertEquals(200, user.api(system).from(Api.uniqueAddress()).get("/api/me").status(),
                "the holder at their own address is not locked out");

        Thread.sleep(retryAfter * 1000 + 100);
        assertEquals(200, user.api(system).from(attacker).get("/api/me").status(), "released after the wait");
        try (Connection db = Rows.connect(system.database())) {
            assertTrue(Rows.number(db, "SELECT COUNT(*) FROM audit_entry WHERE actor = ? AND action = 'SIGN_IN_THROTTLED'",
                    user.username()) >= 2, "refused attempts are on record too");
        }
    }

    @Test
    void wrongCurrentPasswordsOnTheChangePasswordFormAreThrottledToo(RunningSystem system) {
        Api.User user = Api.readyUser(system, "changer", "Auditor");
        PageSession session = PageSession.from(system, Api.uniqueAddress());
        assertEquals(302, session.attemptSignIn(user.username(), user.password()).status());
        PageSession.Page answer = null;
        for (int i = 1; i <= 12; i++) {
            answer = session.submit(session.get("/app/account/change-password.xhtml"), "password",
                    Map.of("password:currentPassword", "guess " + i, "password:newPassword", "a new pass phrase 123",
                            "password:confirmation", "a new pass phrase 123"), "password:submit");
            assertEquals(200, answer.status(), answer.summary());
        }
        assertTrue(answer.body().contains("Too many wrong passwords. Wait"), "the twelfth guess is refused unchecked");
        assertEquals(200, user.api(system).get("/api/me").status(), "the password did not change");
    }

    @Test
    void aTokenWorksUntilRevokedAndStopsWithItsDisabledAccount(RunningSystem system) {
        Api.User user = Api.readyUser(system, "scripted", "Finance officer");
        Api basic = user.api(system);
        String token = createToken(basic, "bank reconciliation");
        Api bearer = Api.withToken(system, token);
        assertEquals(200, bearer.get("/api/donors?page=0&size=5").status(), "a finance officer's token reads donors");

        Api.Reply list = basic.get("/api/me/tokens");
        assertEquals(200, list.status());
        assertFalse(list.body().contains(token), "a list never holds a secret");
        @SuppressWarnings("unchecked")
        Map<String, Object> listed = ((List<Map<String, Object>>) list.json().get("items")).get(0);
        assertEquals("ACTIVE", listed.get("status"));
        assertNotNull(listed.get("lastUsedAt"), "the use was noted");

        Api.Reply revoked = basic.delete("/api/me/tokens/" + ((Number) listed.get("id")).longValue());
        assertEquals("REVOKED", revoked.json().get("status"), revoked.toString());
        assertEquals(401, bearer.from(Api.uniqueAddress()).get("/api/me").status(), "a revoked token is refused");

        // An administrator makes a token for the account (a script's service account).
        Api admin = Api.asAdmin(system);
        long id = userId(admin, user.username());
        Api.Reply made = admin.post("/api/users/" + id + "/tokens", Map.of("name", "service",
                "expiresOn", LocalDate.now(ZoneOffset.UTC).plusDays(10).toString()));
        assertEquals(201, made.status(), made.toString());
        Api serviceToken = Api.withToken(system, made.json().get("secret").toString());
        assertEquals(200, serviceToken.get("/api/me").status());
        Api.Reply other = Api.withToken(system, token.substring(0, token.length() - 4) + "AAAA").from(Api.uniqueAddress())
                .get("/api/me");
        assertEquals(401, other.status(), "a made-up token is refused");
        long madeId = ((Number) ((Map<?, ?>) made.json().get("token")).get("id")).longValue();
        assertEquals(200, basic.delete("/api/me/tokens/" + madeId).status(), "the holder may revoke a token made for them");
        assertEquals(401, serviceToken.from(Api.uniqueAddress()).get("/api/me").status());
        assertEquals(404, Api.asAdmin(system).delete("/api/me/tokens/" + madeId).status(),
                "another user's token is not found among one's own");
    }

    @Test
    void tokenRulesAreCheckedAtTheField(RunningSystem system) {
        Api.User user = Api.readyUser(system, "tokenrules", "Auditor");
        Api api = user.api(system);
        Api.Reply tooFar = api.post("/api/me/tokens", Map.of("name", "x",
                "expiresOn", LocalDate.now(ZoneOffset.UTC).plusYears(2).toString()));
        assertEquals(400, tooFar.status(), tooFar.toString());
        assertEquals("expiresOn", tooFar.json().get("field"));
        Api.Reply past = api.post("/api/me/tokens", Map.of("name", "x", "expiresOn", "2020-01-01"));
        assertEquals("expiresOn", past.json().get("field"), past.toString());
        Api.Reply typo = api.post("/api/me/tokens", Map.of("name", "x", "expiresOn", "2027-02-30"));
        assertEquals(400, typo.status(), typo.toString());
        Api.Reply noName = api.post("/api/me/tokens", Map.of("name", " ", "expiresOn",
                LocalDate.now(ZoneOffset.UTC).plusDays(1).toString()));
        assertEquals("name", noName.json().get("field"), noName.toString());
        assertEquals(404, api.delete("/api/me/tokens/999999999").status(), "another's or no token: not found");
        Api.Reply byDefault = api.post("/api/me/tokens", Map.of("name", "no date given"));
        assertEquals(201, byDefault.status(), byDefault.toString());
        assertEquals(LocalDate.now(ZoneOffset.UTC).plusDays(91) + "T00:00:00Z",
                ((Map<?, ?>) byDefault.json().get("token")).get("expiresAt"), "90 days, as the page offers");
    }

    static String createToken(Api api, String name) {
        Api.Reply made = api.post("/api/me/tokens", Map.of("name", name,
                "expiresOn", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()));
        assertEquals(201, made.status(), made.toString());
        String secret = made.json().get("secret").toString();
        assertTrue(secret.startsWith("tfp_"), secret);
        return secret;
    }

    @SuppressWarnings("unchecked")
    static long userId(Api admin, String username) {
        Api.Reply users = admin.get("/api/users?username=" + username);
        return ((Number) ((List<Map<String, Object>>) users.json().get("items")).get(0).get("id")).longValue();
    }

    private static <T> List<T> parallel(int count, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(call));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
