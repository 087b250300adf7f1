package org.trustfund.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API's root. Resources are found by scanning; each method carries its own role check. The server
 * publishes the OpenAPI document built from these annotations at {@code /openapi}.
 */
@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(title = "Trustfund API", version = "1",
                description = "Donors, pledges, contributions and exchange rates of the trust funds, with the "
                        + "same roles and rules as the pages. Authenticate every call with HTTP Basic. Money is "
                        + "{\"amount\": \"1250.50\", \"currency\": \"EUR\"}, the amount a decimal string. Errors "
                        + "are {\"message\", \"field\", \"status\"}; messages are in French with "
                        + "Accept-Language: fr."),
        security = @SecurityRequirement(name = "basic"),
        components = @Components(
                securitySchemes = @SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP,
                        scheme = "basic"),
                responses = {
                        @APIResponse(name = "BadRequest", responseCode = "400",
                                description = "Refused input; field names the property at fault",
                                content = @Content(mediaType = "application/json", schema = @Schema(ref = "ApiError"))),
                        @APIResponse(name = "Unauthenticated", responseCode = "401",
                                description = "No or wrong credentials",
                                content = @Content(mediaType = "application/json", schema = @Schema(ref = "ApiError"))),
                        @APIResponse(name = "Forbidden", responseCode = "403",
                                description = "The caller's roles do not allow this, or the record is another "
                                        + "donor's, or a temporary password must first be changed on the page",
                                content = @Content(mediaType = "application/json", schema = @Schema(ref = "ApiError"))),
                        @APIResponse(name = "NotFound", responseCode = "404", description = "No such record",
                                content = @Content(mediaType = "application/json", schema = @Schema(ref = "ApiError"))),
                        @APIResponse(name = "Conflict", responseCode = "409",
                                description = "Someone else changed the record since it was read; nothing saved",
                                content = @Content(mediaType = "application/json",
                                        schema = @Schema(ref = "ApiError")))}))
public class RestApplication extends Application {

    /**
     * Has Jersey (Payara's JAX-RS) enforce {@code @RolesAllowed} on the resources, which are CDI beans: as
     * enterprise beans in the web module they would see the ejb module's {@code BusinessException} as a
     * system exception, wrapped and logged with a stack trace on every refused input. Scanning still finds
     * the resources and providers.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.provider.classnames",
                "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature");
    }
}
