package org.trustfund.web.expenditure;

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
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trustfund.expenditure.ExpenditureService;
import org.trustfund.expenditure.PscCharge;
import org.trustfund.security.Roles;
import org.trustfund.web.api.Inputs;
import org.trustfund.web.api.Viewer;
import org.trustfund.web.expenditure.ExpenditureJson.PscChargeView;
import org.trustfund.web.expenditure.ExpenditureJson.PscRateChange;
import org.trustfund.web.expenditure.ExpenditureJson.PscReversal;
import org.trustfund.web.expenditure.ExpenditureJson.PscRun;
import org.trustfund.web.expenditure.ExpenditureJson.PscView;

/**
 * A fund's programme support cost per year, as the PSC page shows it (this year unless asked otherwise): the year's
 * expenditure, the rate, what is due, already charged and what a run would post; the period-end run, which posts only
 * the difference (a second run posts nothing); the year's own rate with its reason; the reversal of a charge.
 */
@Path("funds/{fundId}/psc")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Expenditure and programme support costs")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class PscResource {

    @EJB
    private ExpenditureService service;

    @Inject
    private Viewer viewer;

    @GET
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getPsc", summary = "A year's programme support cost and its charges")
    @APIResponse(responseCode = "200", description = "The year's computation")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PscView get(@PathParam("fundId") long fundId,
            @Parameter(description = "The year (default: this year)") @QueryParam("year") String year) {
        int y = Inputs.whole("year", year, LocalDate.now().getYear(), 1900, 9999);
        return view(fundId, y);
    }

    private PscView view(long fundId, int year) {
        return PscView.of(service.pscFor(fundId, year), service.pscRate(fundId, year), service.pscCharges(fundId, year),
                viewer);
    }

    @POST
    @Path("{year}/run")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
    @Operation(operationId = "runPsc", summary = "Post the year's programme support cost",
            description = "Posts what is due and not yet charged, dated today (31 December for a past year); running it "
                    + "again posts nothing. Refused for a closed year or a future one.")
    @APIResponse(responseCode = "200", description = "What the run posted, if anything")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PscRun run(@PathParam("fundId") long fundId, @PathParam("year") int year) {
        Optional<PscCharge> posted = service.runPsc(fundId, year);
        return new PscRun(posted.isPresent(), posted.map(c -> PscChargeView.of(c, viewer)).orElse(null));
    }

    @PUT
    @Path("{year}/rate")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
    @Operation(operationId = "setPscRate", summary = "Set the year's own rate, with a reason",
            description = "In percent, as on the page. Charges already posted stay; the next run posts the difference.")
    @APIResponse(responseCode = "200", description = "The year's computation at the new rate")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public PscView setRate(@PathParam("fundId") long fundId, @PathParam("year") int year, PscRateChange input) {
        PscRateChange in = Inputs.required("body", input);
        service.setPscRate(fundId, year, in.rate(), in.reason(), in.version() == null ? 0L : in.version());
        return view(fundId, year);
    }

    @POST
    @Path("charges/{chargeId}/reversal")
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    @Operation(operationId = "reversePsc", summary = "Reverse a programme support cost charge, with a reason",
            description = "Posts a charge of the opposite amount in the same year; both are kept.")
    @APIResponse(responseCode = "200", description = "The reversal")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public PscChargeView reverse(@PathParam("fundId") long fundId, @PathParam("chargeId") long chargeId,
            PscReversal input) {
        PscReversal in = Inputs.required("body", input);
        return PscChargeView.of(service.reversePsc(fundId, chargeId, Inputs.required("version", in.version()),
                in.reason()), viewer);
    }
}
