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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trustfund.expenditure.Expenditure;
import org.trustfund.expenditure.ExpenditureCategory;
import org.trustfund.expenditure.ExpenditureQuery;
import org.trustfund.expenditure.ExpenditureService;
import org.trustfund.receipt.ReceiptStatus;
import org.trustfund.security.Roles;
import org.trustfund.web.api.Inputs;
import org.trustfund.web.api.Viewer;
import org.trustfund.web.expenditure.ExpenditureJson.ExpensePage;
import org.trustfund.web.expenditure.ExpenditureJson.ExpenseReason;
import org.trustfund.web.expenditure.ExpenditureJson.ExpenseVersion;
import org.trustfund.web.expenditure.ExpenditureJson.ExpenseView;
import org.trustfund.web.expenditure.ExpenditureJson.NewExpense;

/**
 * The fund's other expenditure, maker–checker: a finance officer records, a certifying officer who did not record it
 * certifies (the expense posts against cash at the operational rate of the date) or sends it back; a certified one is
 * reversed by a certifying officer with a reason, both journals kept. The list's filters and order are the page's.
 */
@Path("expenditure")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Expenditure and programme support costs")
@APIResponse(responseCode = "401", ref = "Unauthenticated")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class ExpenditureResource {

    @EJB
    private ExpenditureService service;

    @Inject
    private Viewer viewer;

    @Context
    private UriInfo uri;

    @GET
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listExpenditure", summary = "List other expenditure, a page at a time, latest first")
    @APIResponse(responseCode = "200", description = "One page and the certified total")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public ExpensePage list(@Parameter(description = "Page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (default 20)") @QueryParam("size") String size,
            @QueryParam("fundId") String fundId, @QueryParam("category") String category,
            @Parameter(description = "RECORDED, RETURNED, CERTIFIED or REVERSED") @QueryParam("status") String status,
            @Parameter(description = "Dated on or after (yyyy-mm-dd)") @QueryParam("from") String from,
            @Parameter(description = "Dated on or before (yyyy-mm-dd)") @QueryParam("to") String to) {
        int pageNumber = Inputs.whole("page", page, 0, 0, Integer.MAX_VALUE / Inputs.MAX_PAGE_SIZE);
        int pageSize = Inputs.whole("size", size, 20, 1, Inputs.MAX_PAGE_SIZE);
        // A from-date after the to-date is refused by the service, as on the page.
        LocalDate first = Inputs.date("from", from);
        LocalDate last = Inputs.date("to", to);
        ExpenditureQuery q = new ExpenditureQuery(Inputs.id("fundId", fundId),
                Inputs.choice("category", category, ExpenditureCategory.class),
                Inputs.choice("status", status, ReceiptStatus.class), first, last);
        return new ExpensePage(service.search(q, pageNumber * pageSize, pageSize).stream()
                .map(e -> ExpenseView.of(e, viewer)).toList(), pageNumber, pageSize, service.count(q),
                service.certifiedUsd(q).toPlainString());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getExpenditure", summary = "One expense")
    @APIResponse(responseCode = "200", description = "The expense")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ExpenseView get(@PathParam("id") long id) {
        return ExpenseView.of(service.find(id), viewer);
    }

    @POST
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(operationId = "recordExpenditure", summary = "Record an expense",
            description = "It counts nowhere until another person certifies it.")
    @APIResponse(responseCode = "201", description = "Recorded; Location names it")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response record(NewExpense input) {
        Expenditure saved = service.record(Inputs.required("body", input).toInput());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(saved.getId())).build())
                .entity(ExpenseView.of(saved, viewer)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(operationId = "correctExpenditure", summary = "Correct an expense not yet certified")
    @APIResponse(responseCode = "200", description = "The expense, corrected")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ExpenseView correct(@PathParam("id") long id, NewExpense input) {
        NewExpense in = Inputs.required("body", input);
        return ExpenseView.of(service.correct(id, Inputs.required("version", in.version()), in.toInput()), viewer);
    }

    @POST
    @Path("{id}/certification")
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    @Operation(operationId = "certifyExpenditure", summary = "Certify a recorded expense",
            description = "By a certifying officer who did not record it; posts the expense against cash.")
    @APIResponse(responseCode = "200", description = "The expense, certified")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ExpenseView certify(@PathParam("id") long id, ExpenseVersion input) {
        return ExpenseView.of(service.certify(id, Inputs.required("version", Inputs.required("body", input).version())),
                viewer);
    }

    @POST
    @Path("{id}/return")
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    @Operation(operationId = "returnExpenditure", summary = "Send an expense back, with a reason")
    @APIResponse(responseCode = "200", description = "The expense, sent back")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ExpenseView sendBack(@PathParam("id") long id, ExpenseReason input) {
        ExpenseReason in = Inputs.required("body", input);
        return ExpenseView.of(service.sendBack(id, Inputs.required("version", in.version()), in.reason()), viewer);
    }

    @POST
    @Path("{id}/reversal")
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    @Operation(operationId = "reverseExpenditure", summary = "Reverse a certified expense, with a reason",
            description = "Posts the reversal today; the original journal stays. Record the correct one anew.")
    @APIResponse(responseCode = "200", description = "The expense, reversed")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ExpenseView reverse(@PathParam("id") long id, ExpenseReason input) {
        ExpenseReason in = Inputs.required("body", input);
        return ExpenseView.of(service.reverse(id, Inputs.required("version", in.version()), in.reason()), viewer);
    }
}
