package org.trustfund.web.reference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.UnknownRecordException;
import org.trustfund.reference.Country;
import org.trustfund.reference.CountryStatus;
import org.trustfund.reference.DevelopmentStatus;
import org.trustfund.reference.ReferenceData;
import org.trustfund.security.Roles;
import org.trustfund.web.api.Inputs;
import org.trustfund.web.api.Iso;
import org.trustfund.web.reference.ReferenceJson.CountryDetail;
import org.trustfund.web.reference.ReferenceJson.CountryInput;
import org.trustfund.web.reference.ReferenceJson.CountryList;
import org.trustfund.web.reference.ReferenceJson.CountryStatusOn;
import org.trustfund.web.reference.ReferenceJson.CountryView;
import org.trustfund.web.reference.ReferenceJson.NewCountryStatus;

/**
 * Countries (ISO 3166) with their UN region and the dated history of their development status: staff read
 * them, an administrator keeps them.
 */
@Path("countries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Countries")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class CountryResource {

    @EJB
    private ReferenceData reference;

    @Context
    private UriInfo uri;

    @GET
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listCountries", summary = "All countries, with the status in force today")
    @APIResponse(responseCode = "200", description = "The countries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "CountryList")))
    // Payara leaves out the class-level responses for a method that declares only its success.
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public CountryList list() {
        LocalDate today = today();
        return new CountryList(reference.countries().stream().map(c -> CountryView.of(c, today)).toList());
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getCountry", summary = "A country with the history of its development status")
    @APIResponse(responseCode = "200", description = "The country",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CountryDetail")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CountryDetail get(@PathParam("code") String code) {
        return CountryDetail.of(country(code), today());
    }

    @GET
    @Path("{code}/status")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getCountryStatusOn", summary = "A country's development status on a date",
            description = "The status in force on the date of an event (a contribution, a trip, a report's date).")
    @APIResponse(responseCode = "200", description = "The status on that date",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CountryStatusOn")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CountryStatusOn statusOn(@PathParam("code") String code,
            @Parameter(description = "The date, yyyy-mm-dd (default: today, UTC)") @QueryParam("on") String on) {
        LocalDate date = Inputs.date("on", on);
        LocalDate day = date == null ? today() : date;
        Country country = country(code);
        CountryStatus period = country.periodOn(day).orElseThrow(() -> new UnknownRecordException(
                "country.status.unknown", country.getCode(), day.toString()));
        return new CountryStatusOn(country.getCode(), Iso.text(day), period.getStatus().name(),
                Iso.text(period.getEffectiveFrom()), country.endOf(period).map(Iso::text).orElse(null));
    }

    @POST
    @Path("{code}/statuses")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "addCountryStatus", summary = "Add a period of a country's development status",
            description = "In force from its date until the next period's. A second period from the same date, or one"
                    + " that changes nothing, is refused.")
    @APIResponse(responseCode = "201", description = "Added; the country with its history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CountryDetail")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response addStatus(@PathParam("code") String code, NewCountryStatus input) {
        Inputs.required("body", input);
        LocalDate from = Inputs.required("effectiveFrom", Inputs.date("effectiveFrom", input.effectiveFrom()));
        DevelopmentStatus status = Inputs.required("status",
                Inputs.choice("status", input.status(), DevelopmentStatus.class));
        long version = Inputs.required("version", input.version());
        CountryStatus added = reference.addCountryStatus(code, version, from, status, input.reason());
        String c = added.getCountry().getCode();
        return Response.created(uri.getBaseUriBuilder().path("countries").path(c).build())
                .entity(CountryDetail.of(country(c), today())).build();
    }

    @PUT
    @Path("{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "saveCountry", summary = "Add a country, or change its name or region",
            description = "A change of development status is a new dated period: POST /countries/{code}/statuses.")
    @APIResponse(responseCode = "200", description = "The country as now recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CountryView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public CountryView save(@PathParam("code") String code, CountryInput input) {
        Inputs.required("body", input);
        Country saved = reference.saveCountry(code, input.name(),
                Inputs.choice("developmentStatus", input.developmentStatus(), DevelopmentStatus.class),
                input.region(), input.subRegion());
        return CountryView.of(country(saved.getCode()), today());
    }

    private Country country(String code) {
        return reference.country(code).orElseThrow(() -> new UnknownRecordException("country.unknown", (Object) code));
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
