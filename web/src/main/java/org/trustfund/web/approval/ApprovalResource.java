package org.trustfund.web.approval;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trustfund.approval.ApprovalRequest;
import org.trustfund.approval.ApprovalService;
import org.trustfund.security.Roles;
import org.trustfund.web.api.Inputs;
import org.trustfund.web.api.Viewer;
import org.trustfund.web.approval.ApprovalJson.ApprovalList;
import org.trustfund.web.approval.ApprovalJson.ApprovalView;
import org.trustfund.web.approval.ApprovalJson.Decision;
import org.trustfund.web.approval.ApprovalJson.Rejection;

/**
 * Requests for a reversal, a write-off or a separate gift, which take effect only when a certifying officer who
 * did not ask approves them. They are filed on their subject ({@code POST /contributions/{id}/reversal},
 * {@code /contributions/{id}/separate-gift}, {@code /pledges/{id}/write-off}) and decided here. Staff only.
 */
@Path("approvals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Approvals")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class ApprovalResource {

    static final int MAX_LIST = 500;

    @EJB
    private ApprovalService approvals;

    @Inject
    private Approvals decisions;

    /** Who is asking, for the JSON forms. */
    @Inject
    private Viewer viewer;

    /** 202 Accepted with the filed request, Location naming it under {@code /api/approvals}. */
    public static Response filed(UriInfo uri, ApprovalRequest request, Viewer viewer) {
        return Response.accepted(ApprovalView.of(request, viewer))
                .location(uri.getBaseUriBuilder().path("approvals").path(String.valueOf(request.getId())).build())
                .build();
    }

    @GET
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listPendingApprovals", summary = "Requests waiting for a decision, oldest first")
    @APIResponse(responseCode = "200", description = "The waiting requests",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApprovalList")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public ApprovalList pending(@Parameter(description = "At most this many, 1 to 500 (default 100)")
            @QueryParam("size") String size) {
        int max = Inputs.whole("size", size, 100, 1, MAX_LIST);
        return new ApprovalList(approvals.pending(max).stream().map(r -> ApprovalView.of(r, viewer)).toList(),
                approvals.pendingCount());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getApproval", summary = "One approval request, decided or not")
    @APIResponse(responseCode = "200", description = "The request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApprovalView")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ApprovalView get(@PathParam("id") long id) {
        return ApprovalView.of(approvals.find(id), viewer);
    }

    @POST
    @Path("{id}/approval")
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    @Operation(operationId = "approveRequest", summary = "Approve a request: what it asks for takes effect",
            description = "By a certifying officer who did not ask. A reversal posts the reversing journals, a "
                    + "write-off gives up what is still owed on its date, a separate gift makes the held receipts "
                    + "revenue. Send the version you read: a request already decided, or changed since, is refused "
                    + "and nothing is posted.")
    @APIResponse(responseCode = "200", description = "The request, now approved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApprovalView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ApprovalView approve(@PathParam("id") long id, Decision input) {
        long version = Inputs.required("version", Inputs.required("body", input).version());
        return ApprovalView.of(decisions.approve(id, version), viewer);
    }

    @POST
    @Path("{id}/rejection")
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    @Operation(operationId = "rejectRequest", summary = "Reject a request, saying why; nothing changes",
            description = "By a certifying officer who did not ask.")
    @APIResponse(responseCode = "200", description = "The request, now rejected",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApprovalView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ApprovalView reject(@PathParam("id") long id, Rejection input) {
        long version = Inputs.required("version", Inputs.required("body", input).version());
        return ApprovalView.of(decisions.reject(id, version, input.note()), viewer);
    }

    @POST
    @Path("{id}/withdrawal")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
    @Operation(operationId = "withdrawRequest", summary = "Take back one's own request; nothing changes")
    @APIResponse(responseCode = "200", description = "The request, now withdrawn",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApprovalView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ApprovalView withdraw(@PathParam("id") long id, Decision input) {
        long version = Inputs.required("version", Inputs.required("body", input).version());
        return ApprovalView.of(decisions.withdraw(id, version), viewer);
    }
}
