package org.trustfund.web.travel;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.trustfund.expenditure.AvailableBalance;
import org.trustfund.expenditure.ExpenditureService;
import org.trustfund.money.Money;
import org.trustfund.security.Roles;
import org.trustfund.travel.TravelRequest;
import org.trustfund.travel.TravelService;
import org.trustfund.travel.TravelStatus;
import org.trustfund.web.contribution.Amounts;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.platform.Numbers;
import org.trustfund.web.platform.Pages;

/**
 * Backs {@code /finance/travel-item.xhtml?id=}: one trip, its costing and history, and the step each role may take
 * in its status. Approval shows what the approver decides on: the eligibility rules and how the traveller meets them,
 * the programme's remaining budget and the fund's available balance; beyond either, an override reason is asked.
 * Every step carries the version the page was loaded with; after it the page is loaded again (post, redirect, get).
 */
@Named
@ViewScoped
public class TravelItemPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private TravelService service;

    @EJB
    private ExpenditureService expenditure;

    private TravelRequest item;
    private long version;
    private List<Long> journals = List.of();
    private BigDecimal programmeRemaining;
    private AvailableBalance.Figures balance;

    private String reason;
    private String overrideReason;
    private LocalDate stepDate;
    private String paymentReference;
    private String staleRateReason;

    @PostConstruct
    void load() {
        Long id = Pages.recordId(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id"));
        if (id == null) {
            Messages.error("travel.unknown", "—");
            return;
        }
        try {
            item = service.find(id);
            version = item.getVersion();
            journals = service.journalIds(id);
            programmeRemaining = service.programmeRemaining(item.getProgramme().getId(), item.getFund().getId(),
                    item.getDepartureDate().getYear()).orElse(null);
            balance = expenditure.availableBalance(item.getFund().getId());
            stepDate = LocalDate.now();
        } catch (RuntimeException e) {
            item = null;
            Messages.showFailure(e, "actions");
        }
    }

    private static boolean hasRole(String role) {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(role);
    }

    private boolean is(TravelStatus... statuses) {
        return item != null && java.util.Arrays.asList(statuses).contains(item.getStatus());
    }

    public boolean isCanDecide() {
        return is(TravelStatus.REQUESTED) && hasRole(Roles.CERTIFYING_OFFICER);
    }

    public boolean isCanCorrect() {
        return is(TravelStatus.REQUESTED) && hasRole(Roles.FINANCE_OFFICER);
    }

    public boolean isCanObligate() {
        return is(TravelStatus.APPROVED) && (hasRole(Roles.FINANCE_OFFICER) || hasRole(Roles.CERTIFYING_OFFICER));
    }

    public boolean isCanPay() {
        return is(TravelStatus.OBLIGATED) && (hasRole(Roles.FINANCE_OFFICER) || hasRole(Roles.CERTIFYING_OFFICER));
    }

    public boolean isCanReport() {
        return is(TravelStatus.PAID) && hasRole(Roles.FINANCE_OFFICER);
    }

    /** Before payment either officer cancels; a paid trip only a certifying officer (its payment is reversed). */
    public boolean isCanCancel() {
        return is(TravelStatus.REQUESTED, TravelStatus.APPROVED, TravelStatus.OBLIGATED)
                && (hasRole(Roles.FINANCE_OFFICER) || hasRole(Roles.CERTIFYING_OFFICER))
                || is(TravelStatus.PAID) && hasRole(Roles.CERTIFYING_OFFICER);
    }

    /** Whether approving needs an override reason: beyond the programme's budget or the fund's available balance. */
    public boolean isBeyondLimits() {
        if (item == null || balance == null) {
            return false;
        }
        return item.getCostedUsd().compareTo(balance.available()) > 0
                || programmeRemaining != null && item.getCostedUsd().compareTo(programmeRemaining) > 0;
    }

    private String done(String key) {
        Messages.info(key, item.getId());
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/finance/travel-item?faces-redirect=true&id=" + item.getId();
    }

    public String approve() {
        try {
            service.approve(item.getId(), version, overrideReason);
            return done("tp.item.approved");
        } catch (RuntimeException e) {
            Messages.showFailure(e, "approve");
            return null;
        }
    }

    public String reject() {
        try {
            service.reject(item.getId(), version, reason);
            return done("tp.item.rejected");
        } catch (RuntimeException e) {
            Messages.showFailure(e, "reject");
            return null;
        }
    }

    public String obligate() {
        try {
            service.obligate(item.getId(), version, stepDate, staleRateReason);
            return done("tp.item.obligated");
        } catch (RuntimeException e) {
            Messages.showFailure(e, "obligate");
            return null;
        }
    }

    public String pay() {
        try {
            service.pay(item.getId(), version, stepDate, paymentReference, staleRateReason);
            return done("tp.item.paid");
        } catch (RuntimeException e) {
            Messages.showFailure(e, "pay");
            return null;
        }
    }

    public String report() {
        try {
            service.reportReceived(item.getId(), version, stepDate);
            return done("tp.item.reported");
        } catch (RuntimeException e) {
            Messages.showFailure(e, "report");
            return null;
        }
    }

    public String cancel() {
        try {
            service.cancel(item.getId(), version, reason);
            return done("tp.item.cancelled");
        } catch (RuntimeException e) {
            Messages.showFailure(e, "cancel");
            return null;
        }
    }

    public String usd(BigDecimal v) {
        return v == null ? "—" : Amounts.money(Money.of(v.setScale(2), "USD"), Numbers.locale());
    }

    public String inCurrency(BigDecimal v) {
        return v == null || item == null ? "—" : Amounts.money(Money.of(v, item.getCurrency()), Numbers.locale());
    }

    public String getNumber() {
        return item == null ? "" : String.valueOf(item.getId());
    }

    public boolean isReportOverdue() {
        return item != null && item.isReportOverdue(LocalDate.now());
    }

    public TravelRequest getItem() { return item; }
    public List<Long> getJournals() { return journals; }
    public BigDecimal getProgrammeRemaining() { return programmeRemaining; }
    public AvailableBalance.Figures getBalance() { return balance; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getOverrideReason() { return overrideReason; }
    public void setOverrideReason(String overrideReason) { this.overrideReason = overrideReason; }
    public LocalDate getStepDate() { return stepDate; }
    public void setStepDate(LocalDate stepDate) { this.stepDate = stepDate; }
    public String getPaymentReference() { return paymentReference; }
    public void setPaymentReference(String paymentReference) { this.paymentReference = paymentReference; }
    public String getStaleRateReason() { return staleRateReason; }
    public void setStaleRateReason(String staleRateReason) { this.staleRateReason = staleRateReason; }
}
