package org.trustfund.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trustfund.reference.DevelopmentStatus;
import org.trustfund.reference.ReferenceData;
import org.trustfund.security.Roles;
import org.trustfund.web.api.ReferenceJson.CountryInput;
import org.trustfund.web.api.ReferenceJson.CountryList;
import org.trustfund.web.api.ReferenceJson.CountryView;

/** Countries (ISO 3166) with their development status: staff read them, an administrator keeps them. */
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

    @GET
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listCountries", summary = "All countries")
    @APIResponse(responseCode = "200", description = "The countries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "CountryList")))
    // Payara leaves out the class-level responses for a method that declares only its success.
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public CountryList list() {
        return new CountryList(reference.countries().stream().map(CountryView::of).toList());
    }

    @PUT
    @Path("{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "saveCountry", summary = "Add a country, or change its name, status or region")
    @APIResponse(responseCode = "200", description = "The country as now recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CountryView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public CountryView save(@PathParam("code") String code, CountryInput input) {
        Inputs.required("body", input);
        return CountryView.of(reference.saveCountry(code, input.name(),
                Inputs.choice("developmentStatus", input.developmentStatus(), DevelopmentStatus.class),
                input.region()));
    }
}
