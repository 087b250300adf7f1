package org.trustfund.systemtest.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The authorization matrix as written in {@code authorization-matrix.md} (a Markdown table, one line per page,
 * download or endpoint): what each role, and a visitor without a session, should get.
 */
public final class AuthorizationTable {

    public static final String RESOURCE = "/authorization-matrix.md";

    /** The signed-in roles and the visitor who has not signed in, in the table's column order. */
    public enum Who {
        ADMIN, FINANCE_OFFICER, CERTIFYING_OFFICER, AUDITOR, DONOR, ANONYMOUS
    }

    public enum Kind {
        PAGE, DOWNLOAD, API
    }

    /** What a cell says. OWN and SCOPED are for the DONOR, whose access depends on whose record it is. */
    public enum Expect {
        ALLOW, DENY, OWN, SCOPED
    }

    /** One line of the table. */
    public record Row(int line, Kind kind, String key, String request, Map<Who, Expect> expected) {

        /** The HTTP method of an {@link Kind#API} row. */
        public String method() {
            return key.substring(0, key.indexOf(' '));
        }

        /** The page (view file) of a {@link Kind#DOWNLOAD} row. */
        public String view() {
            return kind == Kind.DOWNLOAD ? key.substring(0, key.indexOf(' ')) : key;
        }

        /** formId:buttonId of a {@link Kind#DOWNLOAD} row. */
        public String button() {
            return key.substring(key.indexOf(' ') + 1);
        }

        public String formId() {
            return button().substring(0, button().lastIndexOf(':'));
        }
    }

    private AuthorizationTable() {
    }

    /** Every row; a malformed line (wrong number of cells, an unknown value, a key twice) fails at once. */
    public static List<Row> read() {
        try (InputStream in = AuthorizationTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test class path");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Row> parse(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        boolean header = true;
        for (int i = 0; i < lines.size(); i++) {
            // Only lines that start with '|' are rows; indented ones are examples in the prose.
            if (!lines.get(i).startsWith("|")) {
                continue;
            }
            String line = lines.get(i).trim();
            List<String> cells = Arrays.stream(line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length())
                    .split("\\|", -1)).map(String::trim).toList();
            if (header) {
                List<String> expected = new ArrayList<>(List.of("kind", "key", "request"));
                Arrays.stream(Who.values()).map(Who::name).forEach(expected::add);
                if (!cells.equals(expected)) {
                    throw new IllegalStateException(RESOURCE + ":" + (i + 1) + ": the header must be " + expected);
                }
                header = false;
                continue;
            }
            if (cells.stream().allMatch(c -> c.matches("-+"))) {
                continue;
            }
            String where = RESOURCE + ":" + (i + 1) + ": ";
            if (cells.size() != 3 + Who.values().length) {
                throw new IllegalStateException(where + "expected " + (3 + Who.values().length) + " cells, found "
                        + cells.size());
            }
            Kind kind = Kind.valueOf(cells.get(0).toUpperCase());
            Map<Who, Expect> expected = new EnumMap<>(Who.class);
            for (Who who : Who.values()) {
                Expect e = Expect.valueOf(cells.get(3 + who.ordinal()));
                if (e == Expect.SCOPED && (who != Who.DONOR || kind != Kind.API)) {
                    throw new IllegalStateException(where + e + " is only for the DONOR column of api rows");
                }
                if (e == Expect.OWN && who != Who.DONOR) {
                    throw new IllegalStateException(where + e + " is only for the DONOR column");
                }
                expected.put(who, e);
            }
            if (!keys.add(kind + " " + cells.get(1))) {
                throw new IllegalStateException(where + cells.get(1) + " is in the table twice");
            }
            if (kind == Kind.DOWNLOAD && !cells.get(1).matches("\\S+\\.xhtml \\S+:\\S+")) {
                throw new IllegalStateException(where + "a download's key is '<view> <formId>:<buttonId>'");
            }
            if (kind == Kind.API && !cells.get(1).matches("(GET|POST|PUT|DELETE|PATCH) /\\S+")) {
                throw new IllegalStateException(where + "an api key is '<METHOD> <path template>'");
            }
            rows.add(new Row(i + 1, kind, cells.get(1), cells.get(2), expected));
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " holds no rows");
        }
        return rows;
    }
}
