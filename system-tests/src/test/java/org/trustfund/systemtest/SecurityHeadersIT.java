package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.json.Json;
import org.trustfund.systemtest.support.Accounts;
import org.trustfund.systemtest.support.Api;
import org.trustfund.systemtest.support.Api.Reply;
import org.trustfund.systemtest.support.Api.User;
import org.trustfund.systemtest.support.Browser;
import org.trustfund.systemtest.support.ReferenceFixture;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/**
 * What the application answers besides its content, read on the wire: the security headers on pages and API
 * answers, the session cookie's flags (Secure only when a trusted proxy says the browser used TLS), the
 * size limits of API bodies and uploads, what a donor user reads about staff, and that every page works
 * under its Content-Security-Policy in Chromium.
 */
@ExtendWith(SystemExtension.class)
class SecurityHeadersIT {

    private static final Json JSON = new Json();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void pagesAndApiAnswersCarryTheSecurityHeaders(RunningSystem system, Browser browser) throws Exception {
        HttpResponse<String> signIn = get(system, "/login.xhtml", Map.of());
        assertEquals(200, signIn.statusCode());
        String pagePolicy = assertCommonHeaders(signIn, "sign-in page");
        assertTrue(pagePolicy.matches(".*script-src 'self' 'nonce-[A-Za-z0-9+/=_-]+'.*"), pagePolicy);
        assertFalse(pagePolicy.contains("unsafe-eval"), pagePolicy);
        assertFalse(pagePolicy.matches(".*script-src[^;]*'unsafe-inline'.*"), pagePolicy);
        assertEquals(1, signIn.headers().allValues("Content-Security-Policy").size(), "one policy, not two");

        Accounts.signIn(browser, "admin", system.adminPassword());
        browser.waitForPath("/app/dashboard.xhtml");
        Cookie session = browser.cookie("JSESSIONID");
        HttpResponse<String> dashboard = get(system, "/app/dashboard.xhtml",
                Map.of("Cookie", "JSESSIONID=" + session.getValue()));
        assertEquals(200, dashboard.statusCode(), "signed in with the browser's session");
        assertTrue(dashboard.body().contains("signOutButton"), "a signed-in page");
        assertCommonHeaders(dashboard, "signed-in page");
        assertEquals("no-store", dashboard.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(dashboard.headers().firstValue("Content-Security-Policy").orElse("").contains("'nonce-"));

        Reply me = Api.asAdmin(system).get("/api/me");
        assertEquals(200, me.status(), me::toString);
        String apiPolicy = me.header("Content-Security-Policy").orElse("");
        assertTrue(apiPolicy.contains("default-src 'none'") && apiPolicy.contains("frame-ancestors 'none'"), apiPolicy);
        assertEquals("nosniff", me.header("X-Content-Type-Options").orElse(""));
        assertEquals("DENY", me.header("X-Frame-Options").orElse(""));
        assertEquals("no-store", me.header("Cache-Control").orElse(""), "every API answer");
        assertTrue(me.header("Referrer-Policy").isPresent());

        // PrimeFaces' own script stays cacheable: it is the same for everyone.
        String script = firstScript(signIn.body());
        HttpResponse<String> resource = get(system, script.substring(script.indexOf("/jakarta.faces.resource/")),
                Map.of());
        assertEquals(200, resource.statusCode(), script);
        assertFalse(resource.headers().firstValue("Cache-Control").orElse("").contains("no-store"), script);
        assertEquals("nosniff", resource.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndSecureOnlyBehindATrustedTlsProxy(RunningSystem system, Browser browser)
            throws Exception {
        List<String> plain = sessionCookies(get(system, "/login.xhtml", Map.of()));
        assertEquals(1, plain.size(), "the sign-in page opens a session: " + plain);
        List<String> flags = flags(plain.get(0));
        assertTrue(flags.contains("httponly"), plain.toString());
        assertTrue(flags.contains("samesite=lax"), plain.toString());
        assertFalse(flags.contains("secure"), "plain HTTP from the browser itself: " + plain);

        // The session opened by the sign-in mechanism's redirect, before any application filter runs.
        HttpResponse<String> toSignIn = get(system, "/app/dashboard.xhtml", Map.of());
        assertEquals(302, toSignIn.statusCode());
        List<String> redirected = sessionCookies(toSignIn);
        assertEquals(1, redirected.size(), toSignIn.headers().map().toString());
        assertTrue(flags(redirected.get(0)).contains("samesite=lax"), redirected.toString());
        assertTrue(flags(redirected.get(0)).contains("httponly"), redirected.toString());

        // The cookie that replaces the session at sign-in has the same flags.
        Accounts.signIn(browser, "admin", system.adminPassword());
        browser.waitForPath("/app/dashboard.xhtml");
        Cookie signedIn = browser.cookie("JSESSIONID");
        assertTrue(signedIn.isHttpOnly(), signedIn.toString());
        assertEquals("Lax", signedIn.getSameSite(), signedIn.toString());
        assertFalse(signedIn.isSecure(), signedIn.toString());
    }

    @Test
    void theSessionCookieIsSecureWhenTheTrustedProxySaysTheBrowserUsedTls(RunningSystem system) throws Exception {
        // The test system trusts 127.0.0.1 as a TLS-terminating proxy (trustfund.trustedProxies).
        List<String> proxied = sessionCookies(get(system, "/login.xhtml", Map.of("X-Forwarded-Proto", "https")));
        assertEquals(1, proxied.size(), proxied.toString());
        List<String> proxiedFlags = flags(proxied.get(0));
        assertTrue(proxiedFlags.contains("secure"), "TLS at the trusted proxy: " + proxied);
        assertTrue(proxiedFlags.contains("httponly") && proxiedFlags.contains("samesite=lax"), proxied.toString());
        assertFalse(flags(sessionCookies(get(system, "/login.xhtml", Map.of("X-Forwarded-Proto", "http"))).get(0))
                .contains("secure"), "plain HTTP at the proxy");
    }

    @Test
    void apiBodiesOverOneMegabyteAreRefusedWith413AsJson(RunningSystem system) throws Exception {
        User officer = Api.readyUser(system, "officer", "Finance officer");
        byte[] body = twoMegabytesOfJson();
        HttpRequest.Builder withLength = apiPost(system, "/api/donors")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        assertTooLarge(http.send(withLength.build(), HttpResponse.BodyHandlers.ofString()), "with Content-Length");

        // A publisher of unknown length is sent chunked over HTTP/1.1, without Content-Length.
        HttpRequest.Builder chunked = apiPost(system, "/api/donors").version(HttpClient.Version.HTTP_1_1)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        assertTooLarge(http.send(chunked.build(), HttpResponse.BodyHandlers.ofString()), "chunked");

        // A small chunked body still reaches the API whole: a finance officer's donor is created from it.
        String name = "Chunked donor " + Accounts.uniqueUsername("d");
        byte[] small = ("{\"name\": \"" + name + "\", \"stakeholderGroup\": \"GOVERNMENT\", \"country\": \"FI\","
                + " \"publiclyNamed\": true}").getBytes(StandardCharsets.UTF_8);
        ReferenceFixture.ensure(system);
        HttpResponse<String> created = http.send(apiPost(system, "/api/donors", officer)
                .version(HttpClient.Version.HTTP_1_1).POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains(name), created.body());
    }

    @Test
    void anUploadOverTenMegabytesShowsTheMessageAtTheField(RunningSystem system, Browser browser) throws Exception {
        User officer = Api.readyUser(system, "officer", "Finance officer");
        Accounts.signIn(browser, officer.username(), officer.password());
        browser.waitForPath("/app/dashboard.xhtml");
        browser.open("/finance/import-contributions.xhtml");
        Path big = Files.createTempFile("eleven-megabytes-", ".xlsx");
        try {
            try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
                file.setLength(11L * 1024 * 1024);
            }
            WebElement input = browser.all(By.cssSelector("#import input[type=file]")).get(0);
            input.sendKeys(big.toAbsolutePath().toString());
            browser.click("import:upload");
            browser.waitForText("The file is larger than 10 MB");
            assertTrue(browser.currentPath().startsWith("/finance/import-contributions.xhtml"), browser.currentPath());
            assertFalse(browser.isPresent("errorReference"), "not the error page: " + browser.pageText());

            // The same upload past the page's own check, as a script would send it: the server refuses it
            // and sends the browser back to the page, which says why at the field.
            String session = browser.cookie("JSESSIONID").getValue();
            String boundary = "----tf" + System.nanoTime();
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"import:file\"; "
                    + "filename=\"big.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            HttpRequest post = HttpRequest.newBuilder(URI.create(system.baseUrl() + "/finance/import-contributions.xhtml"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Cookie", "JSESSIONID=" + session)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                            HttpRequest.BodyPublishers.ofFile(big), HttpRequest.BodyPublishers.ofByteArray(tail)))
                    .build();
            HttpResponse<String> refused = http.send(post, HttpResponse.BodyHandlers.ofString());
            assertEquals(303, refused.statusCode(), refused.body());
            String location = refused.headers().firstValue("Location").orElse("");
            assertTrue(location.endsWith("/finance/import-contributions.xhtml?upload=tooLarge"), location);
            browser.open("/finance/import-contributions.xhtml?upload=tooLarge");
            assertTrue(browser.text("import:fileMessage").contains("The file is larger than 10 MB"),
                    browser.pageText());
        } finally {
            Files.deleteIfExists(big);
        }
    }

    @Test
    void aDonorUserReadsNoStaffUserNames(RunningSystem system) {
        ReferenceFixture.ensure(system);
        User officer = Api.readyUser(system, "officer", "Finance officer");
        User certifier = Api.readyUser(system, "certifier", "Certifying officer");
        User donorUser = Api.readyUser(system, "donoruser", "Donor");
        Api admin = Api.asAdmin(system);
        Api finance = officer.api(system);

        Reply donorCreated = finance.post("/api/donors", Map.of("name", "Staff-blind donor "
                + Accounts.uniqueUsername("d"), "stakeholderGroup", "GOVERNMENT", "country", "FI", "publiclyNamed", true));
        assertEquals(201, donorCreated.status(), donorCreated::toString);
        long donor = number(donorCreated.json().get("id"));
        long fund = items(admin.get("/api/funds")).stream().filter(f -> "IGF".equals(f.get("code")))
                .map(f -> number(f.get("id"))).findFirst().orElseThrow();
        Reply recorded = finance.post("/api/contributions", Map.of("donorId", donor, "fundId", fund,
                "receivedDate", "2025-03-05", "amount", Map.of("amount", "250.00", "currency", "USD"),
                "bankReference", "BNK-" + Accounts.uniqueUsername("r")));
        assertEquals(201, recorded.status(), recorded::toString);
        long contribution = number(recorded.json().get("id"));
        Reply certified = certifier.api(system).post("/api/contributions/" + contribution + "/certification",
                Map.of("version", recorded.json().get("version")));
        assertEquals(200, certified.status(), certified::toString);

        Map<String, Object> account = items(admin.get("/api/users?username=" + donorUser.username())).get(0);
        Reply linked = admin.put("/api/users/" + number(account.get("id")) + "/donor",
                Map.of("version", account.get("version"), "donorId", donor));
        assertEquals(200, linked.status(), linked::toString);

        Api asDonor = donorUser.api(system);
        List<Reply> donorReads = List.of(asDonor.get("/api/contributions/" + contribution),
                asDonor.get("/api/contributions?donorId=" + donor), asDonor.get("/api/donors/" + donor));
        for (Reply read : donorReads) {
            assertEquals(200, read.status(), read::toString);
            assertFalse(read.body().contains(officer.username()), "no recorder's user name: " + read.body());
            assertFalse(read.body().contains(certifier.username()), "no certifier's user name: " + read.body());
        }
        Map<String, Object> seen = donorReads.get(0).json();
        assertEquals("UN Trust Fund staff", seen.get("recordedBy"), seen.toString());
        assertEquals("UN Trust Fund staff", seen.get("certifiedBy"), seen.toString());
        assertEquals("UN Trust Fund staff", donorReads.get(2).json().get("createdBy"));
        Reply inFrench = asDonor.inLanguage("fr").get("/api/contributions/" + contribution);
        assertTrue(inFrench.json().get("recordedBy").toString().startsWith("Personnel du Fonds"), inFrench::toString);

        // Staff still see who did what.
        Map<String, Object> staffView = finance.get("/api/contributions/" + contribution).json();
        assertEquals(officer.username(), staffView.get("recordedBy"));
        assertEquals(certifier.username(), staffView.get("certifiedBy"));
    }

    @Test
    void everyPageWorksUnderItsContentSecurityPolicy(RunningSystem system, Browser browser) {
        browser.open("/login.xhtml");
        assertNoViolations(browser, "/login.xhtml");
        Accounts.signIn(browser, "admin", system.adminPassword());
        browser.waitForPath("/app/dashboard.xhtml");
        assertNoViolations(browser, "sign-in and dashboard");
        for (String page : List.of("/finance/donors.xhtml", "/finance/contributions.xhtml",
                "/finance/ledger-check.xhtml", "/finance/import-contributions.xhtml", "/admin/reference/funds.xhtml",
                "/admin/reference/countries.xhtml", "/admin/reference/currencies.xhtml",
                "/admin/reference/rates.xhtml", "/audit/audit-log.xhtml", "/app/account/change-password.xhtml",
                "/admin/users.xhtml")) {
            browser.open(page);
            browser.settle();
            // The error page has no menu (and an error reference); a page of the application has both menu and sign-out.
            assertTrue(browser.isPresent("signout:signOutButton") && !browser.isPresent("errorReference"),
                    page + " is not the error page: " + browser.pageText());
            assertNoViolations(browser, page);
        }
        // A PrimeFaces button's click handler (moved out of the markup by PrimeFaces' CSP mode) still opens
        // its dialog, and an AJAX update runs its scripts.
        browser.click("users:newUserButton");
        assertTrue(browser.waitUntil(Duration.ofSeconds(10), () -> browser.isDisplayed("newUser:username")),
                "the new user dialog opened");
        browser.open("/finance/donors.xhtml");
        browser.settle();
        assertNoViolations(browser, "dialog and donors");
    }

    private static void assertNoViolations(Browser browser, String where) {
        List<String> violations = browser.cspViolations();
        assertTrue(violations.isEmpty(), where + ": " + violations);
    }

    private static String assertCommonHeaders(HttpResponse<?> response, String what) {
        String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
        for (String directive : List.of("frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'",
                "form-action 'self'")) {
            assertTrue(policy.contains(directive), what + ": " + policy);
        }
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), what);
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(""), what);
        String referrer = response.headers().firstValue("Referrer-Policy").orElse("");
        assertTrue(referrer.equals("same-origin") || referrer.equals("strict-origin-when-cross-origin"), referrer);
        return policy;
    }

    private static void assertTooLarge(HttpResponse<String> response, String how) {
        assertEquals(413, response.statusCode(), how + ": " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                how + ": " + response.headers().map());
        Map<String, Object> error = JSON.toType(response.body(), Json.MAP_TYPE);
        assertEquals(413L, error.get("status"), response.body());
        assertTrue(error.get("message").toString().contains("1 MB"), response.body());
    }

    private HttpRequest.Builder apiPost(RunningSystem system, String path) {
        return apiPost(system, path, new User("admin", system.adminPassword()));
    }

    private HttpRequest.Builder apiPost(RunningSystem system, String path, User user) {
        String basic = java.util.Base64.getEncoder().encodeToString((user.username() + ":" + user.password())
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(system.baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    /** A syntactically valid JSON object of 2 MB: the limit must not depend on the body being broken. */
    private static byte[] twoMegabytesOfJson() {
        return ("{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\", \"stakeholderGroup\": \"GOVERNMENT\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(RunningSystem system, String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.baseUrl() + path))
                .timeout(Duration.ofSeconds(60)).GET();
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static List<String> sessionCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).toList();
    }

    private static List<String> flags(String setCookie) {
        List<String> flags = new ArrayList<>();
        Arrays.stream(setCookie.split(";")).skip(1).map(String::trim).map(String::toLowerCase).forEach(flags::add);
        return flags;
    }

    private static String firstScript(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<script[^>]+src=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "the sign-in page loads a script");
        return m.group(1).replace("&amp;", "&");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return (List<Map<String, Object>>) reply.json().get("items");
    }

    private static long number(Object value) {
        return ((Number) Optional.ofNullable(value).orElseThrow()).longValue();
    }
}
