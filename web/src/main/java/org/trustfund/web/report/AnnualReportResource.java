package org.trustfund.web.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trustfund.platform.BusinessException;
import org.trustfund.report.AnnualReport;
import org.trustfund.security.Roles;
import org.trustfund.web.api.ApiLocale;

/** The annual financial report of a fund and year, as the xlsx workbook the report page offers. */
@Path("funds/{fundId}/annual-report")
@RequestScoped
@Tag(name = "Reports")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class AnnualReportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @EJB
    private AnnualReport reports;

    @GET
    // JSON too: a client that asks for JSON (as every other call answers) gets the workbook, or the error as JSON.
    @Produces({XLSX, jakarta.ws.rs.core.MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "getAnnualReport", summary = "The fund's annual financial report for a year (xlsx)",
            description = "Statements, status of donors' contributions, pledges and receivables, contributions received, "
                    + "in-kind contributions, transfers from intermediaries with their givers, exchange rates, "
                    + "reconciliation with the ledger and notes. A year that is not closed gives a "
                    + "provisional report. French when Accept-Language asks for it.")
    @APIResponse(responseCode = "200", description = "The workbook, as an attachment",
            content = @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("fundId") long fundId,
            @Parameter(description = "The year, from the fund's start to the current year", required = true)
            @QueryParam("year") String year, @Context HttpHeaders headers) {
        if (year == null || !year.matches("\\d{4}")) {
            throw new BusinessException("year", "api.year.required");
        }
        int y = Integer.parseInt(year);
        // Checked before the first byte goes out: a refusal is a JSON error, not half a workbook.
        String fileName = reports.fileName(fundId, y);
        java.util.Locale locale = ApiLocale.of(headers);
        StreamingOutput body = out -> reports.write(fundId, y, locale, out, p -> { });
        return Response.ok(body, XLSX).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }
}
