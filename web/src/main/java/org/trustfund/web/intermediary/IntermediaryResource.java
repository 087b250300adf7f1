package org.trustfund.web.intermediary;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trustfund.intermediary.Intermediary;
import org.trustfund.intermediary.IntermediaryInput;
import org.trustfund.intermediary.IntermediaryService;
import org.trustfund.security.Roles;
import org.trustfund.web.api.Inputs;
import org.trustfund.web.intermediary.TransferJson.FeeTerms;
import org.trustfund.web.intermediary.TransferJson.IntermediaryList;
import org.trustfund.web.intermediary.TransferJson.IntermediaryView;
import org.trustfund.web.intermediary.TransferJson.NewIntermediary;

/** Intermediary foundations, for finance staff: registered and their fee terms changed by a finance officer. */
@Path("intermediaries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Intermediaries")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class IntermediaryResource {

    @EJB
    private IntermediaryService service;

    @Context
    private UriInfo uri;

    @GET
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listIntermediaries", summary = "Every intermediary foundation, by name")
    @APIResponse(responseCode = "200", description = "The intermediaries")
    public IntermediaryList list() {
        List<IntermediaryView> items = service.intermediaries().stream().map(IntermediaryView::of).toList();
        return new IntermediaryList(items, items.size());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getIntermediary", summary = "One intermediary foundation")
    @APIResponse(responseCode = "200", description = "The intermediary")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public IntermediaryView get(@PathParam("id") long id) {
        return IntermediaryView.of(service.intermediary(id));
    }

    @POST
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(operationId = "registerIntermediary", summary = "Register a foundation as an intermediary",
            description = "An existing donor (donorId), or a new donor described in the body; a new donor of the same "
                    + "name and country as an existing one is refused (409) unless confirmDuplicate is true.")
    @APIResponse(responseCode = "201", description = "Registered; Location names it")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response register(NewIntermediary input) {
        NewIntermediary in = Inputs.required("body", input);
        Intermediary saved = service.register(new IntermediaryInput(in.donorId(), in.details(), in.feeTerms()),
                Boolean.TRUE.equals(in.confirmDuplicate()));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(saved.getId())).build())
                .entity(IntermediaryView.of(saved)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(operationId = "changeIntermediaryFeeTerms", summary = "Change an intermediary's fee terms")
    @APIResponse(responseCode = "200", description = "The intermediary, changed")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public IntermediaryView changeFeeTerms(@PathParam("id") long id, FeeTerms input) {
        FeeTerms in = Inputs.required("body", input);
        return IntermediaryView.of(service.changeFeeTerms(id, Inputs.required("version", in.version()), in.feeTerms()));
    }
}
