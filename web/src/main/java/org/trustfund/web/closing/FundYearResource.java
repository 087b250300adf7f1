package org.trustfund.web.closing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trustfund.closing.YearClosingService;
import org.trustfund.closing.YearStatus;
import org.trustfund.security.Roles;
import org.trustfund.web.api.Inputs;
import org.trustfund.web.closing.YearJson.YearList;
import org.trustfund.web.closing.YearJson.YearStep;
import org.trustfund.web.closing.YearJson.YearStepWithReason;
import org.trustfund.web.closing.YearJson.YearView;

/**
 * Year-end closing of a fund: a finance officer proposes and asks to reopen, a certifying officer who did not do
 * so confirms or rejects. Once a year is closed nothing dated in it is posted.
 */
@Path("funds/{fundId}/years")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Year closing")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class FundYearResource {

    @EJB
    private YearClosingService closing;

    @GET
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listFundYears", summary = "The fund's years from its start to now, with their closing")
    @APIResponse(responseCode = "200", description = "The years, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "YearList")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public YearList list(@PathParam("fundId") long fundId) {
        return new YearList(closing.years(fundId).stream().map(YearView::of).toList());
    }

    @POST
    @Path("{year}/close")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(operationId = "proposeYearClosing", summary = "Propose closing the year",
            description = "Only a year that has ended, after the year before it is closed, and with no contribution "
                    + "dated in it awaiting certification. Send the version you read (0 for a year never proposed).")
    @APIResponse(responseCode = "200", description = "The year, now proposed for closing",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "YearView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public YearView propose(@PathParam("fundId") long fundId, @PathParam("year") int year, YearStep input) {
        return YearView.of(closing.proposeClose(fundId, year, version(input)));
    }

    @POST
    @Path("{year}/close/confirm")
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    @Operation(operationId = "confirmYearClosing", summary = "Confirm the proposed closing",
            description = "By a certifying officer who did not propose it. Posts the year-end unrealized exchange "
                    + "difference (open receivables restated at the rate of 31 December), then closes the year.")
    @APIResponse(responseCode = "200", description = "The year, now closed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "YearView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public YearView confirm(@PathParam("fundId") long fundId, @PathParam("year") int year, YearStep input) {
        return YearView.of(closing.confirmClose(fundId, year, version(input)));
    }

    @POST
    @Path("{year}/close/reject")
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    @Operation(operationId = "rejectYearClosing", summary = "Reject the proposed closing, with a reason")
    @APIResponse(responseCode = "200", description = "The year, open again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "YearView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public YearView reject(@PathParam("fundId") long fundId, @PathParam("year") int year, YearStepWithReason input) {
        Inputs.required("body", input);
        return YearView.of(closing.reject(fundId, year, Inputs.required("version", input.version()),
                YearStatus.CLOSE_PROPOSED, input.reason()));
    }

    @POST
    @Path("{year}/reopen")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(operationId = "requestYearReopening", summary = "Ask to reopen a closed year, with a reason",
            description = "The year stays closed until a certifying officer confirms. A later closed year must be "
                    + "reopened first.")
    @APIResponse(responseCode = "200", description = "The year, with its reopening requested",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "YearView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public YearView requestReopen(@PathParam("fundId") long fundId, @PathParam("year") int year, YearStepWithReason input) {
        Inputs.required("body", input);
        return YearView.of(closing.requestReopen(fundId, year, Inputs.required("version", input.version()), input.reason()));
    }

    @POST
    @Path("{year}/reopen/confirm")
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    @Operation(operationId = "confirmYearReopening", summary = "Confirm the requested reopening",
            description = "By a certifying officer who did not request it: postings dated in the year are accepted again.")
    @APIResponse(responseCode = "200", description = "The year, open again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "YearView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public YearView confirmReopen(@PathParam("fundId") long fundId, @PathParam("year") int year, YearStep input) {
        return YearView.of(closing.confirmReopen(fundId, year, version(input)));
    }

    @POST
    @Path("{year}/reopen/reject")
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    @Operation(operationId = "rejectYearReopening", summary = "Reject the requested reopening, with a reason")
    @APIResponse(responseCode = "200", description = "The year, still closed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "YearView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public YearView rejectReopen(@PathParam("fundId") long fundId, @PathParam("year") int year, YearStepWithReason input) {
        Inputs.required("body", input);
        return YearView.of(closing.reject(fundId, year, Inputs.required("version", input.version()),
                YearStatus.REOPEN_PROPOSED, input.reason()));
    }

    private static long version(YearStep input) {
        return Inputs.required("version", Inputs.required("body", input).version());
    }
}
