package org.trustfund.web.contribution;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import org.trustfund.spreadsheet.ListExport;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trustfund.approval.ApprovalService;
import org.trustfund.contribution.Contribution;
import org.trustfund.contribution.ContributionQuery;
import org.trustfund.contribution.ContributionService;
import org.trustfund.contribution.ContributionStatus;
import org.trustfund.money.Money;
import org.trustfund.security.Roles;
import org.trustfund.web.api.ApiLocale;
import org.trustfund.web.api.Inputs;
import org.trustfund.web.api.Viewer;
import org.trustfund.web.approval.ApprovalJson.ApprovalList;
import org.trustfund.web.approval.ApprovalJson.ApprovalView;
import org.trustfund.web.approval.ApprovalResource;
import org.trustfund.web.contribution.ContributionJson.Certification;
import org.trustfund.web.contribution.ContributionJson.ContributionPage;
import org.trustfund.web.contribution.ContributionJson.ContributionView;
import org.trustfund.web.contribution.ContributionJson.HeldApplications;
import org.trustfund.web.contribution.ContributionJson.NewContribution;
import org.trustfund.web.contribution.ContributionJson.WithReason;

/**
 * Contributions, maker–checker: a finance officer records, a certifying officer who is someone else
 * certifies or sends back; a certified contribution is only ever reversed, and only when a second person approves
 * the request. A donor user sees only their own donor's contributions.
 */
@Path("contributions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Contributions")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class ContributionResource {

    @EJB
    private ContributionService contributions;

    @EJB
    private ApprovalService approvals;

    @Context
    private UriInfo uri;

    /** Who is asking, for the JSON forms (a donor user sees no staff user names). */
    @Inject
    private Viewer viewer;

    @GET
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
    @Operation(operationId = "listContributions", summary = "List contributions, a page at a time",
            description = "Filtering, sorting and paging are done in the database. A donor user gets only their "
                    + "own donor's, whatever the filters say.")
    @APIResponse(responseCode = "200", description = "One page of contributions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ContributionPage")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public ContributionPage list(
            @Parameter(description = "Page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (default 20)") @QueryParam("size") String size,
            @Parameter(description = "Donor id") @QueryParam("donorId") String donorId,
            @Parameter(description = "Part of the donor's name, any case") @QueryParam("donor") String donorName,
            @Parameter(description = "RECORDED, RETURNED, CERTIFIED or REVERSED") @QueryParam("status") String status,
            @Parameter(description = "ISO 4217 code") @QueryParam("currency") String currency,
            @Parameter(description = "Received on or after (yyyy-mm-dd)") @QueryParam("from") String from,
            @Parameter(description = "Received on or before (yyyy-mm-dd)") @QueryParam("to") String to,
            @Parameter(description = "received, donor, amountUsd or status; prefix - for descending "
                    + "(default -received)") @QueryParam("sort") String sort) {
        int pageNumber = Inputs.whole("page", page, 0, 0, Integer.MAX_VALUE / Inputs.MAX_PAGE_SIZE);
        int pageSize = Inputs.whole("size", size, 20, 1, Inputs.MAX_PAGE_SIZE);
        Inputs.SortOrder<ContributionQuery.Sort> order = Inputs.sort("sort", sort, ContributionQuery.Sort.class,
                new Inputs.SortOrder<>(ContributionQuery.Sort.RECEIVED, true));
        ContributionQuery query = new ContributionQuery(Inputs.id("donorId", donorId), donorName,
                Inputs.choice("status", status, ContributionStatus.class),
                currency == null || currency.isBlank() ? null : currency.trim().toUpperCase(Locale.ROOT),
                Inputs.date("from", from), Inputs.date("to", to), order.key(), order.descending());
        return new ContributionPage(contributions.search(query, pageNumber * pageSize, pageSize).stream()
                .map(c -> ContributionView.of(c, viewer)).toList(), pageNumber, pageSize, contributions.count(query));
    }

    @GET
    @Path("export")
    // JSON too: refusals (400, 403) come as JSON like everywhere in the API, and a client that sends the API's
    // usual "Accept: application/json" still gets the workbook (its Content-Type says so) rather than a 406.
    @Produces({ListExport.CONTENT_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
    @Operation(operationId = "exportContributions", summary = "Every contribution the filters select, as an xlsx",
            description = "The same filters, sort and defaults as the list, without paging; the filter and sort are "
                    + "written above the table, and the USD column has a total. A donor user gets only their own "
                    + "donor's. Labels in the language of Accept-Language (English or French).")
    @APIResponse(responseCode = "200", description = "The workbook, streamed",
            content = @Content(mediaType = ListExport.CONTENT_TYPE))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response export(
            @Parameter(description = "Donor id") @QueryParam("donorId") String donorId,
            @Parameter(description = "Part of the donor's name, any case") @QueryParam("donor") String donorName,
            @Parameter(description = "RECORDED, RETURNED, CERTIFIED or REVERSED") @QueryParam("status") String status,
            @Parameter(description = "ISO 4217 code") @QueryParam("currency") String currency,
            @Parameter(description = "Received on or after (yyyy-mm-dd)") @QueryParam("from") String from,
            @Parameter(description = "Received on or before (yyyy-mm-dd)") @QueryParam("to") String to,
            @Parameter(description = "received, donor, amountUsd or status; prefix - for descending "
                    + "(default -received)") @QueryParam("sort") String sort,
            @Context HttpHeaders headers) {
        Inputs.SortOrder<ContributionQuery.Sort> order = Inputs.sort("sort", sort, ContributionQuery.Sort.class,
                new Inputs.SortOrder<>(ContributionQuery.Sort.RECEIVED, true));
        ContributionQuery query = new ContributionQuery(Inputs.id("donorId", donorId), donorName,
                Inputs.choice("status", status, ContributionStatus.class),
                currency == null || currency.isBlank() ? null : currency.trim().toUpperCase(Locale.ROOT),
                Inputs.date("from", from), Inputs.date("to", to), order.key(), order.descending());
        Locale locale = ApiLocale.of(headers);
        StreamingOutput body = out -> contributions.export(query, locale, out);
        return Response.ok(body, ListExport.CONTENT_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + ListExport.fileName("contributions", Instant.now()) + "\"")
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
    @Operation(operationId = "getContribution",
            summary = "One contribution, with its rate, US dollar value and applications")
    @APIResponse(responseCode = "200", description = "The contribution",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ContributionView")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ContributionView get(@PathParam("id") long id) {
        return ContributionView.of(contributions.find(id), viewer);
    }

    @POST
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(operationId = "recordContribution", summary = "Record cash received",
            description = "Converted to US dollars at the operational rate in force on the received date; if "
                    + "there is none, nothing is saved and the message names the currency and date. Without "
                    + "applications it is applied as the page suggests: to the donor's open instalments in the fund "
                    + "and currency, oldest due first; send \"applications\": [] to apply nothing (then, if the "
                    + "donor owes the fund under a signed agreement, it is held as unapplied receipts). It counts "
                    + "nowhere until another person certifies it.")
    @APIResponse(responseCode = "201", description = "Recorded; Location names the new contribution",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ContributionView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response record(NewContribution input) {
        Contribution contribution = contributions.record(Inputs.required("body", input).toInput());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(contribution.getId())).build())
                .entity(ContributionView.of(contribution, viewer)).build();
    }

    @POST
    @Path("{id}/certification")
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    @Operation(operationId = "certifyContribution", summary = "Certify a recorded contribution",
            description = "By a certifying officer who did not record it. Posts it to the ledger.")
    @APIResponse(responseCode = "200", description = "The contribution, now certified",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ContributionView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ContributionView certify(@PathParam("id") long id, Certification input) {
        long version = Inputs.required("version", Inputs.required("body", input).version());
        return ContributionView.of(contributions.certify(id, version), viewer);
    }

    @POST
    @Path("{id}/return")
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    @Operation(operationId = "returnContribution",
            summary = "Send a recorded contribution back to the finance officer, with a reason")
    @APIResponse(responseCode = "200", description = "The contribution, now returned",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ContributionView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ContributionView sendBack(@PathParam("id") long id, WithReason input) {
        long version = Inputs.required("version", Inputs.required("body", input).version());
        return ContributionView.of(contributions.sendBack(id, version, input.reason()), viewer);
    }

    @POST
    @Path("{id}/reversal")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
    @Operation(operationId = "requestContributionReversal",
            summary = "Ask for a certified contribution to be reversed, with a reason",
            description = "Files a request; nothing is posted until a certifying officer who did not ask approves it "
                    + "(POST /api/approvals/{id}/approval). Then reversing journals are posted and the contribution "
                    + "stays visible as reversed; record the correct one anew. One request at a time per "
                    + "contribution.")
    @APIResponse(responseCode = "202", description = "Request filed; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApprovalView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response requestReversal(@PathParam("id") long id, WithReason input) {
        long version = Inputs.required("version", Inputs.required("body", input).version());
        return ApprovalResource.filed(uri, contributions.requestReversal(id, version, input.reason()), viewer);
    }

    @POST
    @Path("{id}/applications")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(operationId = "applyHeldReceipts",
            summary = "Apply a certified contribution's held unapplied receipts to instalments",
            description = "Part or all of what is held, to open instalments of the same donor's pledges in the same "
                    + "fund and currency. Posted today: the unapplied receipts go down, the receivables are cleared, "
                    + "the exchange difference is realized.")
    @APIResponse(responseCode = "200", description = "The contribution, with the new applications",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ContributionView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ContributionView applyHeld(@PathParam("id") long id, HeldApplications input) {
        long version = Inputs.required("version", Inputs.required("body", input).version());
        Map<Long, Money> lines = ContributionJson.applications(Inputs.required("applications", input.applications()));
        return ContributionView.of(contributions.applyHeld(id, version, lines), viewer);
    }

    @POST
    @Path("{id}/separate-gift")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
    @Operation(operationId = "requestSeparateGift",
            summary = "Ask for a contribution's held unapplied receipts to be recognised as a separate gift",
            description = "Files a request, with a reason; when a certifying officer who did not ask approves it, "
                    + "the whole held amount becomes revenue, not a payment of any pledge.")
    @APIResponse(responseCode = "202", description = "Request filed; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApprovalView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response requestSeparateGift(@PathParam("id") long id, WithReason input) {
        long version = Inputs.required("version", Inputs.required("body", input).version());
        return ApprovalResource.filed(uri, contributions.requestSeparateGift(id, version, input.reason()), viewer);
    }

    @GET
    @Path("{id}/requests")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listContributionRequests",
            summary = "Every approval request about a contribution, oldest first",
            description = "For staff: the requests are internal (a donor sees the outcome on the contribution).")
    @APIResponse(responseCode = "200", description = "The requests",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApprovalList")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ApprovalList requests(@PathParam("id") long id) {
        contributions.find(id);
        List<ApprovalView> items = approvals.of(Contribution.SOURCE_TYPE, id).stream()
                .map(r -> ApprovalView.of(r, viewer)).toList();
        return new ApprovalList(items, items.size());
    }
}
