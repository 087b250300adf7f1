package org.trustfund.benchmark;

import java.io.IOException;
import java.net.CookieManager;
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
import java.util.stream.Collectors;

/**
 * Times real pages of the running application over HTTP on this machine, as a signed-in user: the GET of a
 * list page (which renders its lazy table's first page), and the AJAX requests a PrimeFaces lazy table sends
 * when the user sorts a column or turns to a later page. Each time is the full request as the browser would
 * see it on the same machine, so it contains the server's work (queries and rendering) and loopback only.
 */
final class PageTimings {

    private static final Pattern VIEW_STATE = Pattern.compile(
            "name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern LAZY_TABLE = Pattern.compile("<div id=\"([^\"]+)\" class=\"ui-datatable[^\"]*\"");
    private static final Pattern SORTABLE_COLUMN = Pattern.compile("<th id=\"([^\"]+)\"[^>]*class=\"[^\"]*ui-sortable-column");
    private static final Pattern COLUMN_FILTER = Pattern.compile("<input[^>]*name=\"([^\"]+:filter)\"");

    private final String baseUrl;
    private final HttpClient client;

    PageTimings(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The JSF sign-in form: GET for the view state and session, POST the credentials. */
    void signIn(String username, String password) {
        HttpResponse<String> form = get("/login.xhtml");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("signin", "signin");
        params.put("signin:username", username);
        params.put("signin:password", password);
        params.put("signin:submit", "");
        params.put("jakarta.faces.ViewState", viewState(form.body()));
        HttpResponse<String> after = post("/login.xhtml", params, false);
        if (after.statusCode() != 200 || after.uri().getPath().endsWith("/login.xhtml")) {
            throw new IllegalStateException("Sign-in as " + username + " failed (HTTP " + after.statusCode() + " at "
                    + after.uri() + ")");
        }
    }

    /** A page as seen after sign-in, or empty if the application has no such page (404). */
    Optional<LoadedPage> open(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        requireOk(path, response);
        return Optional.of(new LoadedPage(path, response.body()));
    }

    /** A page and the lazy table found in it. */
    final class LoadedPage {
        final String path;
        final String html;
        final String tableId;
        final List<String> sortableColumns = new ArrayList<>();
        final List<String> columnFilters = new ArrayList<>();

        LoadedPage(String path, String html) {
            this.path = path;
            this.html = html;
            Matcher table = LAZY_TABLE.matcher(html);
            this.tableId = table.find() ? table.group(1) : null;
            Matcher sortable = SORTABLE_COLUMN.matcher(html);
            while (sortable.find()) {
                sortableColumns.add(sortable.group(1));
            }
            Matcher filter = COLUMN_FILTER.matcher(html);
            while (filter.find()) {
                columnFilters.add(filter.group(1));
            }
        }

        /** Times a fresh GET of the page. */
        long timeGet() {
            long begin = System.nanoTime();
            HttpResponse<String> response = get(path);
            long took = System.nanoTime() - begin;
            requireOk(path, response);
            return took;
        }

        /**
         * Times the AJAX request of the table: sorted by {@code column} (descending), optionally filtered by
         * a column filter, at row {@code first}. Needs a fresh GET first for the view state; only the AJAX
         * request is timed.
         */
        long timeTableRequest(String column, String filterName, String filterValue, int first) {
            HttpResponse<String> page = get(path);
            requireOk(path, page);
            String form = tableId.substring(0, tableId.indexOf(':'));
            Map<String, String> params = tableParams(tableId, form, viewState(page.body()));
            if (column != null) {
                params.put(tableId + "_sorting", "true");
                params.put(tableId + "_sortKey", column);
                params.put(tableId + "_sortDir", "-1");
            }
            if (filterName != null) {
                params.put(tableId + "_filtering", "true");
                params.put(filterName, filterValue);
            }
            if (first > 0) {
                params.put(tableId + "_pagination", "true");
                params.put(tableId + "_first", String.valueOf(first));
                params.put(tableId + "_rows", String.valueOf(QueryTimings.PAGE_SIZE));
            }
            long begin = System.nanoTime();
            HttpResponse<String> response = post(path, params, true);
            long took = System.nanoTime() - begin;
            requirePartial(path + " (AJAX)", response);
            return took;
        }
    }

    private static final Pattern PARTIAL_VIEW_STATE = Pattern.compile(
            "jakarta\\.faces\\.ViewState[^\"]*\"><!\\[CDATA\\[([^\\]]+)\\]\\]>");

    /**
     * In one view of a list page: the filter form's Apply button (an AJAX request that submits the form and
     * renders it again with the table's first filtered page), then a click on a column header (the table's
     * AJAX sort request, the filter kept by the view). Returns the two times.
     */
    long[] timeFilterThenSort(LoadedPage page, String form, Map<String, String> fields, String column, int direction) {
        HttpResponse<String> fresh = get(page.path);
        requireOk(page.path, fresh);
        String state = viewState(fresh.body());
        Map<String, String> apply = new LinkedHashMap<>();
        apply.put("jakarta.faces.partial.ajax", "true");
        apply.put("jakarta.faces.source", form + ":apply");
        apply.put("jakarta.faces.partial.execute", form);
        apply.put("jakarta.faces.partial.render", form);
        apply.put(form + ":apply", form + ":apply");
        apply.put(form, form);
        apply.putAll(fields);
        apply.put("jakarta.faces.ViewState", state);
        long begin = System.nanoTime();
        HttpResponse<String> filtered = post(page.path, apply, true);
        long filterTook = System.nanoTime() - begin;
        requirePartial(page.path + " (filter)", filtered);
        Matcher updated = PARTIAL_VIEW_STATE.matcher(filtered.body());
        if (updated.find()) {
            state = updated.group(1);
        }
        Map<String, String> sort = tableParams(page.tableId, form, state);
        sort.put(page.tableId + "_sorting", "true");
        sort.put(page.tableId + "_sortKey", column);
        sort.put(page.tableId + "_sortDir", String.valueOf(direction));
        begin = System.nanoTime();
        HttpResponse<String> sorted = post(page.path, sort, true);
        long sortTook = System.nanoTime() - begin;
        requirePartial(page.path + " (sort)", sorted);
        return new long[] {filterTook, sortTook};
    }

    private static Map<String, String> tableParams(String tableId, String form, String viewState) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("jakarta.faces.partial.ajax", "true");
        params.put("jakarta.faces.source", tableId);
        params.put("jakarta.faces.partial.execute", tableId);
        params.put("jakarta.faces.partial.render", tableId);
        params.put(tableId, tableId);
        params.put(tableId + "_skipChildren", "true");
        params.put(tableId + "_encodeFeature", "true");
        params.put(form, form);
        params.put("jakarta.faces.ViewState", viewState);
        return params;
    }

    private static void requirePartial(String what, HttpResponse<String> response) {
        requireOk(what, response);
        String body = response.body();
        if (!body.contains("<partial-response") || body.contains("<error>") || body.contains("ui-message-error")) {
            throw new IllegalStateException(what + " failed: " + body.substring(0, Math.min(600, body.length())));
        }
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().timeout(Duration.ofSeconds(60)).build());
    }

    private HttpResponse<String> post(String path, Map<String, String> params, boolean ajax) {
        String body = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (ajax) {
            request.header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest");
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static void requireOk(String path, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered HTTP " + response.statusCode());
        }
        if (response.uri().getPath().endsWith("/login.xhtml") && !path.endsWith("/login.xhtml")) {
            throw new IllegalStateException(path + " sent us to the sign-in page: not signed in");
        }
    }

    private static String viewState(String html) {
        Matcher m = VIEW_STATE.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("No jakarta.faces.ViewState in the page");
        }
        return m.group(1).replace("&#58;", ":").replace("&amp;", "&");
    }
}
