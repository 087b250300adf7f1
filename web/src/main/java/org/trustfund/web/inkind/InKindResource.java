package org.trustfund.web.inkind;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.trustfund.spreadsheet.ListExport;
import org.trustfund.web.api.ApiLocale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trustfund.inkind.InKindCategory;
import org.trustfund.inkind.InKindContribution;
import org.trustfund.inkind.InKindNature;
import org.trustfund.inkind.InKindQuery;
import org.trustfund.inkind.InKindService;
import org.trustfund.receipt.ReceiptStatus;
import org.trustfund.security.Roles;
import org.trustfund.web.api.Inputs;
import org.trustfund.web.api.Viewer;
import org.trustfund.web.approval.ApprovalResource;
import org.trustfund.web.inkind.InKindJson.InKindPage;
import org.trustfund.web.inkind.InKindJson.InKindView;
import org.trustfund.web.inkind.InKindJson.NewInKind;
import org.trustfund.web.inkind.InKindJson.InKindVersion;
import org.trustfund.web.inkind.InKindJson.InKindReason;

/**
 * In-kind contributions, maker–checker as for cash: a finance officer records, a certifying officer who is someone
 * else certifies (goods post in-kind revenue and the matching expense; services post nothing) or sends back; a
 * certified one is reversed only by approval. A donor user sees only their own donor's. The list's filters and
 * defaults are the page's: every entry, newest first.
 */
@Path("in-kind")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "In-kind contributions")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class InKindResource {

    @EJB
    private InKindService service;

    @Inject
    private Viewer viewer;

    @Context
    private UriInfo uri;

    @GET
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
    @Operation(operationId = "listInKind", summary = "List in-kind contributions, a page at a time, newest first",
            description = "A donor user gets only their own donor's, whatever the filters say.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public InKindPage list(@Parameter(description = "Page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (default 20)") @QueryParam("size") String size,
            @QueryParam("donorId") String donorId, @QueryParam("fundId") String fundId,
            @Parameter(description = "Part of the donor's name, any case") @QueryParam("donor") String donorName,
            @Parameter(description = "GOODS or SERVICES") @QueryParam("nature") String nature,
            @QueryParam("category") String category,
            @Parameter(description = "RECORDED, RETURNED, CERTIFIED or REVERSED") @QueryParam("status") String status,
            @Parameter(description = "First day on or after (yyyy-mm-dd)") @QueryParam("from") String from,
            @Parameter(description = "First day on or before (yyyy-mm-dd)") @QueryParam("to") String to) {
        int pageNumber = Inputs.whole("page", page, 0, 0, Integer.MAX_VALUE / Inputs.MAX_PAGE_SIZE);
        int pageSize = Inputs.whole("size", size, 20, 1, Inputs.MAX_PAGE_SIZE);
        InKindQuery q = query(donorId, fundId, donorName, nature, category, status, from, to);
        return new InKindPage(service.search(q, pageNumber * pageSize, pageSize).stream()
                .map(g -> InKindView.of(g, viewer)).toList(), pageNumber, pageSize, service.count(q));
    }

    @GET
    @Path("export")
    @Produces({ListExport.CONTENT_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "exportInKind", summary = "Every in-kind contribution the filters select, as an xlsx",
            description = "The list's filters and order, without paging; certified goods and services totalled apart.")
    @APIResponse(responseCode = "200", description = "The workbook", content = @Content(mediaType = ListExport.CONTENT_TYPE))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response export(@QueryParam("donorId") String donorId, @QueryParam("fundId") String fundId,
            @QueryParam("donor") String donorName, @QueryParam("nature") String nature,
            @QueryParam("category") String category, @QueryParam("status") String status, @QueryParam("from") String from,
            @QueryParam("to") String to, @Context HttpHeaders headers) {
        InKindQuery q = query(donorId, fundId, donorName, nature, category, status, from, to);
        Locale locale = ApiLocale.of(headers);
        StreamingOutput body = out -> service.export(q, locale, out);
        return Response.ok(body, ListExport.CONTENT_TYPE).header("Content-Disposition",
                "attachment; filename=\"" + ListExport.fileName("in-kind", Instant.now()) + "\"").build();
    }

    private static InKindQuery query(String donorId, String fundId, String donorName, String nature, String category,
            String status, String from, String to) {
        return new InKindQuery(Inputs.id("donorId", donorId), Inputs.id("fundId", fundId), donorName,
                Inputs.choice("category", category, InKindCategory.class), Inputs.choice("nature", nature, InKindNature.class),
                Inputs.choice("status", status, ReceiptStatus.class), Inputs.date("from", from), Inputs.date("to", to));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
    @Operation(operationId = "getInKind", summary = "One in-kind contribution")
    @APIResponse(responseCode = "200", description = "The entry")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public InKindView get(@PathParam("id") long id) {
        return InKindView.of(service.find(id), viewer);
    }

    @POST
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(operationId = "recordInKind", summary = "Record an in-kind contribution",
            description = "Goods and premises are recognized at fair value in US dollars at the rate of the first day; "
                    + "services are disclosed, not recognized. Leave recognized out (the rule decides); services sent as "
                    + "recognized are refused at the field recognized. It counts nowhere until another person certifies it.")
    @APIResponse(responseCode = "201", description = "Recorded; Location names it")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response record(NewInKind input) {
        InKindContribution saved = service.record(Inputs.required("body", input).toInput());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(saved.getId())).build())
                .entity(InKindView.of(saved, viewer)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(operationId = "correctInKind", summary = "Correct an in-kind contribution not yet certified")
    @APIResponse(responseCode = "200", description = "The entry, corrected")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public InKindView correct(@PathParam("id") long id, NewInKind input) {
        NewInKind in = Inputs.required("body", input);
        return InKindView.of(service.correct(id, Inputs.required("version", in.version()), in.toInput()), viewer);
    }

    @POST
    @Path("{id}/certification")
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    @Operation(operationId = "certifyInKind", summary = "Certify a recorded in-kind contribution",
            description = "By a certifying officer who did not record it. Goods post in-kind revenue and the matching "
                    + "expense; services post nothing.")
    @APIResponse(responseCode = "200", description = "The entry, certified")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public InKindView certify(@PathParam("id") long id, InKindVersion input) {
        return InKindView.of(service.certify(id, Inputs.required("version", Inputs.required("body", input).version())), viewer);
    }

    @POST
    @Path("{id}/return")
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    @Operation(operationId = "returnInKind", summary = "Send an in-kind contribution back, with a reason")
    @APIResponse(responseCode = "200", description = "The entry, sent back")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public InKindView sendBack(@PathParam("id") long id, InKindReason input) {
        InKindReason in = Inputs.required("body", input);
        return InKindView.of(service.sendBack(id, Inputs.required("version", in.version()), in.reason()), viewer);
    }

    @POST
    @Path("{id}/reversal")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
    @Operation(operationId = "requestInKindReversal", summary = "Ask for a certified in-kind contribution to be reversed",
            description = "Nothing is posted until a certifying officer who did not ask approves the request.")
    @APIResponse(responseCode = "202", description = "Request filed; Location names it")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response requestReversal(@PathParam("id") long id, InKindReason input) {
        InKindReason in = Inputs.required("body", input);
        return ApprovalResource.filed(uri, service.requestReversal(id, Inputs.required("version", in.version()),
                in.reason()), viewer);
    }
}
