package org.trustfund.web.inkind;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustfund.donor.DonorService;
import org.trustfund.inkind.InKindCategory;
import org.trustfund.inkind.InKindContribution;
import org.trustfund.inkind.InKindInput;
import org.trustfund.inkind.InKindNature;
import org.trustfund.inkind.InKindService;
import org.trustfund.inkind.ValuationBasis;
import org.trustfund.money.Money;
import org.trustfund.receipt.ReceiptStatus;
import org.trustfund.reference.ReferenceData;
import org.trustfund.security.Roles;
import org.trustfund.web.contribution.Amounts;
import org.trustfund.web.contribution.Choice;
import org.trustfund.web.contribution.UsdPreview;
import org.trustfund.web.donor.DonorChoice;
import org.trustfund.web.donor.DonorPicker;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.platform.Numbers;
import org.trustfund.web.platform.Pages;

/**
 * Backs {@code /finance/record-in-kind.xhtml}: a finance officer records an in-kind contribution ({@code ?donor=}
 * preselects the donor), corrects one not yet certified ({@code ?id=}) or records the correct one in place of a
 * reversed one ({@code ?replaces=}). The page says which rule applies (goods recognized, services disclosed) as soon
 * as goods or services is chosen, and previews the US dollar value at the rate of the first day.
 */
@Named
@ViewScoped
public class RecordInKindPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "inKind";

    @EJB
    private InKindService service;

    @EJB
    private DonorService donors;

    @EJB
    private ReferenceData referenceData;

    private DonorPicker donorPicker;
    private Long id;
    private long version;
    private boolean correctable = true;
    private Long replacesId;
    private String returnedReason;
    private ReceiptStatus loadedStatus;

    private DonorChoice donor;
    private Long fundId;
    private LocalDate startDate;
    private LocalDate endDate;
    private String eventName;
    private String description;
    private InKindCategory category;
    private InKindNature nature;
    private String amountText;
    private String currency;
    private ValuationBasis valuationBasis;
    private String supportingReference;
    private boolean staleRateAsked;
    private String staleRateReason;

    private List<Choice<Long>> funds = List.of();
    private List<Choice<String>> currencies = List.of();

    @PostConstruct
    void createPicker() {
        donorPicker = new DonorPicker(donors);
    }

    public void load() {
        FacesContext fc = FacesContext.getCurrentInstance();
        if (fc.isPostback() || !Pages.requireRole(Roles.FINANCE_OFFICER)) {
            return;
        }
        funds = referenceData.funds().stream().map(f -> new Choice<>(f.getId(), f.getCode() + " – " + f.getName())).toList();
        currencies = referenceData.currencies().stream().map(c -> new Choice<>(c.getCode(), c.getCode() + " – " + c.getName()))
                .toList();
        fundId = funds.size() == 1 ? funds.get(0).value() : null;
        Map<String, String> params = fc.getExternalContext().getRequestParameterMap();
        try {
            Long correct = Pages.recordId(params.get("id"));
            Long replaces = Pages.recordId(params.get("replaces"));
            if (correct != null) {
                InKindContribution g = service.find(correct);
                id = g.getId();
                version = g.getVersion();
                loadedStatus = g.getStatus();
                returnedReason = g.getCertification().getReturnedReason();
                correctable = g.getStatus() == ReceiptStatus.RECORDED || g.getStatus() == ReceiptStatus.RETURNED;
                copy(g);
            } else if (replaces != null) {
                InKindContribution g = service.find(replaces);
                if (g.getStatus() == ReceiptStatus.REVERSED) {
                    replacesId = g.getId();
                    copy(g);
                }
            }
            Long preselected = Pages.recordId(params.get("donor"));
            if (preselected != null && id == null && replacesId == null) {
                donor = donorPicker.choice(preselected);
            }
        } catch (RuntimeException e) {
            Messages.showFailure(e, FORM);
            correctable = false;
        }
    }

    private void copy(InKindContribution g) {
        donor = donorPicker.remember(DonorChoice.of(g.getDonor()));
        fundId = g.getFund().getId();
        startDate = g.getStartDate();
        endDate = g.getEndDate();
        eventName = g.getEventName();
        description = g.getDescription();
        category = g.getCategory();
        nature = g.getNature();
        amountText = Amounts.input(g.getFairValue(), Numbers.locale());
        currency = g.getFairValue().currencyCode();
        valuationBasis = g.getValuationBasis();
        supportingReference = g.getSupportingReference();
        staleRateReason = g.getStaleRateReason();
        staleRateAsked = staleRateReason != null;
    }

    /** The rule that applies, in words, once goods or services is chosen. */
    public String getRule() {
        return nature == null ? Messages.text("ik.rec.ruleUnknown") : Messages.text("inKind.rule." + nature.name());
    }

    private Optional<BigDecimal> amount() {
        if (Amounts.isBlank(amountText)) {
            return Optional.empty();
        }
        return Amounts.parse(amountText, Numbers.locale())
                .filter(a -> currency == null || currency.isBlank() || Amounts.fitsCurrency(a, currency));
    }

    /** The fair value in US dollars at the rate in force on the first day, or why it cannot be said yet. */
    public String getPreview() {
        Optional<BigDecimal> a = amount();
        if (a.isEmpty() || currency == null || currency.isBlank() || startDate == null) {
            return Messages.text("con.record.preview.incomplete");
        }
        return UsdPreview.of(referenceData, Money.of(a.get(), currency), startDate);
    }

    public void changed() {
        // The rule and the preview are computed from what was typed.
    }

    public String save() {
        FacesContext fc = FacesContext.getCurrentInstance();
        boolean ok = true;
        if (donor == null) {
            Messages.errorAt(FORM + ":donor", "con.donor.required");
            ok = false;
        }
        if (fundId == null) {
            Messages.errorAt(FORM + ":fund", "con.fund.required");
            ok = false;
        }
        if (currency == null || currency.isBlank()) {
            Messages.errorAt(FORM + ":currency", "con.currency.required");
            ok = false;
        }
        Money value = null;
        if (Amounts.isBlank(amountText)) {
            Messages.errorAt(FORM + ":fairValue", "ik.rec.amountRequired");
            ok = false;
        } else {
            Optional<BigDecimal> typed = Amounts.parse(amountText, Numbers.locale());
            if (typed.isEmpty()) {
                Messages.errorAt(FORM + ":fairValue", Amounts.refusal(amountText, Numbers.locale()));
                ok = false;
            } else if (currency != null && !currency.isBlank()) {
                if (!Amounts.fitsCurrency(typed.get(), currency)) {
                    Messages.errorAt(FORM + ":fairValue", "con.amount.tooManyDecimals", currency, Amounts.minorUnits(currency));
                    ok = false;
                } else {
                    value = Money.of(typed.get(), currency);
                }
            }
        }
        if (!ok) {
            fc.validationFailed();
            return null;
        }
        InKindInput input = new InKindInput(donor.id(), fundId, startDate, endDate, eventName, description, category,
                nature, null, value, valuationBasis, supportingReference, staleRateAsked ? staleRateReason : null);
        try {
            InKindContribution saved = id != null ? service.correct(id, version, input)
                    : replacesId != null ? service.recordReplacement(replacesId, input) : service.record(input);
            Messages.info(id == null ? "ik.rec.saved" : "ik.rec.corrected", saved.getId());
            fc.getExternalContext().getFlash().setKeepMessages(true);
            return "/finance/in-kind-item?faces-redirect=true&id=" + saved.getId();
        } catch (RuntimeException e) {
            Messages.showFailure(e, FORM);
            if (e instanceof org.trustfund.reference.StaleRateException) {
                staleRateAsked = true;
            }
            return null;
        }
    }

    public InKindCategory[] getCategories() {
        return InKindCategory.values();
    }

    public InKindNature[] getNatures() {
        return InKindNature.values();
    }

    public ValuationBasis[] getBases() {
        return ValuationBasis.values();
    }

    public DonorPicker getDonorPicker() {
        return donorPicker;
    }

    public boolean isCorrecting() {
        return id != null;
    }

    public Long getId() {
        return id;
    }

    public boolean isCorrectable() {
        return correctable;
    }

    public Long getReplacesId() {
        return replacesId;
    }

    public String getReturnedReason() {
        return returnedReason;
    }

    public ReceiptStatus getLoadedStatus() {
        return loadedStatus;
    }

    public List<Choice<Long>> getFunds() {
        return funds;
    }

    public List<Choice<String>> getCurrencies() {
        return currencies;
    }

    public DonorChoice getDonor() {
        return donor;
    }

    public void setDonor(DonorChoice donor) {
        this.donor = donor;
    }

    public Long getFundId() {
        return fundId;
    }

    public void setFundId(Long fundId) {
        this.fundId = fundId;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public String getEventName() {
        return eventName;
    }

    public void setEventName(String eventName) {
        this.eventName = eventName;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public InKindCategory getCategory() {
        return category;
    }

    public void setCategory(InKindCategory category) {
        this.category = category;
    }

    public InKindNature getNature() {
        return nature;
    }

    public void setNature(InKindNature nature) {
        this.nature = nature;
    }

    public String getAmountText() {
        return amountText;
    }

    public void setAmountText(String amountText) {
        this.amountText = amountText;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public ValuationBasis getValuationBasis() {
        return valuationBasis;
    }

    public void setValuationBasis(ValuationBasis valuationBasis) {
        this.valuationBasis = valuationBasis;
    }

    public String getSupportingReference() {
        return supportingReference;
    }

    public void setSupportingReference(String supportingReference) {
        this.supportingReference = supportingReference;
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
}
