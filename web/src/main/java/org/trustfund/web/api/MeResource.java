package org.trustfund.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;
import java.util.List;
import org.trustfund.security.Role;
import org.trustfund.security.Roles;

/** Who the caller is and which roles they hold. */
@Path("me")
@Stateless
@RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.DONOR, Roles.AUDITOR, Roles.ADMIN})
public class MeResource {

    public record Me(String username, List<Role> roles) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Me me(@Context SecurityContext security) {
        List<Role> roles = Arrays.stream(Role.values()).filter(r -> security.isUserInRole(r.name())).toList();
        return new Me(security.getUserPrincipal().getName(), roles);
    }
}
