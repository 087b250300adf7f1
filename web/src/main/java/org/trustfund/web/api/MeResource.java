package org.trustfund.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trustfund.security.Role;
import org.trustfund.security.Roles;

/** Who the caller is and which roles they hold. */
@Path("me")
@RequestScoped
@RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.DONOR, Roles.AUDITOR, Roles.ADMIN})
@Tag(name = "Users")
public class MeResource {

    public record Me(String username, List<Role> roles) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "me", summary = "Who the caller is and which roles they hold")
    @APIResponse(responseCode = "200", description = "The caller",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Me")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    public Me me(@Context SecurityContext security) {
        List<Role> roles = Arrays.stream(Role.values()).filter(r -> security.isUserInRole(r.name())).toList();
        return new Me(security.getUserPrincipal().getName(), roles);
    }
}
