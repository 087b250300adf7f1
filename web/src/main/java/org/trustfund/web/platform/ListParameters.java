package org.trustfund.web.platform;

import jakarta.faces.context.FacesContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.primefaces.PrimeFaces;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A list page's filters and sort in its address, so a filtered list can be bookmarked, shared and found again
 * with Back. The page reads them when it opens ({@link #text}, {@link #choice}, {@link #date}: a value that is
 * not understood is said in a message and ignored, never an error page); after each filter or sort it sends
 * them back ({@link #show}) and {@code js/lists.js} writes them into the address bar with
 * {@code history.replaceState}. Sort is {@code sort=field} or {@code sort=-field} for descending.
 */
public final class ListParameters {

    private static final int MAX_LENGTH = 200;

    private final Map<String, String> values = new LinkedHashMap<>();

    private ListParameters() {
    }

    public static ListParameters of() {
        return new ListParameters();
    }

    /** Adds a parameter; null and blank values are left out. Dates as yyyy-mm-dd, choices by their name. */
    public ListParameters put(String name, Object value) {
        String text = value instanceof Enum<?> e ? e.name() : value == null ? null : value.toString();
        if (text != null && !text.isBlank()) {
            values.put(name, text.trim());
        }
        return this;
    }

    /** Adds the sort as {@code sort=field} or {@code sort=-field}, unless it is the list's default. */
    public ListParameters sort(String field, boolean descending, String defaultField, boolean defaultDescending) {
        if (field != null && !(field.equals(defaultField) && descending == defaultDescending)) {
            values.put("sort", (descending ? "-" : "") + field);
        }
        return this;
    }

    /** {@code ?a=1&b=2}, or empty when nothing is filtered. */
    public String query() {
        if (values.isEmpty()) {
            return "";
        }
        return values.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&", "?", ""));
    }

    /** Sends the query to the page's script (as the ajax answer's {@code listQuery}), which shows it in the address bar. */
    public void show() {
        PrimeFaces.current().ajax().addCallbackParam("listQuery", query());
    }

    public static String text(String name) {
        String value = raw(name);
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_LENGTH) {
            invalid(name, value.substring(0, 20) + "…");
            return null;
        }
        return value;
    }

    public static <E extends Enum<E>> E choice(String name, Class<E> type) {
        String value = raw(name);
        if (value == null) {
            return null;
        }
        for (E candidate : type.getEnumConstants()) {
            if (candidate.name().equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        invalid(name, value);
        return null;
    }

    public static LocalDate date(String name) {
        String value = raw(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            invalid(name, value);
            return null;
        }
    }

    public static Long id(String name) {
        String value = raw(name);
        if (value == null) {
            return null;
        }
        if (!value.matches("\\d{1,18}")) {
            invalid(name, value);
            return null;
        }
        return Long.valueOf(value);
    }

    /**
     * The sort the address asks for, if it names one of {@code fields} (the table's column fields); else null and,
     * if something was asked, a message.
     */
    public static SortMeta sort(String... fields) {
        String value = raw("sort");
        if (value == null) {
            return null;
        }
        boolean descending = value.startsWith("-");
        String field = descending ? value.substring(1) : value;
        for (String f : fields) {
            if (f.equals(field)) {
                return SortMeta.builder().field(f).order(descending ? SortOrder.DESCENDING : SortOrder.ASCENDING).build();
            }
        }
        invalid("sort", value);
        return null;
    }

    private static String raw(String name) {
        String value = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void invalid(String name, String value) {
        Messages.error("wl.param.invalid", name, value);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
