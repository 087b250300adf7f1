package org.trustfund.web.travel;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trustfund.security.Roles;
import org.trustfund.spreadsheet.ListExport;
import org.trustfund.travel.Participation;
import org.trustfund.web.api.ApiLocale;
import org.trustfund.web.api.Inputs;
import org.trustfund.web.travel.TravelJson.ParticipationView;

/**
 * Funded trips (paid, less reversed) and their US dollars per year by region, development status, gender, stakeholder
 * group and programme, as the participation page shows them: the year of departure, this year and every fund unless
 * asked otherwise.
 */
@Path("participation")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Travel and fellowships")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class ParticipationResource {

    @EJB
    private Participation participation;

    @GET
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getParticipation", summary = "A year's funded trips by group")
    @APIResponse(responseCode = "200", description = "The year's figures")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public ParticipationView get(@Parameter(description = "Year of departure (default: this year)") @QueryParam("year")
            String year, @Parameter(description = "One fund (default: every fund)") @QueryParam("fundId") String fundId) {
        return ParticipationView.of(participation.of(Inputs.id("fundId", fundId), year(year)));
    }

    @GET
    @Path("export")
    @Produces({ListExport.CONTENT_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "exportParticipation", summary = "A year's funded trips by group, as an xlsx")
    @APIResponse(responseCode = "200", description = "The workbook", content = @Content(mediaType = ListExport.CONTENT_TYPE))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response export(@QueryParam("year") String year, @QueryParam("fundId") String fundId,
            @Context HttpHeaders headers) {
        Long fund = Inputs.id("fundId", fundId);
        int y = year(year);
        // Checked before streaming starts, so a bad year or fund is a 400, not a broken download.
        participation.of(fund, y);
        Locale locale = ApiLocale.of(headers);
        StreamingOutput body = out -> participation.export(fund, y, locale, out);
        return Response.ok(body, ListExport.CONTENT_TYPE).header("Content-Disposition",
                "attachment; filename=\"" + ListExport.fileName("participation", Instant.now()) + "\"").build();
    }

    private static int year(String year) {
        return Inputs.whole("year", year, LocalDate.now().getYear(), 1900, 9999);
    }
}
