package org.trustfund.web.platform;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * One-time form tokens: each form that creates or changes a record carries one ({@code <tf:once/>}, a new token
 * every time the form is rendered), and {@link OnceActionListener} lets each button act once per token. A second
 * submission of the same token and button (a double click, or Back and Save again on the page the browser kept)
 * waits for the first and then gets its outcome instead of acting again. Kept per session: the tokens are only
 * meaningful to the user who was given them.
 */
@Named("formIntent")
@SessionScoped
public class FormIntents implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The request parameter that carries the token. */
    public static final String PARAM = "tf-once";

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Enough for the forms one person submits in a session; the oldest are forgotten first. */
    private static final int KEPT = 500;

    /** How long a second click waits for the first before saying that it is still being saved. */
    static final long WAIT_SECONDS = 30;

    // Futures are not serializable: after a session is restored from disk, nothing is in progress anyway.
    private transient Map<String, Intent> intents;

    /** A new token, for the form being rendered. */
    public String getToken() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean isToken(String value) {
        return value != null && TOKEN.matcher(value).matches();
    }

    /**
     * Claims an intent: the first claim of a key runs the action; a later one waits for it (at most
     * {@code waitSeconds}) and gets its outcome. If the first failed (a message at a field, nothing saved), the
     * later claim runs in its turn.
     */
    Claim claim(String key, long waitSeconds) {
        while (true) {
            Intent existing;
            synchronized (this) {
                existing = intents().get(key);
                if (existing == null) {
                    Intent mine = new Intent(key);
                    intents().put(key, mine);
                    return new Claim(mine, Claim.Kind.RUN, null);
                }
            }
            try {
                Result result = existing.result.get(waitSeconds, TimeUnit.SECONDS);
                if (result.done()) {
                    return new Claim(existing, Claim.Kind.DONE, result.redirect());
                }
                // Released: the first attempt failed; try again (the key is free or someone else claimed it).
            } catch (TimeoutException e) {
                return new Claim(existing, Claim.Kind.BUSY, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Claim(existing, Claim.Kind.BUSY, null);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The action of a {@link Claim.Kind#RUN} claim succeeded; {@code redirect} is where it sent the user, if anywhere. */
    void finish(Claim claim, String redirect) {
        claim.intent().result.complete(new Result(true, redirect));
    }

    /** The action failed or saved nothing: the same token may try again. */
    void release(Claim claim) {
        synchronized (this) {
            intents().remove(claim.intent().key, claim.intent());
        }
        claim.intent().result.complete(new Result(false, null));
    }

    private Map<String, Intent> intents() {
        if (intents == null) {
            intents = new LinkedHashMap<>(64, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Intent> eldest) {
                    return size() > KEPT;
                }
            };
        }
        return intents;
    }

    private static final class Intent {
        private final String key;
        private final CompletableFuture<Result> result = new CompletableFuture<>();

        private Intent(String key) {
            this.key = key;
        }
    }

    private record Result(boolean done, String redirect) {
    }

    /** What a submission may do: run the action, replay the first one's outcome, or say the first is still running. */
    record Claim(Intent intent, Kind kind, String redirect) {
        enum Kind { RUN, DONE, BUSY }
    }
}
