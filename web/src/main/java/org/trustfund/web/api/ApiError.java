package org.trustfund.web.api;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trustfund.web.platform.Messages;

/**
 * What every failed API call answers, in place of a stack trace: the message in the caller's language,
 * the input it concerns (if one), the HTTP status, and for unexpected failures a reference to the log.
 */
public record ApiError(
        @Schema(description = "What went wrong, in English or French (Accept-Language)") String message,
        @Schema(description = "The request property or parameter at fault, if one") String field,
        @Schema(description = "The HTTP status, repeated") int status,
        @Schema(description = "Reference of the server log entry, for support") String reference) {

    public static ApiError of(int status, Locale locale, String field, String key, Object... args) {
        return new ApiError(Messages.text(locale, key, plain(args)), field, status, null);
    }

    public ApiError withReference(String newReference) {
        return new ApiError(message, field, status, newReference);
    }

    /**
     * Ids and counts as plain text: MessageFormat would write id 1234 as "1,234" (or "1 234" in French),
     * which a caller cannot paste back into a URL.
     */
    private static Object[] plain(Object[] args) {
        return Arrays.stream(args).map(a -> a instanceof Long || a instanceof Integer ? a.toString() : a).toArray();
    }

    /** The same as JSON, for the few answers written outside JAX-RS (authentication). */
    public String toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("message", message);
        if (field != null) {
            json.add("field", field);
        }
        json.add("status", status);
        if (reference != null) {
            json.add("reference", reference);
        }
        return json.build().toString();
    }
}
