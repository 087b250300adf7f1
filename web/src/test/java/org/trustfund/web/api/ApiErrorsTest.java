package org.trustfund.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trustfund.platform.AccessDeniedException;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.ConcurrentChangeException;
import org.trustfund.platform.UnknownRecordException;
import org.trustfund.reference.ExchangeRate;
import org.trustfund.reference.StaleRateException;
import org.trustfund.security.Roles;
import org.trustfund.security.UnknownApiTokenException;
import org.trustfund.web.platform.Messages;

/**
 * The API answers with a status chosen by the type of the refusal, and with the same text the pages show for it.
 * An unknown id named in an input is a refused input (400 at that field), not a missing record.
 */
class ApiErrorsTest {

    private static final SecurityContext STAFF = caller(Roles.FINANCE_OFFICER);
    private static final SecurityContext DONOR = caller(Roles.DONOR);

    @Test
    void eachOutcomeHasItsStatusAndItsMessage() {
        assertAnswer(403, null, "access.denied", error(new AccessDeniedException(), STAFF));
        assertAnswer(409, null, "record.changedByAnother", error(new ConcurrentChangeException(), STAFF));
        ApiError unknown = error(new UnknownRecordException("donor.unknown", 12L), STAFF);
        assertAnswer(404, null, "donor.unknown", unknown);
        assertEquals("There is no donor with id 12.", unknown.message(), "the id as it can be pasted back");

        ExchangeRate old = new ExchangeRate("DKK", LocalDate.parse("2025-01-01"), new BigDecimal("6.850000"),
                Instant.parse("2025-01-01T00:00:00Z"), "finance");
        ApiError stale = error(new StaleRateException("receivedDate", old, LocalDate.parse("2025-03-10")), STAFF);
        assertEquals(422, stale.status());
        assertEquals("receivedDate", stale.field());
        assertEquals(Messages.text(Locale.ENGLISH, "rate.stale", "DKK", "2025-03", "2025-01-01"), stale.message());

        assertAnswer(400, "donorId", "donor.unknown",
                error(new BusinessException("donor", "donor.unknown", 12L), STAFF));
    }

    @Test
    void theTypeIsFoundDeepInTheChainAsTheContainerWrapsIt() {
        assertAnswer(409, null, "record.changedByAnother",
                error(new EJBException(new IllegalStateException(new ConcurrentChangeException())), STAFF));
        assertAnswer(409, null, "record.changedByAnother",
                error(new EJBException(new OptimisticLockException("stale version")), STAFF));
        assertAnswer(403, null, "access.denied", error(new EJBAccessException("no role"), STAFF));
    }

    @Test
    void aDonorCannotProbeIdsButAskingForTheirOwnTokenSaysNotFound() {
        assertAnswer(403, null, "access.denied", error(new UnknownRecordException("donor.unknown", 12L), DONOR));
        assertAnswer(404, null, "token.unknown", error(new UnknownApiTokenException(12L), DONOR));
    }

    @Test
    void messagesAreInTheCallersLanguage() {
        ApiError french = ApiErrors.error(new ConcurrentChangeException(), Locale.FRENCH, STAFF);
        assertEquals(Messages.text(Locale.FRENCH, "record.changedByAnother"), french.message());
    }

    private static ApiError error(Throwable failure, SecurityContext caller) {
        return ApiErrors.error(failure, Locale.ENGLISH, caller);
    }

    private static void assertAnswer(int status, String field, String key, ApiError error) {
        assertEquals(status, error.status(), error::toString);
        assertEquals(field, error.field(), error::toString);
        assertEquals(Messages.text(Locale.ENGLISH, key, "12"), error.message(), error::toString);
        assertNull(error.reference(), "a refusal is no failure to look up in the log");
    }

    private static SecurityContext caller(String... roles) {
        Set<String> held = Set.of(roles);
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return () -> "someone";
            }

            @Override
            public boolean isUserInRole(String role) {
                return held.contains(role);
            }

            @Override
            public boolean isSecure() {
                return true;
            }

            @Override
            public String getAuthenticationScheme() {
                return SecurityContext.BASIC_AUTH;
            }
        };
    }
}
