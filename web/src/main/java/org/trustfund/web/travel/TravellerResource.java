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
import org.trustfund.travel.Traveller;
import org.trustfund.web.travel.TravelJson.TravellerDetails;
import org.trustfund.web.travel.TravelJson.TravellerView;

/** The people the fund pays to travel: found by name, registered and corrected by a finance officer. */
@Path("travellers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Travel and fellowships")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class TravellerResource {

    /** A search, not a register: the first 50 by name. */
    private static final int MAX = 50;

    @EJB
    private TravelService service;

    @Context
    private UriInfo uri;

    @GET
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listTravellers", summary = "Travellers whose name contains the text, by name (at most 50)")
    @APIResponse(responseCode = "200", description = "The travellers")
    public List<TravellerView> list(@Parameter(description = "Part of the name, any case") @QueryParam("name") String name) {
        return service.travellers(name, MAX).stream().map(TravellerView::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getTraveller", summary = "One traveller")
    @APIResponse(responseCode = "200", description = "The traveller")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public TravellerView get(@PathParam("id") long id) {
        return TravellerView.of(service.traveller(id));
    }

    @POST
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(operationId = "registerTraveller", summary = "Register a traveller")
    @APIResponse(responseCode = "201", description = "Registered; Location names it")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response register(TravellerDetails input) {
        Traveller saved = service.createTraveller(Inputs.required("body", input).toInput());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(saved.getId())).build())
                .entity(TravellerView.of(saved)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(operationId = "changeTraveller", summary = "Correct a traveller's details",
            description = "Requests already made keep the development status judged when they were made.")
    @APIResponse(responseCode = "200", description = "The traveller, changed")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public TravellerView change(@PathParam("id") long id, TravellerDetails input) {
        TravellerDetails in = Inputs.required("body", input);
        return TravellerView.of(service.changeTraveller(id, Inputs.required("version", in.version()), in.toInput()));
    }
}
