package org.trustfund.systemtest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser-like HTTP session on the pages, without a browser: {@link HttpClient} with a cookie jar, JSF
 * forms submitted as a browser would (the form's hidden fields, its view state, the page's CSP nonce that
 * PrimeFaces' script adds, the fields given and the button pressed, as a full non-AJAX request). Redirects are not followed, so a caller sees whether a page
 * answered itself, refused (403) or sent to the sign-in page. Much faster than Chromium where only the
 * server's answer matters.
 */
public final class PageSession {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern NONCE = Pattern.compile("<script\\b[^>]*\\bnonce=\"([^\"]+)\"");
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:.-]+)\\s*=\\s*\"([^\"]*)\"");

    private final HttpClient http;
    private final String baseUrl;
    private final String clientAddress;

    private PageSession(String baseUrl, String clientAddress) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.clientAddress = clientAddress;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A visitor who has not signed in. */
    public static PageSession anonymous(RunningSystem system) {
        return new PageSession(system.baseUrl(), null);
    }

    /**
     * A visitor at another client address: sent as X-Forwarded-For, which the test system believes from
     * 127.0.0.1, its trusted proxy (see {@code Api.from}).
     */
    public static PageSession from(RunningSystem system, String clientAddress) {
        return new PageSession(system.baseUrl(), clientAddress);
    }

    /**
     * Signs in through the sign-in form; fails unless the server accepted the password (a redirect away
     * from the sign-in page). A user with a temporary password lands on the change-password page next.
     */
    public static PageSession signIn(RunningSystem system, String username, String password) {
        PageSession session = new PageSession(system.baseUrl(), null);
        Page answer = session.attemptSignIn(username, password);
        if (answer.status() != 302 || answer.redirectsToSignIn()) {
            throw new IllegalStateException("Sign-in of " + username + " was refused: " + answer.summary());
        }
        return session;
    }

    /** Signs in (again) through the sign-in form in this session; what the server answered, accepted or not. */
    public Page attemptSignIn(String username, String password) {
        return submit(get("/login.xhtml"), "signin",
                Map.of("signin:username", username, "signin:password", password), "signin:submit");
    }

    /** A path under the application, with its query, e.g. {@code /finance/donor.xhtml?id=4}. */
    public Page get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(TIMEOUT).GET(), pathAndQuery);
    }

    /**
     * Submits form {@code formId} of {@code page} as a press of button {@code buttonId}: the form's hidden
     * fields (its marker and the view state) plus {@code fields}. Each value of a multi-valued field (a group of
     * check boxes) is given as a separate entry with the same name in {@link #fields(String...)}.
     */
    public Page submit(Page page, String formId, Map<String, String> fields, String buttonId) {
        return submit(page, formId, fields.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList(),
                buttonId);
    }

    public Page submit(Page page, String formId, List<Map.Entry<String, String>> fields, String buttonId) {
        String form = page.form(formId).orElseThrow(() -> new IllegalStateException(
                "No form " + formId + " on " + page.path() + ": " + page.summary()));
        Matcher action = Pattern.compile("\\baction=\"([^\"]*)\"").matcher(form);
        if (!action.find()) {
            throw new IllegalStateException("Form " + formId + " has no action");
        }
        List<Map.Entry<String, String>> body = new ArrayList<>();
        Matcher input = INPUT.matcher(form);
        while (input.find()) {
            Map<String, String> attributes = attributes(input.group());
            if ("hidden".equalsIgnoreCase(attributes.get("type")) && attributes.containsKey("name")) {
                body.add(Map.entry(attributes.get("name"), attributes.getOrDefault("value", "")));
            }
        }
        // PrimeFaces' script puts the page's CSP nonce into every form; a post without it is refused.
        Matcher nonce = NONCE.matcher(page.body());
        if (nonce.find()) {
            body.add(Map.entry("primefaces.nonce", unescape(nonce.group(1))));
        }
        body.addAll(fields);
        body.add(Map.entry(buttonId, buttonId));
        StringBuilder encoded = new StringBuilder();
        for (Map.Entry<String, String> field : body) {
            if (encoded.length() > 0) {
                encoded.append('&');
            }
            encoded.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
        }
        String target = unescape(action.group(1));
        URI uri = URI.create(baseUrl).resolve(target);
        return send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded.toString())), page.path() + " [" + buttonId + "]");
    }

    /** Name/value pairs in order, for {@link #submit(Page, String, List, String)}: name, value, name, value… */
    public static List<Map.Entry<String, String>> fields(String... namesAndValues) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
        }
        return fields;
    }

    private Page send(HttpRequest.Builder request, String path) {
        request.header("Accept-Language", "en");
        if (clientAddress != null) {
            request.header("X-Forwarded-For", clientAddress);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Page(path, response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(tag);
        while (m.find()) {
            attributes.put(m.group(1).toLowerCase(), unescape(m.group(2)));
        }
        return attributes;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** What the server answered to one request. */
    public record Page(String path, int status, Map<String, List<String>> headers, byte[] bytes) {

        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        /** A redirect to the sign-in page: what a visitor without a session gets for a protected page. */
        public boolean redirectsToSignIn() {
            return status / 100 == 3 && header("Location").map(l -> l.contains("/login.xhtml")).orElse(false);
        }

        /** The HTML of the form with this id, from its start tag to its end tag. */
        public Optional<String> form(String formId) {
            String html = body();
            Matcher start = Pattern.compile("<form\\b[^>]*\\bid=\"" + Pattern.quote(formId) + "\"[^>]*>").matcher(html);
            if (!start.find()) {
                return Optional.empty();
            }
            int end = html.indexOf("</form>", start.end());
            return Optional.of(html.substring(start.start(), end < 0 ? html.length() : end));
        }

        /** Status, redirect target and the page's title, for messages. */
        public String summary() {
            Matcher title = Pattern.compile("<title>([^<]*)</title>").matcher(body());
            return status + header("Location").map(l -> " -> " + l).orElse("")
                    + (title.find() ? " \"" + title.group(1).trim() + "\"" : "");
        }
    }
}
