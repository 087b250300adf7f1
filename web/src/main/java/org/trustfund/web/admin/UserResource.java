package org.trustfund.web.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trustfund.security.ApiTokenService;
import org.trustfund.security.Roles;
import org.trustfund.web.account.TokenJson.CreatedToken;
import org.trustfund.web.account.TokenJson.NewTokenRequest;
import org.trustfund.web.account.TokenJson.TokenList;
import org.trustfund.web.account.TokenJson.TokenView;
import org.trustfund.security.UserAdministration;
import org.trustfund.web.admin.UserJson.DonorLink;
import org.trustfund.web.admin.UserJson.UserList;
import org.trustfund.web.admin.UserJson.UserView;
import org.trustfund.web.api.Inputs;
import org.trustfund.web.api.Viewer;

/** User accounts, for an administrator: who exists, and which donor a DONOR user belongs to. */
@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
@RolesAllowed(Roles.ADMIN)
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class UserResource {

    @EJB
    private UserAdministration users;

    @EJB
    private ApiTokenService tokens;

    @GET
    @Operation(operationId = "listUsers", summary = "User accounts, by user name")
    @APIResponse(responseCode = "200", description = "The accounts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "UserList")))
    // Payara leaves out the class-level responses for a method that declares only its success.
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public UserList list(
            @Parameter(description = "Only this user name") @QueryParam("username") String username) {
        return new UserList(users.listUsers().stream()
                .filter(u -> username == null || username.isBlank() || u.getUsername().equals(username.trim()))
                .map(UserView::of).toList());
    }

    @PUT
    @Path("{id}/donor")
    @Operation(operationId = "linkUserToDonor",
            summary = "Link a DONOR user to the donor (and any others, e.g. a ministry and its agency) whose records they"
                    + " may see, or unlink them")
    @APIResponse(responseCode = "200", description = "The account as now recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public UserView linkDonor(@PathParam("id") long id, DonorLink input) {
        long version = Inputs.required("version", Inputs.required("body", input).version());
        if (input.donorId() == null && input.otherDonorIds() != null && !input.otherDonorIds().isEmpty()) {
            throw new org.trustfund.platform.BusinessException("donorId", "user.donorLink.firstMissing");
        }
        return UserView.of(users.linkDonors(id, version, input.donorIds()));
    }

    @GET
    @Path("{id}/tokens")
    @Operation(operationId = "userTokens", summary = "An account's API tokens, newest first (never their secrets)")
    @APIResponse(responseCode = "200", description = "The tokens",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TokenList")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public TokenList tokens(@PathParam("id") long id) {
        return TokenList.of(tokens.tokensOf(id), Viewer.STAFF, null);
    }

    @POST
    @Path("{id}/tokens")
    @Operation(operationId = "createUserToken", summary = "Make an API token for an account, e.g. a script's",
            description = "The answer holds the secret, this once.")
    @APIResponse(responseCode = "201", description = "Made",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CreatedToken")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response createToken(@PathParam("id") long id, NewTokenRequest input) {
        NewTokenRequest request = Inputs.required("body", input);
        CreatedToken made = CreatedToken.of(tokens.createFor(id, request.name(),
                request.expiresOn() == null ? null : Inputs.date("expiresOn", request.expiresOn())), Viewer.STAFF, null);
        return Response.status(Response.Status.CREATED).entity(made).build();
    }

    @DELETE
    @Path("{id}/tokens/{tokenId}")
    @Operation(operationId = "revokeUserToken", summary = "Revoke an account's API token")
    @APIResponse(responseCode = "200", description = "The token as now recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TokenView")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public TokenView revokeToken(@PathParam("id") long id, @PathParam("tokenId") long tokenId) {
        return TokenView.of(tokens.revoke(id, tokenId), Viewer.STAFF, null);
    }
}
