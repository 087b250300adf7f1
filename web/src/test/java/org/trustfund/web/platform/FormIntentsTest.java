package org.trustfund.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A button acts once per form token: later submissions wait for the first and get its outcome. */
class FormIntentsTest {

    @Test
    void tokensAreNewEachTimeAndOnlyTokensAreAccepted() {
        FormIntents intents = new FormIntents();
        String token = intents.getToken();
        assertTrue(FormIntents.isToken(token));
        assertNotEquals(token, intents.getToken());
        assertFalse(FormIntents.isToken(null));
        assertFalse(FormIntents.isToken("short"));
        assertFalse(FormIntents.isToken("<script>alert(1)</script>xxxxxxxx"));
    }

    @Test
    void aSecondSubmissionAfterTheFirstSucceededGetsItsRedirectWithoutRunning() {
        FormIntents intents = new FormIntents();
        FormIntents.Claim first = intents.claim("t|save", 1);
        assertEquals(FormIntents.Claim.Kind.RUN, first.kind());
        intents.finish(first, "/trustfund/finance/donor.xhtml?id=7");
        FormIntents.Claim again = intents.claim("t|save", 1);
        assertEquals(FormIntents.Claim.Kind.DONE, again.kind());
        assertEquals("/trustfund/finance/donor.xhtml?id=7", again.redirect());
        assertEquals(FormIntents.Claim.Kind.RUN, intents.claim("t|other", 1).kind(), "another button is another intent");
    }

    @Test
    void aSubmissionAfterAFailedOneRunsAgain() {
        FormIntents intents = new FormIntents();
        FormIntents.Claim first = intents.claim("t|save", 1);
        intents.release(first);
        assertEquals(FormIntents.Claim.Kind.RUN, intents.claim("t|save", 1).kind());
    }

    @Test
    void aDoubleClickWaitsForTheFirstAndThenFollowsIt() throws Exception {
        FormIntents intents = new FormIntents();
        FormIntents.Claim first = intents.claim("t|save", 5);
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<FormIntents.Claim> second = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            return intents.claim("t|save", 5);
        });
        waiting.await();
        Thread.sleep(100);
        assertFalse(second.isDone(), "the second waits while the first runs");
        intents.finish(first, "/x");
        FormIntents.Claim followed = second.get(5, TimeUnit.SECONDS);
        assertEquals(FormIntents.Claim.Kind.DONE, followed.kind());
        assertEquals("/x", followed.redirect());
    }

    @Test
    void aSecondClickThatWaitedTooLongIsToldTheFirstIsStillSaving() {
        FormIntents intents = new FormIntents();
        intents.claim("t|save", 1);
        assertEquals(FormIntents.Claim.Kind.BUSY, intents.claim("t|save", 0).kind());
    }
}
