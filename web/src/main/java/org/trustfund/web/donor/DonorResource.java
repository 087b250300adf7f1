package org.trustfund.web.donor;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trustfund.donor.Donor;
import org.trustfund.donor.DonorQuery;
import org.trustfund.platform.UnknownRecordException;
import org.trustfund.spreadsheet.ListExport;
import org.trustfund.donor.DonorService;
import org.trustfund.donor.DuplicateDonorException;
import org.trustfund.donor.StakeholderGroup;
import org.trustfund.money.Money;
import org.trustfund.pledge.PledgeService;
import org.trustfund.security.Roles;
import org.trustfund.web.api.ApiLocale;
import org.trustfund.web.api.Inputs;
import org.trustfund.web.api.Viewer;
import org.trustfund.web.donor.DonorJson.DonorInput;
import org.trustfund.web.donor.DonorJson.DonorPage;
import org.trustfund.web.donor.DonorJson.DonorView;
import org.trustfund.web.pledge.PledgeJson.PledgeList;
import org.trustfund.web.pledge.PledgeJson.PledgeView;

/**
 * Donors. Finance officers record and change them; staff read them; a donor user reads only their own donor
 * and that donor's pledges. The services hold the rules; this resource only translates.
 */
@Path("donors")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Donors")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class DonorResource {

    @EJB
    private DonorService donors;

    @EJB
    private PledgeService pledges;

    @Context
    private UriInfo uri;

    /** Who is asking, for the JSON forms (a donor user sees no staff user names). */
    @Inject
    private Viewer viewer;

    @GET
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listDonors", summary = "List donors, a page at a time",
            description = "Filtering, sorting and paging are done in the database. Not for donor users.")
    @APIResponse(responseCode = "200", description = "One page of donors",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DonorPage")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public DonorPage list(
            @Parameter(description = "Page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (default 20)") @QueryParam("size") String size,
            @Parameter(description = "Part of the name, any case") @QueryParam("name") String name,
            @Parameter(description = "Stakeholder group, e.g. GOVERNMENT") @QueryParam("group") String group,
            @Parameter(description = "ISO 3166 country code") @QueryParam("country") String country,
            @Parameter(description = "name, group, country or created; prefix - for descending")
            @QueryParam("sort") String sort) {
        int pageNumber = Inputs.whole("page", page, 0, 0, Integer.MAX_VALUE / Inputs.MAX_PAGE_SIZE);
        int pageSize = Inputs.whole("size", size, 20, 1, Inputs.MAX_PAGE_SIZE);
        Inputs.SortOrder<DonorQuery.Sort> order = Inputs.sort("sort", sort, DonorQuery.Sort.class,
                new Inputs.SortOrder<>(DonorQuery.Sort.NAME, false));
        DonorQuery query = new DonorQuery(name, Inputs.choice("group", group, StakeholderGroup.class),
                country == null || country.isBlank() ? null : country.trim().toUpperCase(java.util.Locale.ROOT),
                order.key(), order.descending());
        List<DonorView> items = donors.search(query, pageNumber * pageSize, pageSize).stream()
                .map(d -> DonorView.of(d, viewer))
                .toList();
        return new DonorPage(items, pageNumber, pageSize, donors.count(query));
    }

    @GET
    @Path("export")
    // JSON too: refusals (400, 403) come as JSON like everywhere in the API, and a client that sends the API's
    // usual "Accept: application/json" still gets the workbook (its Content-Type says so) rather than a 406.
    @Produces({ListExport.CONTENT_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "exportDonors", summary = "Every donor the filters select, as an xlsx",
            description = "The same filters, sort and defaults as the list, without paging; the filter and sort are "
                    + "written above the table. Not for donor users. Labels in the language of Accept-Language.")
    @APIResponse(responseCode = "200", description = "The workbook, streamed",
            content = @Content(mediaType = ListExport.CONTENT_TYPE))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response export(
            @Parameter(description = "Part of the name, any case") @QueryParam("name") String name,
            @Parameter(description = "Stakeholder group, e.g. GOVERNMENT") @QueryParam("group") String group,
            @Parameter(description = "ISO 3166 country code") @QueryParam("country") String country,
            @Parameter(description = "name, group, country or created; prefix - for descending")
            @QueryParam("sort") String sort,
            @Context HttpHeaders headers) {
        Inputs.SortOrder<DonorQuery.Sort> order = Inputs.sort("sort", sort, DonorQuery.Sort.class,
                new Inputs.SortOrder<>(DonorQuery.Sort.NAME, false));
        DonorQuery query = new DonorQuery(name, Inputs.choice("group", group, StakeholderGroup.class),
                country == null || country.isBlank() ? null : country.trim().toUpperCase(java.util.Locale.ROOT),
                order.key(), order.descending());
        java.util.Locale locale = ApiLocale.of(headers);
        StreamingOutput body = out -> donors.export(query, locale, out);
        return Response.ok(body, ListExport.CONTENT_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + ListExport.fileName("donors", java.time.Instant.now()) + "\"")
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
    @Operation(operationId = "getDonor",
            summary = "One donor", description = "A donor user may read only the donor linked to their account.")
    @APIResponse(responseCode = "200", description = "The donor",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DonorView")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public DonorView get(@PathParam("id") long id) {
        return DonorView.of(donors.find(id).orElseThrow(() -> new UnknownRecordException("donor.unknown", id)), viewer);
    }

    @POST
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(operationId = "createDonor", summary = "Record a donor")
    @APIResponse(responseCode = "201", description = "Recorded; Location names the new donor",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DonorView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", description = "A donor of the same name and country exists (names, cases, accents, "
            + "punctuation and legal forms aside): send confirmDuplicate true to record another",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DuplicateDonorError")))
    public Response create(DonorInput input, @Context HttpHeaders headers) {
        Inputs.required("body", input);
        Donor donor;
        try {
            donor = donors.create(input.details(), Boolean.TRUE.equals(input.confirmDuplicate()));
        } catch (DuplicateDonorException duplicate) {
            String message = org.trustfund.web.platform.Messages.text(ApiLocale.of(headers), duplicate.messageKey(),
                    duplicate.arguments());
            return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(new DonorJson.DuplicateDonorError(message, "name", 409, duplicate.existingId())).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(donor.getId())).build())
                .entity(DonorView.of(donor, viewer)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(operationId = "updateDonor", summary = "Change a donor's details",
            description = "Send the version you read: if someone changed the donor since, nothing is saved (409).")
    @APIResponse(responseCode = "200", description = "The donor as now recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DonorView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public DonorView update(@PathParam("id") long id, DonorInput input) {
        Inputs.required("body", input);
        long version = Inputs.required("version", input.version());
        return DonorView.of(donors.update(id, version, input.details()), viewer);
    }

    @GET
    @Path("{id}/pledges")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
    @Operation(operationId = "listDonorPledges",
            summary = "A donor's pledges, with what has been paid on each instalment")
    @APIResponse(responseCode = "200", description = "The pledges, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "PledgeList")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PledgeList pledges(@PathParam("id") long id) {
        // Checks access first, then that the donor exists: an empty list would hide a mistyped id.
        donors.find(id).orElseThrow(() -> new UnknownRecordException("donor.unknown", id));
        Map<Long, Money> paid = pledges.paidByInstalmentOfDonor(id);
        return new PledgeList(pledges.byDonor(id).stream().map(p -> PledgeView.of(p, paid, viewer)).toList());
    }
}
