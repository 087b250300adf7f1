package org.trustfund.web.api;

import jakarta.ejb.EJBAccessException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.trustfund.platform.AccessDeniedException;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.ConcurrentChangeException;
import org.trustfund.platform.UnknownRecordException;
import org.trustfund.reference.StaleRateException;
import org.trustfund.security.UnknownApiTokenException;
import org.trustfund.web.platform.DatabaseUnreachable;
import org.trustfund.web.platform.ErrorReference;

/**
 * Turns any failure of an API call into an {@link ApiError} with the right status. The exception mappers
 * all come here, because what matters is often a cause deep in the chain: a stale version surfaces as an
 * {@code EJBException} wrapping a {@code RollbackException} wrapping an {@link OptimisticLockException}.
 */
final class ApiErrors {

    private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());

    /** Service field names that the API's JSON calls otherwise. */
    private static final Map<String, String> JSON_FIELDS = Map.of("donor", "donorId", "fund", "fundId",
            "schedule", "instalments");

    private ApiErrors() {
    }

    static Response toResponse(Throwable failure, HttpHeaders headers, SecurityContext security) {
        return respond(error(failure, ApiLocale.of(headers), security));
    }

    /** The answer to a failed call: its status by the type of the failure (or of a cause), its message. */
    static ApiError error(Throwable failure, Locale locale, SecurityContext security) {
        if (hasCause(failure, NoContentException.class)) {
            return ApiError.of(400, locale, "body", "api.body.required");
        }
        if (DatabaseUnreachable.causedBy(failure)) {
            LOG.warning("API call answered 503, the database is not reachable: "
                    + DatabaseUnreachable.describe(failure));
            return ApiError.of(503, locale, null, "api.databaseUnavailable");
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BusinessException business) {
                return business(business, locale, security);
            }
            if (t instanceof EJBAccessException) {
                return ApiError.of(403, locale, null, "access.denied");
            }
            if (isOptimisticLock(t)) {
                return ApiError.of(409, locale, null, "record.changedByAnother");
            }
            if (t instanceof JsonbException || t instanceof JsonException) {
                String reference = ErrorReference.logged(LOG, null, "Unreadable JSON in an API request: " + oneLine(t));
                return ApiError.of(400, locale, null, "api.json.invalid").withReference(reference);
            }
            if (t instanceof WebApplicationException web) {
                return webApplication(web, locale);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        String reference = ErrorReference.logged(LOG, failure, "Unexpected failure of an API call");
        return ApiError.of(500, locale, null, "api.unexpected").withReference(reference);
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static ApiError business(BusinessException e, Locale locale, SecurityContext security) {
        String key = e.messageKey();
        String field = e.field().map(f -> JSON_FIELDS.getOrDefault(f, f)).orElse(null);
        if (e instanceof AccessDeniedException) {
            return ApiError.of(403, locale, null, key);
        }
        if (e instanceof ConcurrentChangeException) {
            return ApiError.of(409, locale, field, key, e.arguments());
        }
        if (e instanceof UnknownRecordException) {
            // A donor user asking for an id that does not exist is told what they are told for another
            // donor's record, so ids cannot be probed. (A token id is only ever looked for among the caller's
            // own tokens, so "not found" tells nothing of anyone else's.)
            if (Viewer.isDonorOnly(security) && !(e instanceof UnknownApiTokenException)) {
                return ApiError.of(403, locale, null, "access.denied");
            }
            return ApiError.of(404, locale, null, key, e.arguments());
        }
        if (e instanceof StaleRateException) {
            // Not a broken rule: the call is right but needs one more thing, a reason to use the old rate.
            return ApiError.of(422, locale, field, key, e.arguments());
        }
        return ApiError.of(400, locale, field, key, e.arguments());
    }

    private static boolean isOptimisticLock(Throwable t) {
        // EclipseLink's own exception of that name may be the innermost cause.
        return t instanceof OptimisticLockException || "OptimisticLockException".equals(t.getClass().getSimpleName());
    }

    private static ApiError webApplication(WebApplicationException e, Locale locale) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        String key = switch (status) {
            case 400 -> "api.badRequest";
            case 401 -> "api.unauthenticated";
            case 403 -> "access.denied";
            case 404 -> "api.notFound";
            case 405 -> "api.methodNotAllowed";
            case 406 -> "api.notAcceptable";
            case 415 -> "api.unsupportedMediaType";
            default -> status >= 500 ? "api.unexpected" : "api.badRequest";
        };
        ApiError error = ApiError.of(status, locale, null, key);
        if (status >= 500) {
            return error.withReference(ErrorReference.logged(LOG, e, "API call failed"));
        }
        if (status == 400 || status == 404) {
            // No stack trace for a mistyped address, only a line to find by its reference.
            String reference = ErrorReference.logged(LOG, null, "API call refused: " + oneLine(e));
            return error.withReference(reference);
        }
        return error;
    }

    /** The failure on one log line: its text may echo what the caller sent, line breaks included. */
    private static String oneLine(Throwable t) {
        return String.valueOf(t).replaceAll("[\\r\\n\\t]", " ");
    }

    static Response respond(ApiError error) {
        Response.ResponseBuilder answer = Response.status(error.status())
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(error);
        if (error.status() == 503) {
            // A 503 is temporary (the database away): the client may try again after this pause.
            answer.header("Retry-After", DatabaseUnreachable.RETRY_AFTER_SECONDS);
        }
        return answer.build();
    }
}
