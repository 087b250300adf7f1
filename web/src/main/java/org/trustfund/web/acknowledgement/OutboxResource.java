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
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trustfund.acknowledgement.OutboxMessage;
import org.trustfund.acknowledgement.OutboxService;
import org.trustfund.security.Roles;
import org.trustfund.web.api.Inputs;

/**
 * The letters sent by e-mail, as the outbox page shows them: list, retry now, and a letter sent again. Staff only;
 * auditors read.
 */
@Path("outbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Acknowledgements")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class OutboxResource {

    @EJB
    private OutboxService service;

    public record OutboxView(long id, long acknowledgementId, String number, long donorId, String recipient,
            @Schema(description = "ISSUED or RESENT") String cause,
            @Schema(description = "WAITING, SENT or FAILED") String status, int attempts, String createdAt,
            String nextAttemptAt, String lastAttemptAt, String lastError, String sentAt, long version) {

        static OutboxView of(OutboxMessage m) {
            return new OutboxView(m.getId(), m.getAcknowledgement().getId(), m.getAcknowledgement().reference(),
                    m.getAcknowledgement().getDonor().getId(), m.getRecipient(), m.getCause().name(),
                    m.getStatus().name(), m.getAttempts(), iso(m.getCreatedAt()), iso(m.getNextAttemptAt()),
                    iso(m.getLastAttemptAt()), m.getLastError(), iso(m.getSentAt()), m.getVersion());
        }

        private static String iso(java.time.Instant t) {
            return t == null ? null : t.toString();
        }
    }

    /** The version read, so that a second identical request is refused rather than acted on twice. */
    public record Versioned(@Schema(required = true, description = "The version, as read") Long version) {
    }

    @GET
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listOutbox", summary = "Letters by e-mail, newest first (at most 500)")
    @APIResponse(responseCode = "200", description = "The messages")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public List<OutboxView> list(@Parameter(description = "WAITING, SENT or FAILED; all when absent")
            @QueryParam("status") String status) {
        return service.list(Inputs.choice("status", status, OutboxMessage.Status.class)).stream()
                .map(OutboxView::of).toList();
    }

    @POST
    @Path("{id}/retry")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.ADMIN})
    @Operation(operationId = "retryOutboxMessage", summary = "Try a waiting or failed message again now")
    @APIResponse(responseCode = "200", description = "The message, waiting")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public OutboxView retry(@PathParam("id") long id, Versioned input) {
        long version = Inputs.required("version", Inputs.required("body", input).version());
        return OutboxView.of(service.retry(id, version));
    }
}
