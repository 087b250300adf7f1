package org.trustfund.web.expenditure;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trustfund.expenditure.ExpenditureService;
import org.trustfund.security.Roles;
import org.trustfund.web.expenditure.ExpenditureJson.BalanceView;

/** A fund's balance available for new commitments, as the dashboard and the PSC page show it. */
@Path("funds/{fundId}/available-balance")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Expenditure and programme support costs")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class AvailableBalanceResource {

    @EJB
    private ExpenditureService service;

    @GET
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getAvailableBalance", summary = "The fund's balance available for new commitments",
            description = "Cash less open obligations less trips approved and not yet obligated, in US dollars; "
                    + "approvals beyond it are refused without an override reason.")
    @APIResponse(responseCode = "200", description = "The figures")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public BalanceView balance(@PathParam("fundId") long fundId) {
        return BalanceView.of(service.availableBalance(fundId));
    }
}
