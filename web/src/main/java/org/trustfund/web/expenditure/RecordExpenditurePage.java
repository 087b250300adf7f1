package org.trustfund.web.expenditure;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.trustfund.expenditure.Expenditure;
import org.trustfund.expenditure.ExpenditureCategory;
import org.trustfund.expenditure.ExpenditureInput;
import org.trustfund.expenditure.ExpenditureService;
import org.trustfund.money.Money;
import org.trustfund.receipt.ReceiptStatus;
import org.trustfund.reference.ReferenceData;
import org.trustfund.security.Roles;
import org.trustfund.web.contribution.Amounts;
import org.trustfund.web.contribution.Choice;
import org.trustfund.web.contribution.UsdPreview;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.platform.Numbers;
import org.trustfund.web.platform.Pages;

/**
 * Backs {@code /finance/record-expenditure.xhtml}: a finance officer records an expense ({@code ?id=} corrects one not
 * yet certified), with its US dollar value at the rate of its date shown before saving.
 */
@Named
@ViewScoped
public class RecordExpenditurePage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "expenditure";

    @EJB
    private ExpenditureService service;

    @EJB
    private ReferenceData referenceData;

    private Long id;
    private long version;
    private boolean correctable = true;
    private Long fundId;
    private ExpenditureCategory category;
    private LocalDate date;
    private String amountText;
    private String currency = "USD";
    private String reference;
    private String description;
    private boolean staleRateAsked;
    private String staleRateReason;
    private List<Choice<Long>> funds = List.of();
    private List<Choice<String>> currencies = List.of();

    public void load() {
        FacesContext fc = FacesContext.getCurrentInstance();
        if (fc.isPostback() || !Pages.requireRole(Roles.FINANCE_OFFICER)) {
            return;
        }
        funds = referenceData.funds().stream().map(f -> new Choice<>(f.getId(), f.getCode() + " – " + f.getName())).toList();
        fundId = funds.size() == 1 ? funds.get(0).value() : null;
        currencies = referenceData.currencies().stream().map(c -> new Choice<>(c.getCode(), c.getCode() + " – " + c.getName()))
                .toList();
        try {
            Long correct = Pages.recordId(fc.getExternalContext().getRequestParameterMap().get("id"));
            if (correct != null) {
                Expenditure e = service.find(correct);
                id = e.getId();
                version = e.getVersion();
                correctable = e.getStatus() == ReceiptStatus.RECORDED || e.getStatus() == ReceiptStatus.RETURNED;
                fundId = e.getFund().getId();
                category = e.getCategory();
                date = e.getDate();
                amountText = Amounts.input(e.getAmount(), Numbers.locale());
                currency = e.getAmount().currencyCode();
                reference = e.getReference();
                description = e.getDescription();
                staleRateReason = e.getStaleRateReason();
                staleRateAsked = staleRateReason != null;
            }
        } catch (RuntimeException e) {
            Messages.showFailure(e, FORM);
            correctable = false;
        }
    }

    /** The amount in US dollars at the rate of the date, or why it cannot be said yet. */
    public String getPreview() {
        if (Amounts.isBlank(amountText) || currency == null || date == null) {
            return Messages.text("con.record.preview.incomplete");
        }
        Optional<BigDecimal> a = Amounts.parse(amountText, Numbers.locale()).filter(x -> Amounts.fitsCurrency(x, currency));
        if (a.isEmpty()) {
            return Messages.text("con.record.preview.incomplete");
        }
        return UsdPreview.of(referenceData, Money.of(a.get(), currency), date);
    }

    public void changed() {
        // The preview is computed from what was typed.
    }

    public String save() {
        FacesContext fc = FacesContext.getCurrentInstance();
        boolean ok = true;
        if (fundId == null) {
            Messages.errorAt(FORM + ":fund", "con.fund.required");
            ok = false;
        }
        Money value = null;
        if (Amounts.isBlank(amountText)) {
            Messages.errorAt(FORM + ":amount", "ik.rec.amountRequired");
            ok = false;
        } else {
            Optional<BigDecimal> typed = Amounts.parse(amountText, Numbers.locale());
            if (typed.isEmpty()) {
                Messages.errorAt(FORM + ":amount", Amounts.refusal(amountText, Numbers.locale()));
                ok = false;
            } else if (!Amounts.fitsCurrency(typed.get(), currency)) {
                Messages.errorAt(FORM + ":amount", "con.amount.tooManyDecimals", currency, Amounts.minorUnits(currency));
                ok = false;
            } else {
                value = Money.of(typed.get(), currency);
            }
        }
        if (!ok) {
            fc.validationFailed();
            return null;
        }
        ExpenditureInput in = new ExpenditureInput(fundId, category, date, value, reference, description,
                staleRateAsked ? staleRateReason : null);
        try {
            Expenditure saved = id == null ? service.record(in) : service.correct(id, version, in);
            Messages.info(id == null ? "xp.saved" : "xp.corrected", saved.getId());
            fc.getExternalContext().getFlash().setKeepMessages(true);
            return "/finance/expenditure-item?faces-redirect=true&id=" + saved.getId();
        } catch (RuntimeException e) {
            Messages.showFailure(e, FORM);
            if (e instanceof org.trustfund.reference.StaleRateException) {
                staleRateAsked = true;
            }
            return null;
        }
    }

    public String getTitle() {
        return Messages.text(id == null ? "xp.record.title" : "xp.record.correctTitle");
    }

    public ExpenditureCategory[] getCategories() { return ExpenditureCategory.values(); }
    public boolean isCorrecting() { return id != null; }
    public Long getId() { return id; }
    public boolean isCorrectable() { return correctable; }
    public List<Choice<Long>> getFunds() { return funds; }
    public List<Choice<String>> getCurrencies() { return currencies; }
    public Long getFundId() { return fundId; }
    public void setFundId(Long fundId) { this.fundId = fundId; }
    public ExpenditureCategory getCategory() { return category; }
    public void setCategory(ExpenditureCategory category) { this.category = category; }
    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public String getAmountText() { return amountText; }
    public void setAmountText(String amountText) { this.amountText = amountText; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getReference() { return reference; }
    public void setReference(String reference) { this.reference = reference; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public boolean isStaleRateAsked() { return staleRateAsked; }
    public String getStaleRateReason() { return staleRateReason; }
    public void setStaleRateReason(String staleRateReason) { this.staleRateReason = staleRateReason; }
}
