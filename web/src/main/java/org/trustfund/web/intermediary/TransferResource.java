package org.trustfund.web.intermediary;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trustfund.intermediary.GiftImport;
import org.trustfund.intermediary.IntermediaryService;
import org.trustfund.intermediary.IntermediaryTransfer;
import org.trustfund.intermediary.TransferQuery;
import org.trustfund.receipt.ReceiptStatus;
import org.trustfund.security.Roles;
import org.trustfund.spreadsheet.ListExport;
import org.trustfund.web.api.ApiLocale;
import org.trustfund.web.api.Inputs;
import org.trustfund.web.api.Viewer;
import org.trustfund.web.approval.ApprovalResource;
import org.trustfund.web.intermediary.TransferJson.ImportView;
import org.trustfund.web.intermediary.TransferJson.NewTransfer;
import org.trustfund.web.intermediary.TransferJson.RowProblem;
import org.trustfund.web.intermediary.TransferJson.TransferPage;
import org.trustfund.web.intermediary.TransferJson.TransferView;
import org.trustfund.web.intermediary.TransferJson.TransferVersion;
import org.trustfund.web.intermediary.TransferJson.TransferReason;
import org.trustfund.web.platform.Messages;

/**
 * Transfers from intermediary foundations, for finance staff (a donor never sees another giver's gifts), with the
 * same maker–checker as cash: recorded by a finance officer, certified by someone else once it reconciles; a
 * certified one is reversed only by approval. The list's filters and defaults are the page's.
 */
@Path("transfers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Intermediaries")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class TransferResource {

    @EJB
    private IntermediaryService service;

    @EJB
    private GiftImport imports;

    @Inject
    private Viewer viewer;

    @Context
    private UriInfo uri;

    private static TransferQuery query(String intermediaryId, String fundId, String status, String pending, String from,
            String to) {
        Boolean onlyPending = null;
        if (pending != null && !pending.isBlank()) {
            if (!pending.equals("true") && !pending.equals("false")) {
                throw new org.trustfund.platform.BusinessException("pending", "api.pending.invalid", pending);
            }
            onlyPending = Boolean.valueOf(pending);
        }
        return new TransferQuery(Inputs.id("intermediaryId", intermediaryId), Inputs.id("fundId", fundId),
                Inputs.choice("status", status, ReceiptStatus.class), onlyPending, Inputs.date("from", from),
                Inputs.date("to", to));
    }

    @GET
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listTransfers", summary = "List transfers, a page at a time, pending ones first",
            description = "As the transfers page: every transfer unless filtered; pending (reported, not received) "
                    + "first, then the newest received.")
    @APIResponse(responseCode = "200", description = "One page of transfers")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public TransferPage list(@Parameter(description = "Page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (default 20)") @QueryParam("size") String size,
            @QueryParam("intermediaryId") String intermediaryId, @QueryParam("fundId") String fundId,
            @Parameter(description = "RECORDED, RETURNED, CERTIFIED or REVERSED") @QueryParam("status") String status,
            @Parameter(description = "true: only pending; false: only received") @QueryParam("pending") String pending,
            @Parameter(description = "Received on or after (yyyy-mm-dd)") @QueryParam("from") String from,
            @Parameter(description = "Received on or before (yyyy-mm-dd)") @QueryParam("to") String to) {
        int pageNumber = Inputs.whole("page", page, 0, 0, Integer.MAX_VALUE / Inputs.MAX_PAGE_SIZE);
        int pageSize = Inputs.whole("size", size, 20, 1, Inputs.MAX_PAGE_SIZE);
        TransferQuery q = query(intermediaryId, fundId, status, pending, from, to);
        return new TransferPage(service.searchTransfers(q, pageNumber * pageSize, pageSize).stream().map(TransferView::of)
                .toList(), pageNumber, pageSize, service.countTransfers(q));
    }

    @GET
    @Path("export")
    @Produces({ListExport.CONTENT_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "exportTransfers", summary = "Every transfer the filters select, as an xlsx")
    @APIResponse(responseCode = "200", description = "The workbook", content = @Content(mediaType = ListExport.CONTENT_TYPE))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response export(@QueryParam("intermediaryId") String intermediaryId, @QueryParam("fundId") String fundId,
            @QueryParam("status") String status, @QueryParam("pending") String pending, @QueryParam("from") String from,
            @QueryParam("to") String to, @Context HttpHeaders headers) {
        TransferQuery q = query(intermediaryId, fundId, status, pending, from, to);
        Locale locale = ApiLocale.of(headers);
        StreamingOutput body = out -> service.exportTransfers(q, locale, out);
        return Response.ok(body, ListExport.CONTENT_TYPE).header("Content-Disposition",
                "attachment; filename=\"" + ListExport.fileName("transfers", Instant.now()) + "\"").build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getTransfer", summary = "One transfer, with its gifts and reconciliation")
    @APIResponse(responseCode = "200", description = "The transfer")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public TransferView get(@PathParam("id") long id) {
        return TransferView.of(service.findTransfer(id));
    }

    @POST
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(operationId = "recordTransfer", summary = "Record a transfer (or gifts reported, pending)",
            description = "Without receivedDate, net and bankReference it is pending: reported, not income. Fees "
                    + "larger than the gross, negative amounts and bad gift lines are refused at their field.")
    @APIResponse(responseCode = "201", description = "Recorded; Location names it")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response record(NewTransfer input) {
        IntermediaryTransfer saved = service.recordTransfer(Inputs.required("body", input).toInput());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(saved.getId())).build())
                .entity(TransferView.of(saved)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(operationId = "correctTransfer", summary = "Correct a transfer not yet certified",
            description = "Also how a pending transfer is completed when the money arrives. Leave gifts out to keep "
                    + "the gifts already recorded.")
    @APIResponse(responseCode = "200", description = "The transfer, corrected")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public TransferView correct(@PathParam("id") long id, NewTransfer input) {
        NewTransfer in = Inputs.required("body", input);
        return TransferView.of(service.correctTransfer(id, Inputs.required("version", in.version()), in.toInput()));
    }

    @POST
    @Path("{id}/certification")
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    @Operation(operationId = "certifyTransfer", summary = "Certify a transfer that has arrived and reconciles",
            description = "By a certifying officer who did not record it: the net is posted as the fund's income. A "
                    + "transfer not received yet, or whose amounts or gifts do not add up, is refused with the difference.")
    @APIResponse(responseCode = "200", description = "The transfer, certified")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public TransferView certify(@PathParam("id") long id, TransferVersion input) {
        return TransferView.of(service.certify(id, Inputs.required("version", Inputs.required("body", input).version())));
    }

    @POST
    @Path("{id}/return")
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    @Operation(operationId = "returnTransfer", summary = "Send a transfer back to the finance officer, with a reason")
    @APIResponse(responseCode = "200", description = "The transfer, sent back")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public TransferView sendBack(@PathParam("id") long id, TransferReason input) {
        TransferReason in = Inputs.required("body", input);
        return TransferView.of(service.sendBack(id, Inputs.required("version", in.version()), in.reason()));
    }

    @POST
    @Path("{id}/reversal")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
    @Operation(operationId = "requestTransferReversal", summary = "Ask for a certified transfer to be reversed",
            description = "Nothing is posted until a certifying officer who did not ask approves the request.")
    @APIResponse(responseCode = "202", description = "Request filed; Location names it")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response requestReversal(@PathParam("id") long id, TransferReason input) {
        TransferReason in = Inputs.required("body", input);
        return ApprovalResource.filed(uri, service.requestReversal(id, Inputs.required("version", in.version()),
                in.reason()), viewer);
    }

    @POST
    @Path("{id}/gifts")
    // Any type: the file is read for what it is (xlsx or CSV), whatever the client calls it.
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(operationId = "importTransferGifts", summary = "Import the gifts of a transfer from the intermediary's statement",
            description = "The body is the file itself, CSV or xlsx, with a header row and the columns Giver, Kind, "
                    + "Anonymous, May be named, Amount, Date given. All or nothing: rows in error are listed and nothing "
                    + "is added. The same file again adds nothing (alreadyImported). ?version= is the transfer's version.")
    @APIResponse(responseCode = "200", description = "What was added, or the rows in error")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ImportView importGifts(@PathParam("id") long id,
            @Parameter(description = "The transfer's version, as read", required = true) @QueryParam("version") String version,
            @Parameter(description = "The statement's file name, for the record") @QueryParam("fileName") String fileName,
            byte[] content, @Context HttpHeaders headers) {
        long expected = Inputs.required("version", Inputs.id("version", version));
        GiftImport.Result r = imports.importGifts(id, expected, fileName, content);
        Locale locale = ApiLocale.of(headers);
        return new ImportView(r.added(), r.alreadyImported(), r.errors().stream().map(e -> new RowProblem(e.row(),
                e.column(), Messages.text(locale, e.messageKey(), e.args().toArray()))).toList(), r.transferVersion());
    }
}
