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
import org.trustfund.travel.TravelEvent;
import org.trustfund.web.travel.TravelJson.EventView;
import org.trustfund.web.travel.TravelJson.NewEvent;
import org.trustfund.web.travel.TravelJson.ProgrammeView;

/** The meetings the fund pays participants to attend, and the programmes it pays them from. */
@Path("travel-events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Travel and fellowships")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class TravelEventResource {

    @EJB
    private TravelService service;

    @Context
    private UriInfo uri;

    @GET
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listTravelEvents", summary = "Every event, latest first")
    @APIResponse(responseCode = "200", description = "The events")
    public List<EventView> list() {
        return service.events().stream().map(EventView::of).toList();
    }

    @POST
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(operationId = "createTravelEvent", summary = "Add an event")
    @APIResponse(responseCode = "201", description = "Added; Location names it")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response create(NewEvent input) {
        TravelEvent saved = service.createEvent(Inputs.required("body", input).toInput());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(saved.getId())).build())
                .entity(EventView.of(saved)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(operationId = "changeTravelEvent", summary = "Correct an event")
    @APIResponse(responseCode = "200", description = "The event, changed")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public EventView change(@PathParam("id") long id, NewEvent input) {
        NewEvent in = Inputs.required("body", input);
        return EventView.of(service.changeEvent(id, Inputs.required("version", in.version()), in.toInput()));
    }

    @GET
    @Path("programmes")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listTravelProgrammes", summary = "The programmes trips are paid from",
            description = "MAG_TRAVEL (MAG member travel support), FELLOWSHIP and OTHER_PARTICIPANTS.")
    @APIResponse(responseCode = "200", description = "The programmes")
    public List<ProgrammeView> programmes() {
        return service.programmes().stream().map(ProgrammeView::of).toList();
    }
}
