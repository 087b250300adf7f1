package org.trustfund.web.ledger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trustfund.ledger.TrialBalance;
import org.trustfund.security.Roles;
import org.trustfund.web.api.Inputs;
import org.trustfund.web.ledger.LedgerJson.TrialBalanceView;

/**
 * A fund's trial balance for a period, as finance staff and auditors read it. A period left out is the current year
 * up to today (UTC), as on the page.
 */
@Path("funds/{fundId}/trial-balance")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ledger")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class TrialBalanceResource {

    @EJB
    private TrialBalance trialBalance;

    @GET
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "getTrialBalance", summary = "A fund's trial balance for a period",
            description = "Every account of the chart, postings or not: the balance before the period (debits less "
                    + "credits), the period's debits and credits, and the closing balance, in US dollars.")
    @APIResponse(responseCode = "200", description = "The trial balance",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TrialBalanceView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public TrialBalanceView trialBalance(@PathParam("fundId") long fundId,
            @Parameter(description = "First day (yyyy-mm-dd); default 1 January of the current year") @QueryParam("from") String from,
            @Parameter(description = "Last day (yyyy-mm-dd); default today") @QueryParam("to") String to) {
        return TrialBalanceView.of(trialBalance.of(fundId, Inputs.date("from", from), Inputs.date("to", to)));
    }
}
