package org.trustfund.systemtest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's page session driven over plain HTTP (cookies kept, redirects not followed): much faster than a
 * browser where what is tested is the server's answer, not what the page does in the browser. It posts JSF
 * forms as the browser would, with the view state of the page it last read, and may pose as another client
 * address (X-Forwarded-For, believed from the test system's trusted proxy 127.0.0.1).
 */
public final class FormSession {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String clientAddress;

    public FormSession(RunningSystem system, String clientAddress) {
        this.baseUrl = system.baseUrl();
        this.clientAddress = clientAddress;
    }

    /** What the server answered: status, where it redirects (if it does) and the page. */
    public record Page(int status, String location, String body) {
        public boolean redirectsTo(String path) {
            return (status == 302 || status == 303) && location != null && location.contains(path);
        }
    }

    public Page get(String path) {
        return send(request(path).GET());
    }

    /** Signs in through the sign-in form; a success answers with a redirect to the dashboard. */
    public Page signIn(String username, String password) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("signin:username", username);
        fields.put("signin:password", password);
        return submit("/login.xhtml", "signin", "signin:submit", fields);
    }

    /**
     * Reads the page, then posts its form {@code formId} with these fields and the button {@code buttonId}
     * (a non-AJAX submit, as a browser sends it).
     */
    public Page submit(String path, String formId, String buttonId, Map<String, String> fields) {
        Page page = get(path);
        if (page.status() != 200) {
            return page;
        }
        Matcher viewState = VIEW_STATE.matcher(page.body());
        if (!viewState.find()) {
            throw new IllegalStateException("No view state on " + path + ": " + page.body());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put(formId, formId);
        form.putAll(fields);
        form.put(buttonId, "");
        form.put("jakarta.faces.ViewState", viewState.group(1));
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Accept-Language", "en");
        if (clientAddress != null) {
            request.header("X-Forwarded-For", clientAddress);
        }
        return request;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
