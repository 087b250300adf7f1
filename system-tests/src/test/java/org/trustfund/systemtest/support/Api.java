package org.trustfund.systemtest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.json.Json;

/**
 * Calls the REST API as one user, with HTTP Basic, over {@link HttpClient}. Redirects are not followed, so a
 * test sees what the API itself answers. JSON is read and written with the parser Selenium already brings.
 */
public final class Api {

    private static final Json JSON = new Json();
    // Starts at a random point, so two runs against one server (by hand) do not share addresses either.
    private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES =
            new java.util.concurrent.atomic.AtomicInteger(new java.security.SecureRandom().nextInt(1 << 22));
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    // HTTP/1.1, as browsers speak plain HTTP (the system tests' clients all do): the JDK's default is an h2c upgrade,
    // which once got an answer it read as a garbled HTTP/2 frame from Payara's Grizzly on the large OpenAPI document.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String authorization;
    private final String language;
    private final String clientAddress;

    private Api(String baseUrl, String authorization, String language, String clientAddress) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.language = language;
        this.clientAddress = clientAddress;
    }

    /** Calls without credentials. */
    public static Api anonymous(RunningSystem system) {
        return new Api(system.baseUrl(), null, null, null);
    }

    public static Api as(RunningSystem system, String username, String password) {
        String pair = username + ":" + password;
        return new Api(system.baseUrl(), "Basic " + Base64.getEncoder().encodeToString(
                pair.getBytes(StandardCharsets.UTF_8)), null, null);
    }

    /** Calls with a personal API token. */
    public static Api withToken(RunningSystem system, String secret) {
        return new Api(system.baseUrl(), "Bearer " + secret, null, null);
    }

    public static Api asAdmin(RunningSystem system) {
        return as(system, "admin", system.adminPassword());
    }

    /** The same caller, asking for messages in another language (an Accept-Language value). */
    public Api inLanguage(String acceptLanguage) {
        return new Api(baseUrl, authorization, acceptLanguage, clientAddress);
    }

    /**
     * The same caller, as if from another client address: sent as X-Forwarded-For, which the test system
     * believes from 127.0.0.1 (its trusted proxy). Tests that fail sign-ins on purpose use an address of their
     * own, so their throttling touches no other test.
     */
    public Api from(String address) {
        return new Api(baseUrl, authorization, language, address);
    }

    /** A client address no other test uses, in the 10.0.0.0/8 block. */
    public static String uniqueAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "10." + ((n >> 16) & 0xff) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
    }

    /** A path under the application, e.g. {@code /api/donors}. */
    public Reply get(String path) {
        return send(request(path).GET());
    }

    /** Sends a map, list or string as the JSON body; a string is sent as it is. */
    public Reply post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.toJson(body))));
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    public Reply put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.toJson(body))));
    }

    /** A GET whose answer is a file (a workbook): its bytes as sent, with status and headers. */
    public Download download(String path) {
        try {
            HttpResponse<byte[]> response = http.send(request(path).setHeader("Accept", "*/*").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A file the server sent. */
    public record Download(int status, Map<String, List<String>> headers, byte[] bytes) {

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }
    }

    /** A URL outside the application on the same server, e.g. {@code /openapi}. */
    public Reply getFromServerRoot(String path) {
        String serverRoot = URI.create(baseUrl).resolve("/").toString();
        return send(HttpRequest.newBuilder(URI.create(serverRoot + path.substring(1))).timeout(TIMEOUT).GET());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        if (clientAddress != null) {
            request.header("X-Forwarded-For", clientAddress);
        }
        return request;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the server answered. */
    public record Reply(int status, Map<String, List<String>> headers, String body) {

        public Map<String, Object> json() {
            return JSON.toType(body, Json.MAP_TYPE);
        }

        /** A reply that is a JSON array of objects. */
        public List<Map<String, Object>> jsonList() {
            return JSON.toType(body, Json.LIST_OF_MAPS_TYPE);
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        /** The reply as text, for assertion messages. */
        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** A user name and password the API accepts. */
    public record User(String username, String password) {

        public Api api(RunningSystem system) {
            return Api.as(system, username, password);
        }
    }

    /**
     * A user with this role (its label as the users page shows it, e.g. "Finance officer") and their own
     * password, put straight into the database as if made and readied long ago: the set-up of tests that are
     * not about user administration (that page and the first password change have their own tests, which
     * use {@link Accounts#createUser}).
     */
    public static User readyUser(RunningSystem system, String prefix, String roleLabel) {
        String username = Accounts.uniqueUsername(prefix);
        return new User(username, ReadyUsers.insert(system, username, ReadyUsers.role(roleLabel)));
    }

    /** A ready DONOR user linked to that donor, as {@link #readyUser(RunningSystem, String, String)}. */
    public static User readyDonorUser(RunningSystem system, String prefix, long donor) {
        String username = Accounts.uniqueUsername(prefix);
        return new User(username, ReadyUsers.insert(system, username, "DONOR", donor));
    }
}
