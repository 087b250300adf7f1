package org.trustfund.web.expenditure;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.trustfund.expenditure.Expenditure;
import org.trustfund.expenditure.ExpenditureService;
import org.trustfund.money.Money;
import org.trustfund.receipt.ReceiptStatus;
import org.trustfund.security.Roles;
import org.trustfund.web.contribution.Amounts;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.platform.Numbers;
import org.trustfund.web.platform.Pages;

/**
 * Backs {@code /finance/expenditure-item.xhtml?id=}: one expense, its history and journals, and the step each role
 * may take: a certifying officer who did not record it certifies (posting it) or sends it back, and reverses a
 * certified one; the finance officer corrects it while it is not certified.
 */
@Named
@ViewScoped
public class ExpenditureItemPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ExpenditureService service;

    private Expenditure item;
    private long version;
    private List<Long> journals = List.of();
    private String reason;

    @PostConstruct
    void load() {
        Long id = Pages.recordId(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id"));
        if (id == null) {
            Messages.error("expenditure.unknown", "—");
            return;
        }
        try {
            item = service.find(id);
            version = item.getVersion();
            journals = service.journalIds(id);
        } catch (RuntimeException e) {
            item = null;
            Messages.showFailure(e, "actions");
        }
    }

    private static boolean hasRole(String role) {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(role);
    }

    private boolean is(ReceiptStatus... statuses) {
        return item != null && java.util.Arrays.asList(statuses).contains(item.getStatus());
    }

    public boolean isCanCertify() {
        return is(ReceiptStatus.RECORDED) && hasRole(Roles.CERTIFYING_OFFICER);
    }

    public boolean isCanCorrect() {
        return is(ReceiptStatus.RECORDED, ReceiptStatus.RETURNED) && hasRole(Roles.FINANCE_OFFICER);
    }

    public boolean isCanReverse() {
        return is(ReceiptStatus.CERTIFIED) && hasRole(Roles.CERTIFYING_OFFICER);
    }

    private String done(String key) {
        Messages.info(key, item.getId());
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/finance/expenditure-item?faces-redirect=true&id=" + item.getId();
    }

    public String certify() {
        try {
            service.certify(item.getId(), version);
            return done("xp.item.certified");
        } catch (RuntimeException e) {
            Messages.showFailure(e, "actions");
            return null;
        }
    }

    public String sendBack() {
        try {
            service.sendBack(item.getId(), version, reason);
            return done("xp.item.sentBack");
        } catch (RuntimeException e) {
            Messages.showFailure(e, "sendBack");
            return null;
        }
    }

    public String reverse() {
        try {
            service.reverse(item.getId(), version, reason);
            return done("xp.item.reversed");
        } catch (RuntimeException e) {
            Messages.showFailure(e, "reverse");
            return null;
        }
    }

    public String money(Money m) {
        return m == null ? "—" : Amounts.money(m, Numbers.locale());
    }

    public String getNumber() {
        return item == null ? "" : String.valueOf(item.getId());
    }

    public Expenditure getItem() { return item; }
    public List<Long> getJournals() { return journals; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
