package org.trustfund.web.pledge;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trustfund.approval.ApprovalRequest;
import org.trustfund.approval.ApprovalService;
import org.trustfund.pledge.Pledge;
import org.trustfund.pledge.PledgeService;
import org.trustfund.security.Roles;
import org.trustfund.web.api.Inputs;
import org.trustfund.web.api.Viewer;
import org.trustfund.web.approval.ApprovalJson.ApprovalList;
import org.trustfund.web.approval.ApprovalJson.ApprovalView;
import org.trustfund.web.approval.ApprovalResource;
import org.trustfund.web.pledge.PledgeJson.AgreementInput;
import org.trustfund.web.pledge.PledgeJson.ConditionsMetInput;
import org.trustfund.web.pledge.PledgeJson.NewPledge;
import org.trustfund.web.pledge.PledgeJson.PledgeView;
import org.trustfund.web.pledge.PledgeJson.WriteOffInput;

/**
 * Pledges and their agreements. Finance officers record them; staff read them; a donor user reads only
 * their own donor's.
 */
@Path("pledges")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Pledges")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class PledgeResource {

    @EJB
    private PledgeService pledges;

    @EJB
    private ApprovalService approvals;

    @Context
    private UriInfo uri;

    /** Who is asking, for the JSON forms (a donor user sees no staff user names). */
    @Inject
    private Viewer viewer;

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
    @Operation(operationId = "getPledge", summary = "One pledge, with its instalments and what has been paid on each")
    @APIResponse(responseCode = "200", description = "The pledge",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PledgeView")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PledgeView get(@PathParam("id") long id) {
        Pledge pledge = pledges.find(id);
        return PledgeView.of(pledge, pledges.paidByInstalment(id), viewer);
    }

    @POST
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(operationId = "createPledge", summary = "Record a pledge with its instalment schedule",
            description = "The instalments must be in the pledge's currency and add up exactly to it. An unsigned "
                    + "pledge is memo only: it becomes a receivable when its agreement is recorded.")
    @APIResponse(responseCode = "201", description = "Recorded; Location names the new pledge",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PledgeView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response create(NewPledge input) {
        Pledge pledge = pledges.create(Inputs.required("body", input).toInput());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(pledge.getId())).build())
                .entity(PledgeView.of(pledge, Map.of(), viewer)).build();
    }

    @POST
    @Path("{id}/agreement")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(operationId = "signAgreement", summary = "Record the signed agreement",
            description = "Books the receivable at the operational rate of the signing date. Send the version "
                    + "you read: if someone changed the pledge since, nothing is saved (409).")
    @APIResponse(responseCode = "200", description = "The pledge, now with its agreement",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PledgeView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public PledgeView signAgreement(@PathParam("id") long id, AgreementInput input) {
        Inputs.required("body", input);
        Pledge pledge = pledges.signAgreement(id, Inputs.required("version", input.version()),
                Inputs.date("agreementDate", input.agreementDate()), input.agreementReference(), input.conditions(),
                input.staleRateReason());
        return PledgeView.of(pledge, pledges.paidByInstalment(id), viewer);
    }

    @POST
    @Path("{id}/conditions-met")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(operationId = "recordConditionsMet", summary = "Record that the agreement's conditions are met",
            description = "Moves the pledge's deferred revenue to revenue on that date (IPSAS 23).")
    @APIResponse(responseCode = "200", description = "The pledge, with the date its conditions were met",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PledgeView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public PledgeView recordConditionsMet(@PathParam("id") long id, ConditionsMetInput input) {
        Inputs.required("body", input);
        Pledge pledge = pledges.recordConditionsMet(id, Inputs.required("version", input.version()),
                Inputs.date("conditionsMetOn", input.conditionsMetOn()));
        return PledgeView.of(pledge, pledges.paidByInstalment(id), viewer);
    }

    @POST
    @Path("{id}/write-off")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(operationId = "requestPledgeWriteOff",
            summary = "Ask for what is still owed on a pledge to be written off, on a date, with a reason",
            description = "Files a request; nothing is posted until a certifying officer who did not ask approves it "
                    + "(POST /api/approvals/{id}/approval). One request at a time per pledge.")
    @APIResponse(responseCode = "202", description = "Request filed; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApprovalView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response requestWriteOff(@PathParam("id") long id, WriteOffInput input) {
        Inputs.required("body", input);
        ApprovalRequest request = pledges.requestWriteOff(id, Inputs.required("version", input.version()),
                Inputs.date("writtenOffOn", input.writtenOffOn()), input.reason());
        return ApprovalResource.filed(uri, request, viewer);
    }

    @GET
    @Path("{id}/requests")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listPledgeRequests", summary = "Every approval request about a pledge, oldest first",
            description = "For staff: the requests are internal (a donor sees the outcome on the pledge).")
    @APIResponse(responseCode = "200", description = "The requests",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApprovalList")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ApprovalList requests(@PathParam("id") long id) {
        pledges.find(id);
        List<ApprovalView> items = approvals.of(Pledge.SOURCE_TYPE, id).stream()
                .map(r -> ApprovalView.of(r, viewer)).toList();
        return new ApprovalList(items, items.size());
    }
}
