package org.trustfund.web.reference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trustfund.reference.AcceptedCurrency;
import org.trustfund.reference.ReferenceData;
import org.trustfund.security.Roles;
import org.trustfund.web.api.Inputs;
import org.trustfund.web.reference.ReferenceJson.CurrencyList;
import org.trustfund.web.reference.ReferenceJson.CurrencyView;
import org.trustfund.web.reference.ReferenceJson.NewCurrency;

/** The currencies the funds accept (ISO 4217): staff read them, an administrator adds them. */
@Path("currencies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Currencies")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class CurrencyResource {

    @EJB
    private ReferenceData reference;

    @Context
    private UriInfo uri;

    @GET
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listCurrencies", summary = "The accepted currencies")
    @APIResponse(responseCode = "200", description = "The currencies",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "CurrencyList")))
    // Payara leaves out the class-level responses for a method that declares only its success.
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public CurrencyList list() {
        return new CurrencyList(reference.currencies().stream().map(CurrencyView::of).toList());
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "addCurrency", summary = "Accept a currency")
    @APIResponse(responseCode = "201", description = "Accepted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CurrencyView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response add(NewCurrency input) {
        Inputs.required("body", input);
        AcceptedCurrency currency = reference.addCurrency(input.code(), input.name());
        return Response.created(uri.getAbsolutePathBuilder().path(currency.getCode()).build())
                .entity(CurrencyView.of(currency)).build();
    }
}
