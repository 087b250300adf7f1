package org.trustfund.web.recognition;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trustfund.platform.BusinessException;
import org.trustfund.recognition.GiversList;
import org.trustfund.security.Roles;

/** The givers' list of a fund and year, as the page shows it (the same default year: the current one). */
@Path("funds/{fundId}/givers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recognition")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class GiversResource {

    @EJB
    private GiversList givers;

    @GET
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getGivers", summary = "Who gave to the fund in a year, directly or through intermediaries",
            description = "Certified records only. Givers through an intermediary are credited at their share of the "
                    + "gross; the intermediary's net is the fund's income and is not added to any giver. Anonymous "
                    + "givers and those who asked not to be named are counted in notNamedCount, never named.")
    @APIResponse(responseCode = "200", description = "The list")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public GiversJson get(@PathParam("fundId") long fundId,
            @Parameter(description = "The year (yyyy); the current year when left out, as on the page")
            @QueryParam("year") String year) {
        if (year != null && !year.matches("\\d{4}")) {
            throw new BusinessException("year", "api.year.required");
        }
        return GiversJson.of(givers.of(fundId, year == null ? LocalDate.now(Clock.systemUTC()).getYear()
                : Integer.parseInt(year)));
    }
}
