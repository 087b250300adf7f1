package org.trustfund.web.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
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
import org.trustfund.security.ApiTokenService;
import org.trustfund.security.Role;
import org.trustfund.web.account.TokenJson.CreatedToken;
import org.trustfund.web.account.TokenJson.NewTokenRequest;
import org.trustfund.web.account.TokenJson.TokenList;
import org.trustfund.web.account.TokenJson.TokenView;
import org.trustfund.security.Roles;
import org.trustfund.web.api.Inputs;
import org.trustfund.web.api.Viewer;

/** Who the caller is, which roles they hold, and their own API tokens. */
@Path("me")
@RequestScoped
@RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.DONOR, Roles.AUDITOR, Roles.ADMIN})
@Tag(name = "Users")
public class MeResource {

    @EJB
    private ApiTokenService tokens;

    @Inject
    private Viewer viewer;

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

    @GET
    @Path("tokens")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "myTokens", summary = "The caller's API tokens, newest first (never their secrets)")
    @APIResponse(responseCode = "200", description = "The tokens",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TokenList")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    public TokenList myTokens(@Context SecurityContext security) {
        return TokenList.of(tokens.myTokens(), viewer, security.getUserPrincipal().getName());
    }

    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createMyToken", summary = "Make an API token for the caller",
            description = "The answer holds the secret, this once. Send it as 'Authorization: Bearer <secret>'.")
    @APIResponse(responseCode = "201", description = "Made",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CreatedToken")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    public Response createMyToken(NewTokenRequest input, @Context SecurityContext security) {
        NewTokenRequest request = Inputs.required("body", input);
        CreatedToken made = CreatedToken.of(tokens.createMine(request.name(),
                request.expiresOn() == null ? null : Inputs.date("expiresOn", request.expiresOn())),
                viewer, security.getUserPrincipal().getName());
        return Response.status(Response.Status.CREATED).entity(made).build();
    }

    @DELETE
    @Path("tokens/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "revokeMyToken", summary = "Revoke one of the caller's API tokens",
            description = "Calls with it are refused from now on; the token stays listed as revoked.")
    @APIResponse(responseCode = "200", description = "The token as now recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TokenView")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public TokenView revokeMyToken(@PathParam("id") long id, @Context SecurityContext security) {
        return TokenView.of(tokens.revokeMine(id), viewer, security.getUserPrincipal().getName());
    }
}
