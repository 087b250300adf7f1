package org.trustfund.web.contribution;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustfund.contribution.Contribution;
import org.trustfund.contribution.ContributionApplication;
import org.trustfund.contribution.ContributionInput;
import org.trustfund.contribution.ContributionService;
import org.trustfund.contribution.ContributionStatus;
import org.trustfund.contribution.SuggestedApplication;
import org.trustfund.donor.DonorService;
import org.trustfund.money.Money;
import org.trustfund.reference.AcceptedCurrency;
import org.trustfund.reference.ExchangeRate;
import org.trustfund.reference.ReferenceData;
import org.trustfund.security.Roles;
import org.trustfund.web.donor.DonorChoice;
import org.trustfund.web.donor.DonorPicker;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.platform.Pages;

/**
 * Backs the record page: a finance officer records a contribution, or corrects one that is not yet
 * certified ({@code ?id=}), or records the correct one in place of a reversed one ({@code ?replaces=}).
 * The application to open instalments is suggested (oldest due first) whenever donor, fund, amount or
 * currency change, and the US dollar value is previewed at the rate in force on the received date.
 * What the officer typed stays on the page when something is refused.
 */
@Named
@ViewScoped
public class RecordContributionPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "contribution";

    @EJB
    private ContributionService contributions;

    @EJB
    private DonorService donors;

    @EJB
    private ReferenceData referenceData;

    // What is being corrected (null when recording a new one), as loaded: the version guards against a
    // concurrent change.
    private Long id;
    private long version;
    private ContributionStatus loadedStatus;
    private String returnedReason;
    private boolean correctable = true;
    private Long replacesId;

    private DonorChoice donor;
    private Long fundId;
    private LocalDate receivedDate;
    private String amountText;
    private String currency;
    private String bankReference;
    private List<ApplicationRow> applications = new ArrayList<>();
    /** Asked for once the service refuses the rate in force as stale (from before the received date's month). */
    private boolean staleRateAsked;
    private String staleRateReason;

    private List<Choice<Long>> funds = List.of();
    private List<Choice<String>> currencies = List.of();
    private String previewText;
    private boolean previewWarning;

    private DonorPicker donorPicker;

    @PostConstruct
    void createDonorPicker() {
        donorPicker = new DonorPicker(donors);
    }

    /** Before the first rendering: only a finance officer records; then the page's parameters are read. */
    public void load() throws IOException {
        FacesContext fc = FacesContext.getCurrentInstance();
        if (fc.isPostback()) {
            return;
        }
        if (!Pages.requireRole(Roles.FINANCE_OFFICER)) {
            return;
        }
        funds = referenceData.funds().stream().map(f -> new Choice<>(f.getId(), f.getCode() + " – " + f.getName())).toList();
        currencies = referenceData.currencies().stream()
                .map(c -> new Choice<>(c.getCode(), c.getCode() + " – " + c.getName())).toList();
        // No fund is chosen for the user unless there is only one: the first in the list was a wrong-fund trap.
        fundId = funds.size() == 1 ? funds.get(0).value() : null;
        Map<String, String> params = fc.getExternalContext().getRequestParameterMap();
        try {
            Optional<Long> correct = idParameter(params.get("id"));
            Optional<Long> replaces = idParameter(params.get("replaces"));
            if (correct.isPresent()) {
                startCorrection(contributions.find(correct.get()));
            } else if (replaces.isPresent()) {
                startReplacement(contributions.find(replaces.get()));
            }
            Optional<Long> preselected = idParameter(params.get("donor"));
            if (preselected.isPresent() && id == null) {
                donor = donorPicker.choice(preselected.get());
            }
        } catch (RuntimeException e) {
            Messages.showFailure(e, FORM);
            correctable = false;
        }
        if (correctable) {
            applications = suggestions(id == null ? Map.of() : appliedBefore());
            refreshPreview();
        }
    }

    private void startCorrection(Contribution c) {
        id = c.getId();
        version = c.getVersion();
        loadedStatus = c.getStatus();
        returnedReason = c.getReturnedReason();
        correctable = c.getStatus() == ContributionStatus.RECORDED || c.getStatus() == ContributionStatus.RETURNED;
        copy(c);
    }

    private void startReplacement(Contribution reversed) {
        if (reversed.getStatus() == ContributionStatus.REVERSED) {
            replacesId = reversed.getId();
            copy(reversed);
        }
    }

    private void copy(Contribution c) {
        donor = donorPicker.remember(DonorChoice.of(c.getDonor()));
        fundId = c.getFund().getId();
        receivedDate = c.getReceivedDate();
        amountText = Amounts.input(c.getAmount(), ContributionFormat.locale());
        currency = c.getAmount().currencyCode();
        bankReference = c.getBankReference();
        staleRateReason = c.getStaleRateReason();
        staleRateAsked = staleRateReason != null;
    }

    /** How the contribution being corrected was applied, by instalment id. */
    private Map<Long, Money> appliedBefore() {
        Map<Long, Money> kept = new LinkedHashMap<>();
        for (ContributionApplication a : contributions.find(id).getApplications()) {
            kept.put(a.getInstalment().getId(), a.getAmount());
        }
        return kept;
    }

    /**
     * The donor's open instalments for this fund and currency; each prefilled with the oldest-first
     * suggestion, or, when correcting, with what the contribution applied to it before.
     */
    private List<ApplicationRow> suggestions(Map<Long, Money> kept) {
        Optional<Money> amount = amount();
        if (donor == null || fundId == null || amount.isEmpty()) {
            return new ArrayList<>();
        }
        List<ApplicationRow> rows = new ArrayList<>();
        for (SuggestedApplication s : contributions.suggestApplications(donor.id(), fundId, amount.get())) {
            Money apply = kept.isEmpty() ? s.suggested() : kept.getOrDefault(s.instalmentId(), Money.zero(s.open().currency()));
            rows.add(new ApplicationRow(s, Amounts.input(apply, ContributionFormat.locale())));
        }
        return rows;
    }

    /** The amount typed, if it is a number that fits the chosen currency. */
    private Optional<Money> amount() {
        if (currency == null || currency.isBlank()) {
            return Optional.empty();
        }
        return Amounts.parse(amountText, ContributionFormat.locale()).filter(a -> Amounts.fitsCurrency(a, currency)).map(a -> Money.of(a, currency));
    }

    private void refreshPreview() {
        previewWarning = false;
        Optional<Money> amount = amount();
        if (amount.isEmpty() || receivedDate == null) {
            previewText = Messages.text("con.record.preview.incomplete");
            return;
        }
        if (AcceptedCurrency.USD.equals(currency)) {
            previewText = Messages.text("con.record.preview.usd");
            return;
        }
        Optional<ExchangeRate> rate = referenceData.rateInForce(currency, receivedDate);
        if (rate.isEmpty()) {
            previewWarning = true;
            previewText = Messages.text("con.record.preview.rateMissing", currency, receivedDate.toString());
            return;
        }
        ExchangeRate r = rate.get();
        previewText = Messages.text("con.record.preview.converted", Amounts.money(amount.get(), ContributionFormat.locale()),
                Amounts.rate(r.getUnitsPerUsd(), ContributionFormat.locale()), currency, r.getEffectiveDate().toString(),
                Amounts.money(r.toUsd(amount.get()), ContributionFormat.locale()));
        if (r.isStaleOn(receivedDate)) {
            previewWarning = true;
            previewText += ". " + Messages.text("con.rate.age", r.getEffectiveDate().toString(), r.monthsBefore(receivedDate));
        }
    }

    /** Donor, fund, amount or currency changed: suggest the application again and update the preview. */
    public void inputsChanged() {
        checkAmount();
        applications = suggestions(Map.of());
        refreshPreview();
    }

    /** The received date changed: only the rate, so only the preview, can change. */
    public void dateChanged() {
        refreshPreview();
    }

    /** Says at once, at the field, when the amount typed is not a number. */
    private boolean checkAmount() {
        if (Amounts.isBlank(amountText)) {
            return true;
        }
        Optional<BigDecimal> typed = Amounts.parse(amountText, ContributionFormat.locale());
        if (typed.isEmpty()) {
            Messages.errorAt(FORM + ":amount", Amounts.refusal(amountText, ContributionFormat.locale()));
            return false;
        }
        if (currency != null && !currency.isBlank() && !Amounts.fitsCurrency(typed.get(), currency)) {
            Messages.errorAt(FORM + ":amount", "con.amount.tooManyDecimals", currency, Amounts.minorUnits(currency));
            return false;
        }
        return true;
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
        boolean hasCurrency = currency != null && !currency.isBlank();
        if (!hasCurrency) {
            Messages.errorAt(FORM + ":currency", "con.currency.required");
            ok = false;
        }
        ok &= checkAmount();
        Map<Long, Money> applied = new LinkedHashMap<>();
        if (hasCurrency) {
            for (ApplicationRow row : applications) {
                if (Amounts.isBlank(row.getApplyText())) {
                    continue;
                }
                Optional<BigDecimal> typed = Amounts.parse(row.getApplyText(), ContributionFormat.locale());
                if (typed.isEmpty()) {
                    Messages.errorAt(FORM + ":applications", "con.apply.notNumber", row.getSeq());
                    ok = false;
                } else if (!Amounts.fitsCurrency(typed.get(), currency)) {
                    Messages.errorAt(FORM + ":applications", "con.apply.tooManyDecimals", row.getSeq(), currency,
                            Amounts.minorUnits(currency));
                    ok = false;
                } else if (typed.get().signum() != 0) {
                    applied.put(row.getInstalmentId(), Money.of(typed.get(), currency));
                }
            }
        }
        if (!ok) {
            fc.validationFailed();
            return null;
        }
        Money money = Amounts.isBlank(amountText) ? null : Money.of(Amounts.parse(amountText, ContributionFormat.locale()).orElseThrow(), currency);
        ContributionInput input = new ContributionInput(donor.id(), fundId, receivedDate, money, bankReference, applied,
                staleRateAsked ? staleRateReason : null);
        try {
            Contribution saved = id != null ? contributions.correct(id, version, input)
                    : replacesId != null ? contributions.recordReplacement(replacesId, input) : contributions.record(input);
            Messages.info(id == null ? "con.record.saved" : "con.record.corrected", saved.getId());
            fc.getExternalContext().getFlash().setKeepMessages(true);
            return "/finance/contribution?faces-redirect=true&id=" + saved.getId();
        } catch (RuntimeException e) {
            Messages.showFailure(e, FORM);
            if (e instanceof org.trustfund.reference.StaleRateException) {
                // The message is at the date; the reason field appears beside it, and what was typed stays.
                staleRateAsked = true;
            }
            return null;
        }
    }

    /** What is left of the amount after the amounts typed against instalments; empty while something is not a number. */
    private Optional<Money> remainder() {
        Optional<Money> amount = amount();
        if (amount.isEmpty()) {
            return Optional.empty();
        }
        Money left = amount.get();
        for (ApplicationRow row : applications) {
            if (Amounts.isBlank(row.getApplyText())) {
                continue;
            }
            Optional<BigDecimal> typed = Amounts.parse(row.getApplyText(), ContributionFormat.locale());
            if (typed.isEmpty() || !Amounts.fitsCurrency(typed.get(), currency)) {
                return Optional.empty();
            }
            left = left.minus(Money.of(typed.get(), currency));
        }
        return Optional.of(left);
    }

    /** The unapplied remainder, recomputed as the officer types the amounts to apply. */
    public String getRemainder() {
        return remainder().map(m -> Amounts.money(m, ContributionFormat.locale())).orElse("—");
    }

    /** More applied than received: the service will refuse it; the page shows it at once. */
    public boolean isRemainderNegative() {
        return remainder().map(Money::isNegative).orElse(false);
    }

    /** Whether donor, fund, amount and currency are all given, so the instalment list means something. */
    public boolean isReadyToApply() {
        return donor != null && fundId != null && amount().isPresent();
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

    public LocalDate getToday() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static Optional<Long> idParameter(String value) {
        return Optional.ofNullable(Pages.recordId(value));
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

    public ContributionStatus getLoadedStatus() {
        return loadedStatus;
    }

    public String getReturnedReason() {
        return returnedReason;
    }

    public boolean isCorrectable() {
        return correctable;
    }

    public Long getReplacesId() {
        return replacesId;
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

    public LocalDate getReceivedDate() {
        return receivedDate;
    }

    public void setReceivedDate(LocalDate receivedDate) {
        this.receivedDate = receivedDate;
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

    public String getBankReference() {
        return bankReference;
    }

    public void setBankReference(String bankReference) {
        this.bankReference = bankReference;
    }

    public List<ApplicationRow> getApplications() {
        return applications;
    }

    public List<Choice<Long>> getFunds() {
        return funds;
    }

    public List<Choice<String>> getCurrencies() {
        return currencies;
    }

    public String getPreviewText() {
        return previewText;
    }

    public boolean isPreviewWarning() {
        return previewWarning;
    }
}
