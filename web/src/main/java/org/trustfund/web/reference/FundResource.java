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
import org.trustfund.reference.Fund;
import org.trustfund.reference.ReferenceData;
import org.trustfund.security.Roles;
import org.trustfund.web.api.Inputs;
import org.trustfund.web.reference.ReferenceJson.FundList;
import org.trustfund.web.reference.ReferenceJson.FundView;
import org.trustfund.web.reference.ReferenceJson.NewFund;

/** The trust funds: staff read them (pledges and contributions name one), an administrator creates them. */
@Path("funds")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Funds")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class FundResource {

    @EJB
    private ReferenceData reference;

    @Context
    private UriInfo uri;

    @GET
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listFunds", summary = "All funds")
    @APIResponse(responseCode = "200", description = "The funds",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "FundList")))
    // Payara leaves out the class-level responses for a method that declares only its success.
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public FundList list() {
        return new FundList(reference.funds().stream().map(FundView::of).toList());
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createFund",
            summary = "Create a fund", description = "Base currency US dollars; support cost rate 13% unless given.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "FundView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response create(NewFund input) {
        Inputs.required("body", input);
        Fund fund = reference.createFund(input.code(), input.name(), Inputs.date("startDate", input.startDate()),
                Inputs.decimal("pscRate", input.pscRate()));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(fund.getId())).build())
                .entity(FundView.of(fund)).build();
    }
}
