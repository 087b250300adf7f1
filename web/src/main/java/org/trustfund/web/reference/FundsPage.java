package org.trustfund.web.reference;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.trustfund.reference.Fund;
import org.trustfund.reference.ReferenceData;
import org.trustfund.web.platform.Messages;

/** Backs the funds page: the list, and dialogs to create a fund and to edit one. */
@Named
@ViewScoped
public class FundsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final BigDecimal DEFAULT_PSC_PERCENT = new BigDecimal("13");

    @EJB
    private ReferenceData referenceData;

    private List<Fund> funds;

    // New fund: kept as typed when refused.
    private String newCode;
    private String newName;
    private LocalDate newStartDate;
    private BigDecimal newPscPercent = DEFAULT_PSC_PERCENT;

    // Edit: the version read when the dialog opened goes back to the service, which refuses a stale one.
    private Long editId;
    private long editVersion;
    private String editCode;
    private String editName;
    private LocalDate editStartDate;
    private BigDecimal editPscPercent;

    @PostConstruct
    void load() {
        funds = referenceData.funds();
    }

    public void create() {
        if (!Percent.hasAllowedScale(newPscPercent)) {
            Messages.errorAt("newFund:pscRate", "fund.psc.decimals");
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        try {
            Fund fund = referenceData.createFund(newCode, newName, newStartDate,
                    Percent.toFraction(newPscPercent == null ? DEFAULT_PSC_PERCENT : newPscPercent));
            Messages.info("fund.created", fund.getCode());
            newCode = null;
            newName = null;
            newStartDate = null;
            newPscPercent = DEFAULT_PSC_PERCENT;
            load();
        } catch (RuntimeException e) {
            Messages.showFailure(e, "newFund");
        }
    }

    public void startEdit(Fund fund) {
        editId = fund.getId();
        editVersion = fund.getVersion();
        editCode = fund.getCode();
        editName = fund.getName();
        editStartDate = fund.getStartDate();
        editPscPercent = Percent.fromFraction(fund.getPscRate());
        editPublicAmounts = fund.isPublicAmounts();
    }

    /** Whether the fund's public recognition page shows each supporter's amount. */
    private boolean editPublicAmounts;

    public boolean isEditPublicAmounts() {
        return editPublicAmounts;
    }

    public void setEditPublicAmounts(boolean editPublicAmounts) {
        this.editPublicAmounts = editPublicAmounts;
    }

    public void saveEdit() {
        if (!Percent.hasAllowedScale(editPscPercent)) {
            Messages.errorAt("editFund:pscRate", "fund.psc.decimals");
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        try {
            referenceData.updateFund(editId, editVersion, editName, editStartDate, Percent.toFraction(editPscPercent),
                    editPublicAmounts);
            Messages.info("fund.updated", editCode);
            load();
        } catch (RuntimeException e) {
            Messages.showFailure(e, "editFund");
        }
    }

    /** The support cost rate as the reader writes a percentage, e.g. 13% or 12,5 %. */
    public String percent(BigDecimal fraction) {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return Messages.text("percent.shown", Percent.number(fraction, locale));
    }

    public List<Fund> getFunds() {
        return funds;
    }

    public String getNewCode() {
        return newCode;
    }

    public void setNewCode(String newCode) {
        this.newCode = newCode;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public LocalDate getNewStartDate() {
        return newStartDate;
    }

    public void setNewStartDate(LocalDate newStartDate) {
        this.newStartDate = newStartDate;
    }

    public BigDecimal getNewPscPercent() {
        return newPscPercent;
    }

    public void setNewPscPercent(BigDecimal newPscPercent) {
        this.newPscPercent = newPscPercent;
    }

    public String getEditCode() {
        return editCode;
    }

    public String getEditName() {
        return editName;
    }

    public void setEditName(String editName) {
        this.editName = editName;
    }

    public LocalDate getEditStartDate() {
        return editStartDate;
    }

    public void setEditStartDate(LocalDate editStartDate) {
        this.editStartDate = editStartDate;
    }

    public BigDecimal getEditPscPercent() {
        return editPscPercent;
    }

    public void setEditPscPercent(BigDecimal editPscPercent) {
        this.editPscPercent = editPscPercent;
    }
}
