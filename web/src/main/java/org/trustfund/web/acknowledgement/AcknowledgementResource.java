package org.trustfund.web.acknowledgement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trustfund.acknowledgement.Acknowledgement;
import org.trustfund.acknowledgement.AcknowledgementDocx;
import org.trustfund.acknowledgement.AcknowledgementService;
import org.trustfund.security.Roles;
import org.trustfund.web.api.ApiLocale;
import org.trustfund.web.api.Inputs;

/**
 * Acknowledgement letters and cancellation notices: staff read every one, a donor user only their own donor's (another
 * donor's id is refused, and the refusal is logged). The PDF and the Word document are in the language the call asks
 * for (Accept-Language); every download is audited.
 */
@Path("acknowledgements")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Acknowledgements")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class AcknowledgementResource {

    @EJB
    private AcknowledgementService service;

    @EJB
    private org.trustfund.acknowledgement.OutboxService outbox;

    public record AcknowledgementView(long id, String number, @Schema(description = "LETTER or CANCELLATION") String kind,
            @Schema(format = "date") String issuedOn, long fundId, String fundCode, long donorId, String donorName,
            @Schema(description = "CASH, IN_KIND or TRANSFER") String receiptKind, long receiptId,
            @Schema(format = "date") String receivedOn, String currency, String amount, String usdAmount,
            String unitsPerUsd, @Schema(format = "date") String rateDate, String description, String valuationBasis,
            String channel, @Schema(description = "The letter a notice cancels") String cancels,
            @Schema(format = "date") String cancelledOn, String reason,
            @Schema(description = "As read: sent back to send the letter again") long version) {

        static AcknowledgementView of(Acknowledgement a) {
            return new AcknowledgementView(a.getId(), a.reference(), a.getKind().name(), a.getIssuedOn().toString(),
                    a.getFund().getId(), a.getFund().getCode(), a.getDonor().getId(), a.getDonor().getName(),
                    a.getReceiptKind().name(), a.getSourceId(), iso(a.getReceivedOn()), a.getCurrency(),
                    plain(a.getAmount()), plain(a.getUsdAmount()), plain(a.getUnitsPerUsd()), iso(a.getRateDate()),
                    a.getDescription(), a.getValuationBasis(), a.getChannel(),
                    a.getCancels() == null ? null : a.getCancels().reference(), iso(a.getCancelledOn()), a.getReason(),
                    a.getVersion());
        }

        private static String iso(java.time.LocalDate d) {
            return d == null ? null : d.toString();
        }

        private static String plain(java.math.BigDecimal v) {
            return v == null ? null : v.toPlainString();
        }
    }

    @GET
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
    @Operation(operationId = "listAcknowledgements", summary = "Letters and notices, newest first (at most 500)",
            description = "A donor user gets their own donor's; naming another donor is refused.")
    @APIResponse(responseCode = "200", description = "The letters")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public List<AcknowledgementView> list(@Parameter(description = "One donor's (staff)") @QueryParam("donorId")
            String donorId) {
        return service.list(Inputs.id("donorId", donorId)).stream().map(AcknowledgementView::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
    @Operation(operationId = "getAcknowledgement", summary = "One letter or notice")
    @APIResponse(responseCode = "200", description = "The letter")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public AcknowledgementView get(@PathParam("id") long id) {
        return AcknowledgementView.of(service.find(id));
    }

    @GET
    @Path("{id}/pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
    @Operation(operationId = "downloadAcknowledgement", summary = "The letter or notice as a PDF",
            description = "In the first of the six UN languages named by Accept-Language (English if none is). A letter "
                    + "whose receipt was reversed says CANCELLED.")
    @APIResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = "application/pdf"))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response pdf(@PathParam("id") long id, @Context HttpHeaders headers) {
        Acknowledgement a = service.find(id);
        byte[] pdf = service.pdf(id, ApiLocale.ofDocument(headers));
        return Response.ok(pdf, "application/pdf").header("Content-Disposition",
                "attachment; filename=\"acknowledgement-" + a.reference() + ".pdf\"").build();
    }

    @GET
    @Path("{id}/docx")
    @Produces({AcknowledgementDocx.CONTENT_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
    @Operation(operationId = "downloadAcknowledgementDocx", summary = "The letter or notice as a Word document (.docx)",
            description = "The same letter as the PDF, in the first of the six UN languages named by Accept-Language "
                    + "(English if none is). A letter whose receipt was reversed says CANCELLED.")
    @APIResponse(responseCode = "200", description = "The Word document",
            content = @Content(mediaType = AcknowledgementDocx.CONTENT_TYPE))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response docx(@PathParam("id") long id, @Context HttpHeaders headers) {
        Acknowledgement a = service.find(id);
        byte[] docx = service.docx(id, ApiLocale.ofDocument(headers));
        return Response.ok(docx, AcknowledgementDocx.CONTENT_TYPE).header("Content-Disposition",
                "attachment; filename=\"acknowledgement-" + a.reference() + ".docx\"").build();
    }

    @POST
    @Path("{id}/sending")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.ADMIN})
    @Operation(operationId = "resendAcknowledgement",
            summary = "Send a letter again by e-mail to the donor's address as it is now",
            description = "With the acknowledgement's version as read: a second identical request is answered 409.")
    @APIResponse(responseCode = "200", description = "The new outbox message")
    @APIResponse(responseCode = "400", ref = "BadRequest", description = "The donor has no e-mail address")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public OutboxResource.OutboxView resend(@PathParam("id") long id, OutboxResource.Versioned input) {
        long version = Inputs.required("version", Inputs.required("body", input).version());
        return OutboxResource.OutboxView.of(outbox.resend(id, version));
    }
}
