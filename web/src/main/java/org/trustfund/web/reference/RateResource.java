package org.trustfund.web.reference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trustfund.reference.ExchangeRate;
import org.trustfund.reference.RateRow;
import org.trustfund.reference.ReferenceData;
import org.trustfund.security.Roles;
import org.trustfund.web.api.Inputs;
import org.trustfund.web.reference.ReferenceJson.NewRate;
import org.trustfund.web.reference.ReferenceJson.RateList;
import org.trustfund.web.reference.ReferenceJson.RateView;

/** UN operational rates of exchange: staff read them, an administrator adds them. */
@Path("rates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rates")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class RateResource {

    @EJB
    private ReferenceData reference;

    @Context
    private UriInfo uri;

    @GET
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listRates", summary = "Operational rates, newest first")
    @APIResponse(responseCode = "200", description = "The rates",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "RateList")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public RateList list(
            @Parameter(description = "Only this ISO 4217 currency") @QueryParam("currency") String currency,
            @Parameter(description = "At most this many, 1 to 1000 (default 100)") @QueryParam("max") String max) {
        String code = currency == null || currency.isBlank() ? null : currency.trim().toUpperCase(Locale.ROOT);
        return new RateList(reference.rates(code, Inputs.whole("max", max, 100, 1, 1000)).stream().map(RateView::of)
                .toList());
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "addRate", summary = "Add an operational rate",
            description = "A new month's rate, or a mid-month revision with a later date that supersedes the earlier.")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RateView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response add(NewRate input) {
        Inputs.required("body", input);
        ExchangeRate rate = reference.addRate(new RateRow(input.currency(),
                Inputs.date("effectiveDate", input.effectiveDate()),
                Inputs.decimal("unitsPerUsd", input.unitsPerUsd())));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(rate.getId())).build())
                .entity(RateView.of(rate)).build();
    }
}
