package org.trustfund.web.pledge;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.pledge.Instalment;
import org.trustfund.pledge.Pledge;
import org.trustfund.pledge.PledgeService;
import org.trustfund.approval.ApprovalRequest;
import org.trustfund.approval.ApprovalService;
import org.trustfund.web.approval.Approvals;
import org.trustfund.web.approval.RequestDecisions;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.platform.Pages;

/**
 * Backs a pledge's page: its schedule with what is paid and open on each instalment, its revisions, and
 * the lifecycle actions (sign the agreement, revise, write off), each in a dialog.
 */
@Named
@ViewScoped
public class PledgePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PledgeService pledges;

    @EJB
    private ApprovalService approvalService;

    @jakarta.inject.Inject
    private Approvals approvals;

    private List<ApprovalRequest> requests = List.of();
    private RequestDecisions decisions;

    private Long id;
    private Pledge pledge;
    private Map<Long, Money> paid;

    private LocalDate agreementDate;
    private String agreementReference;
    private String agreementConditions;
    /** Asked for once the service refuses the signing date's rate as stale. */
    private boolean staleRateAsked;
    private String staleRateReason;
    private LocalDate conditionsMetOn;

    private BigDecimal revisedAmount;
    private String revisionReason;
    private ScheduleEditor revisedSchedule;

    private LocalDate writeOffDate;
    private String writeOffReason;

    /** Opens the page; a missing or unknown id is a not-found page. */
    public void open() {
        Pages.openRecord(id, this::load);
    }

    public void load() {
        pledge = pledges.find(id);
        paid = pledges.paidByInstalment(id);
        requests = approvalService.of(Pledge.SOURCE_TYPE, id);
        decisions = new RequestDecisions(approvals, "/finance/pledge?id=" + id);
    }

    public Money paidOn(Instalment instalment) {
        return paid.getOrDefault(instalment.getId(), Money.zero(instalment.getAmount().currency()));
    }

    public Money openOn(Instalment instalment) {
        return instalment.getAmount().minus(paidOn(instalment));
    }

    public boolean isOverdue(Instalment instalment) {
        return instalment.overdue(LocalDate.now(), paidOn(instalment)).isPositive();
    }

    public Money getTotalPaid() {
        return paid.values().stream().reduce(Money.zero(pledge.getAmount().currency()), Money::plus);
    }

    public Money getOutstanding() {
        return pledge.getStatus().isOpen() ? pledge.getAmount().minus(getTotalPaid()) : Money.zero(pledge.getAmount().currency());
    }

    public void signAgreement() {
        try {
            pledges.signAgreement(id, pledge.getVersion(), agreementDate, agreementReference, agreementConditions,
                    staleRateAsked ? staleRateReason : null);
            Messages.info("pledge.agreementRecorded");
            load();
        } catch (RuntimeException e) {
            Messages.showFailure(e, "agreement");
            if (e instanceof org.trustfund.reference.StaleRateException) {
                staleRateAsked = true;
            }
        }
    }

    public void recordConditionsMet() {
        try {
            pledges.recordConditionsMet(id, pledge.getVersion(), conditionsMetOn);
            Messages.info("pledge.conditionsMetRecorded");
            load();
        } catch (RuntimeException e) {
            Messages.showFailure(e, "conditions");
        }
    }

    public void startRevision() {
        revisedAmount = pledge.getAmount().amount();
        revisionReason = null;
        revisedSchedule = new ScheduleEditor();
        for (Instalment i : pledge.getInstalments()) {
            revisedSchedule.getRows().add(new ScheduleEditor.Row(i.getDueDate(), i.getAmount().amount()));
        }
    }

    public void addRevisedInstalment() {
        revisedSchedule.add();
    }

    public void removeRevisedInstalment(ScheduleEditor.Row row) {
        revisedSchedule.remove(row);
    }

    public void revise() {
        try {
            if (revisedAmount == null) {
                throw new BusinessException("amount", "amount.required");
            }
            String currency = pledge.getAmount().currencyCode();
            Money amount;
            try {
                amount = Money.of(revisedAmount, currency);
            } catch (IllegalArgumentException e) {
                throw new BusinessException("amount", "amount.decimals", currency);
            }
            pledges.revise(id, pledge.getVersion(), amount, revisedSchedule.toLines(currency), revisionReason);
            Messages.info("pledge.revised");
            load();
        } catch (RuntimeException e) {
            Messages.showFailure(e, "revise");
        }
    }

    /** Files the write-off request; nothing changes until another certifying officer approves. */
    public void writeOff() {
        try {
            ApprovalRequest r = pledges.requestWriteOff(id, pledge.getVersion(), writeOffDate, writeOffReason);
            Messages.info("apr.requested.done", r.getId());
            load();
        } catch (RuntimeException e) {
            Messages.showFailure(e, "writeOff");
        }
    }

    public boolean isRequestPending() {
        return requests.stream().anyMatch(ApprovalRequest::isPending);
    }

    public List<ApprovalRequest> getRequests() {
        return requests;
    }

    public RequestDecisions getDecisions() {
        return decisions;
    }


    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    /** The id as it came in the address: anything but a record id opens the not-found page. */
    public String getIdParameter() {
        return id == null ? null : id.toString();
    }

    public void setIdParameter(String parameter) {
        this.id = Pages.recordId(parameter);
    }

    public Pledge getPledge() {
        return pledge;
    }

    public LocalDate getAgreementDate() {
        return agreementDate;
    }

    public void setAgreementDate(LocalDate agreementDate) {
        this.agreementDate = agreementDate;
    }

    public boolean isStaleRateAsked() {
        return staleRateAsked;
    }

    public String getStaleRateReason() {
        return staleRateReason;
    }

    public void setStaleRateReason(String staleRateReason) {
        this.staleRateReason = staleRateReason;
    }

    public String getAgreementConditions() {
        return agreementConditions;
    }

    public void setAgreementConditions(String agreementConditions) {
        this.agreementConditions = agreementConditions;
    }

    public LocalDate getConditionsMetOn() {
        return conditionsMetOn;
    }

    public void setConditionsMetOn(LocalDate conditionsMetOn) {
        this.conditionsMetOn = conditionsMetOn;
    }

    public String getAgreementReference() {
        return agreementReference;
    }

    public void setAgreementReference(String agreementReference) {
        this.agreementReference = agreementReference;
    }

    public BigDecimal getRevisedAmount() {
        return revisedAmount;
    }

    public void setRevisedAmount(BigDecimal revisedAmount) {
        this.revisedAmount = revisedAmount;
    }

    public String getRevisionReason() {
        return revisionReason;
    }

    public void setRevisionReason(String revisionReason) {
        this.revisionReason = revisionReason;
    }

    public ScheduleEditor getRevisedSchedule() {
        return revisedSchedule;
    }

    public LocalDate getWriteOffDate() {
        return writeOffDate;
    }

    public void setWriteOffDate(LocalDate writeOffDate) {
        this.writeOffDate = writeOffDate;
    }

    public String getWriteOffReason() {
        return writeOffReason;
    }

    public void setWriteOffReason(String writeOffReason) {
        this.writeOffReason = writeOffReason;
    }
}
