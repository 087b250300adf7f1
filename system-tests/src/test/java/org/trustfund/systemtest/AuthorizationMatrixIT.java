package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.json.Json;
import org.trustfund.systemtest.support.Accounts;
import org.trustfund.systemtest.support.AuthorizationTable;
import org.trustfund.systemtest.support.AuthorizationTable.Expect;
import org.trustfund.systemtest.support.AuthorizationTable.Kind;
import org.trustfund.systemtest.support.AuthorizationTable.Row;
import org.trustfund.systemtest.support.AuthorizationTable.Who;
import org.trustfund.systemtest.support.PageSession;
import org.trustfund.systemtest.support.PageSession.Page;
import org.trustfund.systemtest.support.ReferenceFixture;
import org.trustfund.systemtest.support.Rows;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/**
 * Every role, and a visitor without a session, against every page, download and REST endpoint, as the table
 * in {@code authorization-matrix.md} says; and that table must name every view file, every file download and
 * every operation of the live OpenAPI document, so each new feature has to join it. Pages are asked for over
 * plain HTTP in one signed-in session per role (no browser), the API with HTTP Basic. Every failing cell is
 * collected and reported together.
 */
@ExtendWith(SystemExtension.class)
class AuthorizationMatrixIT {

    private static final Json JSON = new Json();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    /** For the API, without credentials of its own: each call carries its caller's Authorization header. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void theTableNamesEveryViewFileDownloadAndEndpointAndNothingThatIsGone(RunningSystem system) throws IOException {
        List<Row> rows = AuthorizationTable.read();
        List<String> problems = new ArrayList<>();
        Path webapp = webappSources();

        compare("view file", viewFiles(webapp), keys(rows, Kind.PAGE), problems);
        compare("file download", downloads(webapp), keys(rows, Kind.DOWNLOAD), problems);
        compare("REST operation in /openapi", openApiOperations(system), keys(rows, Kind.API), problems);

        assertTrue(problems.isEmpty(), problems.size() + " difference(s) between " + AuthorizationTable.RESOURCE
                + " and the application; add or remove a row for each:\n" + String.join("\n", problems));
    }

    @Test
    void everyRoleAndAnonymousGetWhatTheTableSaysOnEveryPageDownloadAndEndpoint(RunningSystem system) {
        long start = System.nanoTime();
        List<Row> rows = AuthorizationTable.read();
        Fixture fixture = Fixture.create(system);
        long setUp = System.nanoTime();

        // Each role's cells in order on one thread, two roles at a time: one user's requests never overlap, and
        // both cores stay busy while HTTP Basic hashes the password of each API call.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<List<Failure>>> perRole = new ArrayList<>();
        try {
            for (Who who : Who.values()) {
                perRole.add(pool.submit(() -> failuresOf(system, fixture, rows, who)));
            }
            List<Failure> failures = new ArrayList<>();
            for (Future<List<Failure>> role : perRole) {
                failures.addAll(role.get());
            }
            report(rows, failures, start, setUp);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A cell could not be checked", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Failure> failuresOf(RunningSystem system, Fixture fixture, List<Row> rows, Who who) {
        List<Failure> failures = new ArrayList<>();
        for (Row row : rows) {
            String failure = switch (row.kind()) {
                case PAGE -> checkPage(fixture, row, who);
                case DOWNLOAD -> checkDownload(fixture, row, who);
                case API -> checkApi(system, fixture, row, who);
            };
            if (failure != null) {
                failures.add(new Failure(row, who, failure));
            }
        }
        return failures;
    }

    /** A cell that did not answer as the table says. */
    private record Failure(Row row, Who who, String what) {
        @Override
        public String toString() {
            return AuthorizationTable.RESOURCE + ":" + row.line() + " " + row.key() + " as " + who + ": " + what;
        }
    }

    private static void report(List<Row> rows, List<Failure> failures, long start, long setUp) {
        int cells = rows.size() * Who.values().length;
        System.out.printf("Authorization matrix: %d rows, %d cells, %d failing; set-up %.1f s, cells %.1f s%n",
                rows.size(), cells, failures.size(), (setUp - start) / 1e9, (System.nanoTime() - setUp) / 1e9);
        failures.sort(Comparator.comparingInt((Failure f) -> f.row().line()).thenComparing(Failure::who));
        failures.forEach(f -> System.out.println("  FAILS " + f));
        assertTrue(failures.isEmpty(), failures.size() + " of " + cells + " cells of the authorization matrix fail:\n"
                + failures.stream().map(Failure::toString).collect(Collectors.joining("\n")));
    }

    // ---- pages and downloads ----

    /** Null when the page answers as the table says, else what it did. */
    private static String checkPage(Fixture fixture, Row row, Who who) {
        Page page = fixture.sessions.get(who).get(fixture.resolve(row.request(), true));
        String failure = verdictOf(page, who, row.key().equals("/login.xhtml"))
                .mismatch(row.expected().get(who), page.summary());
        if (failure != null || row.expected().get(who) != Expect.OWN) {
            return failure;
        }
        // OWN: the donor's own record opens; another donor's answers 403.
        Page other = fixture.sessions.get(who).get(fixture.resolve(row.request(), false));
        return verdictOf(other, who, false) == Verdict.DENY ? null
                : "expected DENY for another donor's record, got " + other.summary();
    }

    private static String checkDownload(Fixture fixture, Row row, Who who) {
        PageSession session = fixture.sessions.get(who);
        Page page = session.get(fixture.resolve(row.request(), true));
        Verdict onPage = verdictOf(page, who, false);
        if (onPage != Verdict.ALLOW) {
            // No page, no button: the download is as closed as its page.
            return onPage.mismatch(row.expected().get(who), "the page answered " + page.summary());
        }
        Page download = session.submit(page, row.formId(), Map.of(), row.button());
        boolean attachment = download.status() == 200
                && download.header("Content-Disposition").map(d -> d.contains("attachment")).orElse(false)
                && download.bytes().length > 0;
        Verdict verdict = attachment ? Verdict.ALLOW : verdictOf(download, who, false) == Verdict.DENY
                ? Verdict.DENY : Verdict.OTHER;
        String failure = verdict.mismatch(row.expected().get(who), "the download answered " + download.summary()
                + download.header("Content-Disposition").map(d -> " (" + d + ")").orElse(""));
        if (failure != null || row.expected().get(who) != Expect.OWN) {
            return failure;
        }
        // OWN: another donor's record's page answers 403, so there is no button to press.
        Page other = session.get(fixture.resolve(row.request(), false));
        return verdictOf(other, who, false) == Verdict.DENY ? null
                : "expected DENY for another donor's record's page, got " + other.summary();
    }

    private static Verdict verdictOf(Page page, Who who, boolean signInPage) {
        if (page.status() == 200 && (signInPage || !page.body().contains("id=\"signin\""))) {
            return Verdict.ALLOW;
        }
        boolean denied = who == Who.ANONYMOUS ? page.redirectsToSignIn() : page.status() == 403;
        return denied ? Verdict.DENY : Verdict.OTHER;
    }

    // ---- REST API ----

    private static String checkApi(RunningSystem system, Fixture fixture, Row row, Who who) {
        Expect expected = row.expected().get(who);
        String authorization = fixture.basic.get(who);
        Reply own = call(system, row.method(), fixture.resolve(row.request(), true), authorization);
        Verdict onOwn = verdictOf(own, row.method(), who);
        if (expected == Expect.ALLOW || expected == Expect.DENY) {
            return onOwn.mismatch(expected, own.summary());
        }
        // OWN and SCOPED: the donor's own records first, then another donor's.
        String failure = onOwn.mismatch(Expect.ALLOW, "own donor's records: " + own.summary());
        if (failure != null) {
            return failure;
        }
        Reply other = call(system, row.method(), fixture.resolve(row.request(), false), authorization);
        Verdict onOther = verdictOf(other, row.method(), who);
        if (expected == Expect.OWN) {
            return onOther == Verdict.DENY ? null
                    : "expected DENY for another donor's records, got " + onOther + ": " + other.summary();
        }
        boolean namesOther = other.body().contains(fixture.otherDonorName);
        return onOther == Verdict.DENY || (onOther == Verdict.ALLOW && !namesOther) ? null
                : "asked for another donor's records, the answer " + (namesOther ? "names that donor" : "is " + onOther)
                        + ": " + other.summary();
    }

    private static Verdict verdictOf(Reply reply, String method, Who who) {
        int status = reply.status();
        if (who == Who.ANONYMOUS ? status == 401 : status == 403) {
            return Verdict.DENY;
        }
        if (status == 401 || status == 403 || status >= 500) {
            return Verdict.OTHER;
        }
        // A read with a real id must succeed; a write may stop at its input check (the body is {}).
        return "GET".equals(method) ? (status == 200 ? Verdict.ALLOW : Verdict.OTHER) : Verdict.ALLOW;
    }

    private static Reply call(RunningSystem system, String method, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.baseUrl() + path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if ("GET".equals(method) || "DELETE".equals(method)) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
        }
        return send(request.build(), method + " " + path);
    }

    private static Reply send(HttpRequest request, String what) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(what, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Reply(String what, int status, String body) {
        String summary() {
            return what + " -> " + status + (body.isEmpty() ? "" : " " + (body.length() > 160 ? body.substring(0, 160) + "…" : body));
        }
    }

    /** What a request got, in the table's terms; OTHER is neither a clean allow nor a clean deny. */
    private enum Verdict {
        ALLOW, DENY, OTHER;

        String mismatch(Expect expected, String seen) {
            Verdict wanted = expected == Expect.DENY ? DENY : ALLOW;
            return this == wanted ? null : "expected " + expected + ", got " + this + ": " + seen;
        }
    }

    // ---- completeness ----

    private static Path webappSources() {
        // Set by system-tests/pom.xml; the fallback works when the tests run from system-tests/.
        Path webapp = Path.of(System.getProperty("trustfund.webappSources", "../web/src/main/webapp")).toAbsolutePath()
                .normalize();
        assertTrue(Files.isDirectory(webapp), "The web module's sources are not at " + webapp
                + "; set -Dtrustfund.webappSources");
        return webapp;
    }

    /** Every view: each .xhtml under webapp except WEB-INF (templates) and resources (composite components). */
    private static Set<String> viewFiles(Path webapp) throws IOException {
        try (Stream<Path> files = Files.walk(webapp)) {
            return files.filter(f -> f.toString().endsWith(".xhtml"))
                    .map(f -> "/" + webapp.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> !f.startsWith("/WEB-INF/") && !f.startsWith("/resources/"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** Each p:fileDownload in a view, as "view formId:buttonId" of the form and command that hold it. */
    private static Set<String> downloads(Path webapp) throws IOException {
        Pattern form = Pattern.compile("<h:form\\b[^>]*?\\bid=\"([^\"]+)\"");
        Pattern command = Pattern.compile("<[ph]:command(?:Button|Link)\\b[^>]*?\\bid=\"([^\"]+)\"");
        Set<String> downloads = new TreeSet<>();
        for (String view : viewFiles(webapp)) {
            String source = Files.readString(webapp.resolve(view.substring(1)));
            for (int at = source.indexOf("<p:fileDownload"); at >= 0; at = source.indexOf("<p:fileDownload", at + 1)) {
                downloads.add(view + " " + lastBefore(form, source, at) + ":" + lastBefore(command, source, at));
            }
        }
        return downloads;
    }

    private static String lastBefore(Pattern pattern, String source, int end) {
        Matcher m = pattern.matcher(source.substring(0, end));
        String last = "?";
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    /** "METHOD /path/{template}" of every operation in the OpenAPI document the server publishes. */
    private static Set<String> openApiOperations(RunningSystem system) {
        String url = URI.create(system.baseUrl()).resolve("/openapi").toString();
        Reply reply = send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Accept", "application/json")
                .GET().build(), "GET /openapi");
        if (reply.status() == 401 || reply.status() == 403) {
            // Should the document go behind a sign-in, the administrator may read it.
            reply = send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Accept", "application/json")
                    .header("Authorization", basicAuthorization("admin", system.adminPassword())).GET().build(), "GET /openapi");
        }
        assertTrue(reply.status() == 200, "The OpenAPI document: " + reply.summary());
        Map<String, Object> document = jsonObject(reply.body());
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, item) -> item.keySet().stream()
                .filter(m -> Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(m))
                .forEach(m -> operations.add(m.toUpperCase() + " " + path)));
        return operations;
    }

    private static Set<String> keys(List<Row> rows, Kind kind) {
        return rows.stream().filter(r -> r.kind() == kind).map(Row::key).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void compare(String what, Set<String> actual, Set<String> inTable, List<String> problems) {
        actual.stream().filter(a -> !inTable.contains(a)).forEach(a -> problems.add("no row for " + what + " " + a));
        inTable.stream().filter(t -> !actual.contains(t))
                .forEach(t -> problems.add("a row for " + what + " " + t + ", which does not exist (any more)"));
    }

    static String basicAuthorization(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> jsonObject(String body) {
        return JSON.toType(body, Json.MAP_TYPE);
    }

    // ---- set-up ----

    /**
     * What the cells need, made fresh for this test: a user per role with their own password, signed in once
     * each (a page session per role) and their Basic credentials for the API; two donors, each with a pledge
     * and a recorded contribution; a pending reversal request of another contribution of the first; the DONOR user
     * linked to the first.
     */
    private record Fixture(Map<Who, PageSession> sessions, Map<Who, String> basic, Map<String, String> own,
            Map<String, String> other, String otherDonorName) {

        String resolve(String template, boolean ownRecords) {
            Map<String, String> values = ownRecords ? own : other;
            Matcher m = PLACEHOLDER.matcher(template);
            StringBuilder resolved = new StringBuilder();
            while (m.find()) {
                String value = values.get(m.group(1));
                if (value == null) {
                    throw new IllegalStateException("Unknown placeholder {" + m.group(1) + "} in " + template
                            + "; known: " + values.keySet());
                }
                m.appendReplacement(resolved, Matcher.quoteReplacement(value));
            }
            return m.appendTail(resolved).toString();
        }

        static Fixture create(RunningSystem system) {
            Map<Who, PageSession> sessions = new EnumMap<>(Who.class);
            Map<Who, String> basic = new EnumMap<>(Who.class);
            sessions.put(Who.ANONYMOUS, PageSession.anonymous(system));
            basic.put(Who.ANONYMOUS, null);
            PageSession admin = PageSession.signIn(system, "admin", system.adminPassword());
            sessions.put(Who.ADMIN, admin);
            basic.put(Who.ADMIN, basicAuthorization("admin", system.adminPassword()));
            Map<Who, String> usernames = new EnumMap<>(Who.class);
            for (Who who : List.of(Who.FINANCE_OFFICER, Who.CERTIFYING_OFFICER, Who.AUDITOR, Who.DONOR)) {
                String username = Accounts.uniqueUsername("matrix-" + who.name().toLowerCase().replace('_', '-'));
                String password = "own matrix pass phrase " + username;
                sessions.put(who, readyUser(system, admin, username, who.name(), password));
                basic.put(who, basicAuthorization(username, password));
                usernames.put(who, username);
            }

            String unique = Accounts.uniqueUsername("");
            String ownDonorName = "Matrix donor of the DONOR user" + unique;
            String otherDonorName = "Matrix donor of someone else" + unique;
            long ownDonor = ReferenceFixture.donor(system, ownDonorName);
            long otherDonor = ReferenceFixture.donor(system, otherDonorName);
            long ownPledge = ReferenceFixture.usdPledge(system, ownDonor, "2025-06-30");
            long otherPledge = ReferenceFixture.usdPledge(system, otherDonor, "2025-06-30");
            long fund = igfFund(system);
            String finance = basic.get(Who.FINANCE_OFFICER);
            long ownContribution = recordContribution(system, finance, ownDonor, fund, "MX-OWN" + unique);
            long otherContribution = recordContribution(system, finance, otherDonor, fund, "MX-OTHER" + unique);
            long approvedContribution = recordContribution(system, finance, ownDonor, fund, "MX-APPROVAL" + unique);
            long approval = reversalRequest(system, finance, basic.get(Who.CERTIFYING_OFFICER), approvedContribution);
            long donorUser = linkToDonor(system, basic.get(Who.ADMIN), usernames.get(Who.DONOR), ownDonor);
            // Linking the account to a donor ends its open sessions (the link is fixed in a session): sign in again.
            sessions.put(Who.DONOR, PageSession.signIn(system, usernames.get(Who.DONOR),
                    "own matrix pass phrase " + usernames.get(Who.DONOR)));

            // A journal of the contribution certified for the approval: the ledger's pages read it.
            long journal = journalOf(system, "Contribution", approvedContribution);
            // XA is a user-assigned ISO code: no test's country, so even a call that got through would touch none.
            long ownInKind = ReferenceFixture.inKind(system, ownDonor);
            long otherInKind = ReferenceFixture.inKind(system, otherDonor);
            // Intermediaries and their transfers are staff records: the same for both columns.
            long intermediary = ReferenceFixture.intermediary(system, "Matrix foundation" + unique);
            long transfer = ReferenceFixture.transfer(system, intermediary);
            // Travel requests and expenditure are staff records: the same for both columns.
            long travel = ReferenceFixture.travelRequest(system, "Matrix traveller" + unique);
            long expenditure = ReferenceFixture.expenditure(system, "MX-EXP" + unique);
            long traveller = ReferenceFixture.travellerOf(system, travel);
            // Acknowledgement letters: the own donor's of the contribution certified for the approval, and one of the
            // other donor's.
            long otherCertified = recordContribution(system, finance, otherDonor, fund, "MX-OTHERACK" + unique);
            certify(system, basic.get(Who.CERTIFYING_OFFICER), otherCertified);
            long ownLetter = letterOf(system, approvedContribution);
            long otherLetter = letterOf(system, otherCertified);
            Map<String, String> own = Map.ofEntries(Map.entry("donor", String.valueOf(ownDonor)),
                    Map.entry("pledge", String.valueOf(ownPledge)), Map.entry("contribution", String.valueOf(ownContribution)),
                    Map.entry("user", String.valueOf(donorUser)), Map.entry("country", "XA"),
                    Map.entry("fund", String.valueOf(fund)), Map.entry("approval", String.valueOf(approval)),
                    Map.entry("journal", String.valueOf(journal)), Map.entry("inKind", String.valueOf(ownInKind)),
                    Map.entry("intermediary", String.valueOf(intermediary)), Map.entry("transfer", String.valueOf(transfer)),
                    Map.entry("travel", String.valueOf(travel)), Map.entry("expenditure", String.valueOf(expenditure)),
                    Map.entry("traveller", String.valueOf(traveller)),
                    Map.entry("acknowledgement", String.valueOf(ownLetter)));
            Map<String, String> other = Map.ofEntries(Map.entry("donor", String.valueOf(otherDonor)),
                    Map.entry("pledge", String.valueOf(otherPledge)), Map.entry("contribution", String.valueOf(otherContribution)),
                    Map.entry("user", String.valueOf(donorUser)), Map.entry("country", "XA"),
                    Map.entry("fund", String.valueOf(fund)), Map.entry("approval", String.valueOf(approval)),
                    Map.entry("journal", String.valueOf(journal)), Map.entry("inKind", String.valueOf(otherInKind)),
                    Map.entry("intermediary", String.valueOf(intermediary)), Map.entry("transfer", String.valueOf(transfer)),
                    Map.entry("travel", String.valueOf(travel)), Map.entry("expenditure", String.valueOf(expenditure)),
                    Map.entry("traveller", String.valueOf(traveller)),
                    Map.entry("acknowledgement", String.valueOf(otherLetter)));
            return new Fixture(sessions, basic, own, other, otherDonorName);
        }

        /**
         * Creates the user on the administrator's users page, signs them in with the temporary password and has
         * them choose their own, as a person must; their page session, signed in.
         */
        private static PageSession readyUser(RunningSystem system, PageSession admin, String username, String role,
                String password) {
            String temporary = "temporary matrix password " + username;
            Page users = admin.get("/admin/users.xhtml");
            Page created = admin.submit(users, "newUser", PageSession.fields("newUser:username", username,
                    "newUser:displayName", "Matrix " + role, "newUser:roles", role, "newUser:initialPassword", temporary),
                    "newUser:create");
            if (created.status() != 200 || !created.body().contains("User " + username + " created.")) {
                throw new IllegalStateException("Creating user " + username + ": " + created.summary());
            }
            PageSession session = PageSession.signIn(system, username, temporary);
            Page form = session.get("/app/account/change-password.xhtml");
            Page changed = session.submit(form, "password", PageSession.fields("password:currentPassword", temporary,
                    "password:newPassword", password, "password:confirmation", password), "password:submit");
            if (changed.status() != 302 || !changed.header("Location").orElse("").contains("/app/dashboard.xhtml")) {
                throw new IllegalStateException("Changing the password of " + username + ": " + changed.summary());
            }
            return session;
        }

        private static long journalOf(RunningSystem system, String sourceType, long sourceId) {
            try (Connection c = Rows.connect(system.database()); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT MIN(id) FROM journal WHERE source_type = '" + sourceType
                            + "' AND source_id = " + sourceId)) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private static long igfFund(RunningSystem system) {
            try (Connection c = Rows.connect(system.database()); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id FROM fund WHERE code = 'IGF'")) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private static long recordContribution(RunningSystem system, String finance, long donor, long fund,
                String bankReference) {
            String body = JSON.toJson(Map.of("donorId", donor, "fundId", fund, "receivedDate", "2025-03-10",
                    "amount", Map.of("amount", "100.00", "currency", "USD"), "bankReference", bankReference));
            Reply reply = send(HttpRequest.newBuilder(URI.create(system.baseUrl() + "/api/contributions")).timeout(TIMEOUT)
                    .header("Authorization", finance).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), "POST /api/contributions");
            if (reply.status() != 201) {
                throw new IllegalStateException("Recording a contribution: " + reply.summary());
            }
            return ((Number) jsonObject(reply.body()).get("id")).longValue();
        }

        /** Certifies the contribution and asks for its reversal, leaving the request pending; the request's id. */
        private static long reversalRequest(RunningSystem system, String finance, String certifier, long contribution) {
            Reply certified = certify(system, certifier, contribution);
            Reply requested = post(system, finance, "/api/contributions/" + contribution + "/reversal",
                    Map.of("version", jsonObject(certified.body()).get("version"), "reason", "Matrix fixture"));
            if (requested.status() != 202) {
                throw new IllegalStateException("Requesting a reversal: " + requested.summary());
            }
            return ((Number) jsonObject(requested.body()).get("id")).longValue();
        }

        /** Certifies a recorded contribution as the certifying officer; the answer. */
        private static Reply certify(RunningSystem system, String certifier, long contribution) {
            Reply recorded = send(HttpRequest.newBuilder(URI.create(system.baseUrl() + "/api/contributions/" + contribution))
                    .timeout(TIMEOUT).header("Authorization", certifier).header("Accept", "application/json").GET()
                    .build(), "GET /api/contributions/" + contribution);
            Reply certified = post(system, certifier, "/api/contributions/" + contribution + "/certification",
                    Map.of("version", jsonObject(recorded.body()).get("version")));
            if (certified.status() != 200) {
                throw new IllegalStateException("Certifying contribution " + contribution + ": " + certified.summary());
            }
            return certified;
        }

        /** The acknowledgement letter issued when the contribution was certified. */
        private static long letterOf(RunningSystem system, long contribution) {
            try (Connection c = Rows.connect(system.database())) {
                return Rows.number(c, "SELECT id FROM acknowledgement WHERE receipt_kind = 'CASH' AND kind = 'LETTER'"
                        + " AND source_id = ?", contribution);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Reply post(RunningSystem system, String authorization, String path, Map<String, Object> body) {
            return send(HttpRequest.newBuilder(URI.create(system.baseUrl() + path)).timeout(TIMEOUT)
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.toJson(body)))
                    .build(), "POST " + path);
        }

        /** Links the DONOR user to the donor through the administrator's API; the user's id. */
        private static long linkToDonor(RunningSystem system, String admin, String username, long donor) {
            Reply found = send(HttpRequest.newBuilder(URI.create(system.baseUrl() + "/api/users?username=" + username))
                    .timeout(TIMEOUT).header("Authorization", admin).header("Accept", "application/json").GET().build(),
                    "GET /api/users");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) jsonObject(found.body()).get("items");
            if (found.status() != 200 || items.size() != 1) {
                throw new IllegalStateException("Finding user " + username + ": " + found.summary());
            }
            long id = ((Number) items.get(0).get("id")).longValue();
            String body = JSON.toJson(Map.of("version", items.get(0).get("version"), "donorId", donor));
            Reply linked = send(HttpRequest.newBuilder(URI.create(system.baseUrl() + "/api/users/" + id + "/donor"))
                    .timeout(TIMEOUT).header("Authorization", admin).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), "PUT /api/users/" + id + "/donor");
            if (linked.status() != 200) {
                throw new IllegalStateException("Linking " + username + " to donor " + donor + ": " + linked.summary());
            }
            return id;
        }
    }
}
