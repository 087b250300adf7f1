package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/**
 * The page a person sees while the database is away, as the server renders it: 503 with Retry-After, the
 * notice in their language and a link back to the page they were on, never to another site. The outage itself
 * cannot be made here (every test class shares this run's one database); how a failure is recognised is
 * tested in the web module ({@code DatabaseUnreachableTest}) and the whole outage was tried by hand (README).
 */
@ExtendWith(SystemExtension.class)
class DatabaseUnreachableNoticeIT {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void theNoticeSaysTryAgainInTheUsersLanguageWithALinkBackToThePage(RunningSystem system) throws Exception {
        String donors = "/trustfund/finance/donors.xhtml?name=Norway";
        HttpResponse<String> english = notice(system, donors, "en");
        assertEquals(503, english.statusCode());
        assertEquals("5", english.headers().firstValue("Retry-After").orElse(""));
        assertTrue(english.body().contains("The database is not reachable, try again in a moment."), english.body());
        assertTrue(english.body().contains("<a id=\"retry\" href=\"/trustfund/finance/donors.xhtml?name=Norway\">"
                + "Try again</a>"), english.body());
        assertFalse(english.body().contains("errorReference"), "an outage is not a fault to report");

        HttpResponse<String> french = notice(system, donors, "fr");
        assertEquals(503, french.statusCode());
        assertTrue(french.body().contains("La base de données n’est pas joignable, réessayez dans un instant."),
                french.body());
        assertTrue(french.body().contains(">Réessayer</a>"), french.body());

        for (String elsewhere : new String[] {"https://evil.example/", "//evil.example/trustfund/x", "/other/app"}) {
            HttpResponse<String> refused = notice(system, elsewhere, "en");
            assertEquals(503, refused.statusCode());
            assertFalse(refused.body().contains("id=\"retry\""), elsewhere + " offered as a page to try again");
        }
    }

    private HttpResponse<String> notice(RunningSystem system, String retry, String language)
            throws IOException, InterruptedException {
        String path = "/error.xhtml?database=unreachable&retry=" + URLEncoder.encode(retry, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(system.baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Accept-Language", language).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
