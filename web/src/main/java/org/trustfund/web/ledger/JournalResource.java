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
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trustfund.ledger.Account;
import org.trustfund.ledger.JournalEvent;
import org.trustfund.ledger.JournalQuery;
import org.trustfund.ledger.JournalService;
import org.trustfund.ledger.LedgerPeriod;
import org.trustfund.security.Roles;
import org.trustfund.web.api.Inputs;
import org.trustfund.web.ledger.LedgerJson.JournalDetailView;
import org.trustfund.web.ledger.LedgerJson.JournalList;
import org.trustfund.web.ledger.LedgerJson.JournalView;

/**
 * The ledger's journals as finance staff and auditors read them, and each with its lines. A period left out is the
 * current year up to today (UTC), as on the page.
 */
@Path("journals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ledger")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class JournalResource {

    @EJB
    private JournalService journals;

    @GET
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "listJournals", summary = "List journals, a slice at a time",
            description = "Filtering, sorting and paging are done in the database.")
    @APIResponse(responseCode = "200", description = "The journals from 'first', at most 'max'",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JournalList")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public JournalList list(
            @Parameter(description = "Fund id") @QueryParam("fund") String fund,
            @Parameter(description = "Only journals with a line on this account, e.g. CASH") @QueryParam("account") String account,
            @Parameter(description = "Donor id") @QueryParam("donor") String donor,
            @Parameter(description = "Event, e.g. CONTRIBUTION_CERTIFIED") @QueryParam("event") String event,
            @Parameter(description = "Dated on or after (yyyy-mm-dd); default 1 January of the current year") @QueryParam("from") String from,
            @Parameter(description = "Dated on or before (yyyy-mm-dd); default today") @QueryParam("to") String to,
            @Parameter(description = "eventDate or id; prefix - for descending (default -eventDate)") @QueryParam("sort") String sort,
            @Parameter(description = "Index of the first journal, from 0") @QueryParam("first") String first,
            @Parameter(description = "How many, 1 to 100 (default 20)") @QueryParam("max") String max) {
        Clock utc = Clock.systemUTC();
        LocalDate start = Inputs.date("from", from);
        LocalDate end = Inputs.date("to", to);
        Inputs.SortOrder<JournalQuery.Sort> order = Inputs.sort("sort", sort, JournalQuery.Sort.class,
                new Inputs.SortOrder<>(JournalQuery.Sort.EVENT_DATE, true));
        JournalQuery query = new JournalQuery(Inputs.id("fund", fund), Inputs.choice("account", account, Account.class),
                Inputs.id("donor", donor), Inputs.choice("event", event, JournalEvent.class),
                start == null ? LedgerPeriod.defaultFrom(utc) : start, end == null ? LedgerPeriod.defaultTo(utc) : end,
                order.key(), order.descending());
        int from0 = Inputs.whole("first", first, 0, 0, Integer.MAX_VALUE);
        int size = Inputs.whole("max", max, 20, 1, Inputs.MAX_PAGE_SIZE);
        return new JournalList(journals.search(query, from0, size).stream().map(JournalView::of).toList(), from0, size,
                journals.count(query));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "getJournal", summary = "One journal with its lines")
    @APIResponse(responseCode = "200", description = "The journal",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JournalDetailView")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public JournalDetailView journal(@PathParam("id") long id) {
        return JournalDetailView.of(journals.journal(id));
    }
}
