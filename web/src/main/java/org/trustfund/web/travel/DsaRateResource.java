package org.trustfund.web.travel;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trustfund.security.Roles;
import org.trustfund.travel.TravelService;
import org.trustfund.web.api.Inputs;
import org.trustfund.travel.DsaRate;
import org.trustfund.web.travel.TravelJson.DsaView;
import org.trustfund.web.travel.TravelJson.NewDsaRate;

/** Daily subsistence allowance rates per place and month (ICSC style), in US dollars. */
@Path("dsa-rates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Travel and fellowships")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class DsaRateResource {

    /** As many as the set-up page lists. */
    private static final int MAX = 300;

    @EJB
    private TravelService service;

    @Context
    private UriInfo uri;

    @GET
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listDsaRates", summary = "DSA rates by country, place and month, latest month first "
            + "(at most 300)")
    @APIResponse(responseCode = "200", description = "The rates")
    public List<DsaView> list(@Parameter(description = "ISO 3166 alpha-2 code") @QueryParam("country") String country) {
        return service.dsaRates(country, MAX).stream().map(DsaView::of).toList();
    }

    @POST
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
    @Operation(operationId = "recordDsaRate", summary = "Record the DSA rate of a place from a month",
            description = "A rate already recorded for that place and month is refused, never overwritten.")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response record(NewDsaRate input) {
        NewDsaRate in = Inputs.required("body", input);
        DsaRate saved = service.recordDsaRate(in.countryCode(), in.city(), Inputs.date("month", in.month()),
                Inputs.decimal("rateUsd", in.rateUsd()));
        return Response.status(Response.Status.CREATED).entity(DsaView.of(saved)).build();
    }
}
