package org.trustfund.web.travel;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trustfund.security.Roles;
import org.trustfund.travel.TravelQuery;
import org.trustfund.travel.TravelRequest;
import org.trustfund.travel.TravelService;
import org.trustfund.travel.TravelStatus;
import org.trustfund.web.api.Inputs;
import org.trustfund.web.api.Viewer;
import org.trustfund.web.travel.TravelJson.CostingView;
import org.trustfund.web.travel.TravelJson.NewTrip;
import org.trustfund.web.travel.TravelJson.TripPage;
import org.trustfund.web.travel.TravelJson.TripReason;
import org.trustfund.web.travel.TravelJson.TripStep;
import org.trustfund.web.travel.TravelJson.TripView;

/**
 * Travel and fellowship requests through their workflow: a finance officer requests (costed with the DSA looked up),
 * a certifying officer who did not request approves or rejects, the trip is obligated and paid, the post-trip report
 * is recorded; a cancellation after payment reverses the payment. The rules are the service's, as on the pages; the
 * list's filters and order are the page's: every request, latest departure first. Staff records: no donor sees them.
 */
@Path("travel")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Travel and fellowships")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class TravelResource {

    @EJB
    private TravelService service;

    @Inject
    private Viewer viewer;

    @Context
    private UriInfo uri;

    @GET
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listTravel", summary = "List travel requests, a page at a time, latest departure first")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public TripPage list(@Parameter(description = "Page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (default 20)") @QueryParam("size") String size,
            @QueryParam("fundId") String fundId, @QueryParam("programmeId") String programmeId,
            @QueryParam("eventId") String eventId,
            @Parameter(description = "REQUESTED, APPROVED, OBLIGATED, PAID, REPORTED, REJECTED or CANCELLED")
            @QueryParam("status") String status,
            @Parameter(description = "Part of the traveller's name, any case") @QueryParam("traveller") String traveller,
            @Parameter(description = "Departing on or after (yyyy-mm-dd)") @QueryParam("from") String from,
            @Parameter(description = "Departing on or before (yyyy-mm-dd)") @QueryParam("to") String to,
            @Parameter(description = "true: only paid trips whose traveller is back and whose report has not come in")
            @QueryParam("reportsOutstanding") String reportsOutstanding) {
        int pageNumber = Inputs.whole("page", page, 0, 0, Integer.MAX_VALUE / Inputs.MAX_PAGE_SIZE);
        int pageSize = Inputs.whole("size", size, 20, 1, Inputs.MAX_PAGE_SIZE);
        // A from-date after the to-date is refused by the service, as on the page.
        LocalDate first = Inputs.date("from", from);
        LocalDate last = Inputs.date("to", to);
        TravelQuery q = new TravelQuery(Inputs.id("fundId", fundId), Inputs.id("programmeId", programmeId),
                Inputs.id("eventId", eventId), Inputs.choice("status", status, TravelStatus.class), traveller, first, last,
                "true".equalsIgnoreCase(reportsOutstanding == null ? null : reportsOutstanding.trim()));
        return new TripPage(service.search(q, pageNumber * pageSize, pageSize).stream()
                .map(t -> TripView.of(t, viewer)).toList(), pageNumber, pageSize, service.count(q));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getTravel", summary = "One travel request")
    @APIResponse(responseCode = "200", description = "The request")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public TripView get(@PathParam("id") long id) {
        return TripView.of(service.find(id), viewer);
    }

    @POST
    @Path("costing")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
    @Operation(operationId = "costTravel", summary = "Cost a trip without saving it",
            description = "The DSA rate of the place and month looked up, the nights the dates imply, the USD total at "
                    + "the operational rate of the day asked, whether the request is late and the traveller eligible.")
    @APIResponse(responseCode = "200", description = "The costing")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public CostingView cost(NewTrip input) {
        return CostingView.of(service.preview(Inputs.required("body", input).toInput()));
    }

    @POST
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(operationId = "requestTravel", summary = "Request a trip",
            description = "Costed as the costing says; days other than the dates imply, an overridden DSA rate and a "
                    + "traveller from a country not eligible on the departure date each need their reason. It commits "
                    + "nothing until a certifying officer approves it.")
    @APIResponse(responseCode = "201", description = "Requested; Location names it")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response request(NewTrip input) {
        TravelRequest saved = service.request(Inputs.required("body", input).toInput());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(saved.getId())).build())
                .entity(TripView.of(saved, viewer)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(operationId = "correctTravel", summary = "Correct a request not yet approved")
    @APIResponse(responseCode = "200", description = "The request, corrected")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public TripView correct(@PathParam("id") long id, NewTrip input) {
        NewTrip in = Inputs.required("body", input);
        return TripView.of(service.correct(id, Inputs.required("version", in.version()), in.toInput()), viewer);
    }

    @POST
    @Path("{id}/approval")
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    @Operation(operationId = "approveTravel", summary = "Approve a request",
            description = "By a certifying officer who did not request it. Beyond the programme's remaining budget or "
                    + "the fund's available balance only with overrideReason.")
    @APIResponse(responseCode = "200", description = "The request, approved")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public TripView approve(@PathParam("id") long id, TripStep input) {
        TripStep in = Inputs.required("body", input);
        return TripView.of(service.approve(id, Inputs.required("version", in.version()), in.overrideReason()), viewer);
    }

    @POST
    @Path("{id}/rejection")
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    @Operation(operationId = "rejectTravel", summary = "Reject a request, with a reason")
    @APIResponse(responseCode = "200", description = "The request, rejected")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public TripView reject(@PathParam("id") long id, TripReason input) {
        TripReason in = Inputs.required("body", input);
        return TripView.of(service.reject(id, Inputs.required("version", in.version()), in.reason()), viewer);
    }

    @POST
    @Path("{id}/obligation")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
    @Operation(operationId = "obligateTravel", summary = "Obligate an approved trip",
            description = "Posts the commitment on the memo accounts at the operational rate of the date.")
    @APIResponse(responseCode = "200", description = "The request, obligated")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public TripView obligate(@PathParam("id") long id, TripStep input) {
        TripStep in = Inputs.required("body", input);
        return TripView.of(service.obligate(id, Inputs.required("version", in.version()), in.dateOrToday(),
                in.staleRateReason()), viewer);
    }

    @POST
    @Path("{id}/payment")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
    @Operation(operationId = "payTravel", summary = "Pay an obligated trip",
            description = "By someone other than the approver; posts the expense against cash at the operational rate "
                    + "of the payment date and releases the obligation.")
    @APIResponse(responseCode = "200", description = "The request, paid")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public TripView pay(@PathParam("id") long id, TripStep input) {
        TripStep in = Inputs.required("body", input);
        return TripView.of(service.pay(id, Inputs.required("version", in.version()), in.dateOrToday(), in.reference(),
                in.staleRateReason()), viewer);
    }

    @POST
    @Path("{id}/report")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(operationId = "recordTravelReport", summary = "Record that the post-trip report came in")
    @APIResponse(responseCode = "200", description = "The request, reported")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public TripView reportReceived(@PathParam("id") long id, TripStep input) {
        TripStep in = Inputs.required("body", input);
        return TripView.of(service.reportReceived(id, Inputs.required("version", in.version()), in.dateOrToday()),
                viewer);
    }

    @POST
    @Path("{id}/cancellation")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
    @Operation(operationId = "cancelTravel", summary = "Cancel a trip, with a reason",
            description = "An open obligation is released; a paid trip needs a certifying officer and its payment is "
                    + "reversed, the original kept.")
    @APIResponse(responseCode = "200", description = "The request, cancelled")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public TripView cancel(@PathParam("id") long id, TripReason input) {
        TripReason in = Inputs.required("body", input);
        return TripView.of(service.cancel(id, Inputs.required("version", in.version()), in.reason()), viewer);
    }
}
