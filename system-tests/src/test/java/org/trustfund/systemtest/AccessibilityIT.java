package org.trustfund.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trustfund.systemtest.support.Accounts;
import org.trustfund.systemtest.support.Api;
import org.trustfund.systemtest.support.Api.Reply;
import org.trustfund.systemtest.support.Api.User;
import org.trustfund.systemtest.support.AuthorizationTable;
import org.trustfund.systemtest.support.AuthorizationTable.Expect;
import org.trustfund.systemtest.support.AuthorizationTable.Kind;
import org.trustfund.systemtest.support.AuthorizationTable.Row;
import org.trustfund.systemtest.support.AuthorizationTable.Who;
import org.trustfund.systemtest.support.Browser;
import org.trustfund.systemtest.support.FinanceApi;
import org.trustfund.systemtest.support.ReferenceFixture;
import org.trustfund.systemtest.support.Rows;
import org.trustfund.systemtest.support.RunningSystem;
import org.trustfund.systemtest.support.SystemExtension;

/**
 * Every page of the authorization matrix, opened in Chromium by a role that may see it, passes axe-core's
 * WCAG 2.1 A and AA rules with no serious or critical violation. The matrix is the list of pages, so a new page
 * is checked as soon as it has its row. A page most roles share is checked once (the same view, the same markup);
 * the dashboard, which differs by role, for every role.
 */
@ExtendWith(SystemExtension.class)
class AccessibilityIT {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    /** The order in which a role is chosen to open a page: the one that sees the most on it first. */
    private static final List<Who> READERS = List.of(Who.FINANCE_OFFICER, Who.CERTIFYING_OFFICER, Who.AUDITOR,
            Who.ADMIN, Who.DONOR, Who.ANONYMOUS);
    /**
     * Findings known and not ours to fix here, by page and rule: PrimeFaces 15's file upload always marks its file
     * input aria-hidden while leaving it focusable (skinned or not). Each is named in the README's known issues.
     */
    private static final Map<String, List<String>> KNOWN = Map.of(
            "/finance/import-contributions.xhtml", List.of("aria-hidden-focus"));

    @Test
    void everyPageHasNoSeriousOrCriticalAccessibilityViolation(RunningSystem system, Browser browser) {
        Map<String, String> records = records(system);
        Map<Who, User> users = new EnumMap<>(Who.class);
        users.put(Who.ADMIN, new User("admin", system.adminPassword()));
        for (Who who : List.of(Who.FINANCE_OFFICER, Who.CERTIFYING_OFFICER, Who.AUDITOR)) {
            users.put(who, Api.readyUser(system, "axe", label(who)));
        }
        users.put(Who.DONOR, Api.readyDonorUser(system, "axe-donor", Long.parseLong(records.get("donor"))));

        Map<Who, List<String>> pagesByReader = new EnumMap<>(Who.class);
        for (Row row : AuthorizationTable.read()) {
            if (row.kind() != Kind.PAGE) {
                continue;
            }
            boolean everyRole = row.key().equals("/app/dashboard.xhtml");
            // A public page is what a visitor sees; signed in, the sign-in page would only send them on.
            List<Who> readers = row.expected().get(Who.ANONYMOUS) == Expect.ALLOW ? List.of(Who.ANONYMOUS) : READERS;
            for (Who who : readers) {
                Expect expect = row.expected().get(who);
                if (expect == Expect.ALLOW || expect == Expect.OWN) {
                    pagesByReader.computeIfAbsent(who, w -> new ArrayList<>()).add(resolve(row.request(), records));
                    if (!everyRole) {
                        break;
                    }
                }
            }
        }

        Map<String, List<String>> violations = new LinkedHashMap<>();
        int checked = 0;
        for (Who who : READERS) {
            List<String> pages = pagesByReader.getOrDefault(who, List.of());
            if (pages.isEmpty()) {
                continue;
            }
            if (who != Who.ANONYMOUS) {
                Accounts.signIn(browser, users.get(who).username(), users.get(who).password());
                browser.waitForPath("/app/dashboard.xhtml");
            }
            for (String page : pages) {
                browser.open(page);
                browser.settle();
                List<String> found = browser.seriousAccessibilityViolations().stream()
                        .filter(v -> KNOWN.getOrDefault(page, List.of()).stream().noneMatch(rule -> v.contains(" " + rule + " ")))
                        .toList();
                if (!found.isEmpty()) {
                    violations.put(who + " " + page, found);
                    System.out.println("axe: " + who + " " + page + ": " + found);
                    browser.screenshot("axe-" + who + page.replaceAll("[^A-Za-z0-9]+", "-"));
                }
                checked++;
            }
            if (who != Who.ANONYMOUS) {
                browser.open("/app/dashboard.xhtml");
                Accounts.signOut(browser);
            }
        }
        assertTrue(checked > 30, "only " + checked + " pages were checked: is the matrix read?");
        StringBuilder report = new StringBuilder();
        violations.forEach((page, found) -> report.append('\n').append(page).append(":\n  ")
                .append(String.join("\n  ", found)));
        assertTrue(violations.isEmpty(), violations.size() + " of " + checked + " pages:" + report);
    }

    private static String label(Who who) {
        return switch (who) {
            case FINANCE_OFFICER -> "Finance officer";
            case CERTIFYING_OFFICER -> "Certifying officer";
            case AUDITOR -> "Auditor";
            default -> throw new IllegalArgumentException(who.name());
        };
    }

    private static String resolve(String request, Map<String, String> records) {
        Matcher m = PLACEHOLDER.matcher(request);
        StringBuilder resolved = new StringBuilder();
        while (m.find()) {
            String value = records.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("No record for {" + m.group(1) + "} in " + request
                        + "; add one to AccessibilityIT.records");
            }
            m.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        return m.appendTail(resolved).toString();
    }

    /**
     * A record of each kind the matrix's page addresses name: a donor with a signed pledge, a certified contribution
     * whose reversal waits for approval, the journal that certified it, and an unapplied one; a requested trip and a
     * recorded expense; the certified contribution's acknowledgement letter.
     */
    private static Map<String, String> records(RunningSystem system) {
        User maker = Api.readyUser(system, "axe-maker", "Finance officer");
        Api finance = maker.api(system);
        Api certifier = Api.readyUser(system, "axe-checker", "Certifying officer").api(system);
        long fund = FinanceApi.id(FinanceApi.fund(system));
        long donor = FinanceApi.donor(finance, "Accessibility donor");
        Map<String, Object> pledge = FinanceApi.signedChfPledge(finance, donor, fund, "2025-06-30", "1000.00");
        Map<String, Object> contribution = FinanceApi.certify(certifier,
                FinanceApi.recordChf(finance, donor, fund, "400.00", null));
        Reply reversal = finance.post("/api/contributions/" + FinanceApi.id(contribution) + "/reversal",
                Map.of("version", FinanceApi.version(contribution), "reason", "Accessibility fixture"));
        assertEquals(202, reversal.status(), reversal::toString);
        Map<String, String> records = new LinkedHashMap<>();
        records.put("donor", String.valueOf(donor));
        records.put("pledge", String.valueOf(FinanceApi.id(pledge)));
        records.put("contribution", String.valueOf(FinanceApi.id(contribution)));
        records.put("fund", String.valueOf(fund));
        records.put("approval", String.valueOf(FinanceApi.id(reversal.json())));
        records.put("country", "FI");
        records.put("inKind", String.valueOf(ReferenceFixture.inKind(system, donor)));
        long intermediary = ReferenceFixture.intermediary(system, "Accessibility foundation " + System.nanoTime());
        records.put("intermediary", String.valueOf(intermediary));
        records.put("transfer", String.valueOf(ReferenceFixture.transfer(system, intermediary)));
        records.put("travel", String.valueOf(
                ReferenceFixture.travelRequest(system, "Accessibility traveller " + System.nanoTime())));
        records.put("expenditure", String.valueOf(ReferenceFixture.expenditure(system, "AXE-" + System.nanoTime())));
        try (Connection c = Rows.connect(system.database())) {
            records.put("journal", String.valueOf(Rows.number(c, "SELECT MIN(id) FROM journal WHERE source_type ="
                    + " 'Contribution' AND source_id = ?", FinanceApi.id(contribution))));
            records.put("user", String.valueOf(Rows.number(c, "SELECT id FROM user_account WHERE username = ?",
                    maker.username())));
            records.put("acknowledgement", String.valueOf(Rows.number(c, "SELECT id FROM acknowledgement WHERE"
                    + " receipt_kind = 'CASH' AND kind = 'LETTER' AND source_id = ?", FinanceApi.id(contribution))));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return records;
    }
}
