package org.trustfund.web.intermediary;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.trustfund.intermediary.GiftInput;
import org.trustfund.intermediary.GiverKind;
import org.trustfund.intermediary.IntermediaryService;
import org.trustfund.intermediary.IntermediaryTransfer;
import org.trustfund.intermediary.TransferGift;
import org.trustfund.intermediary.TransferInput;
import org.trustfund.money.Money;
import org.trustfund.receipt.ReceiptStatus;
import org.trustfund.reference.ReferenceData;
import org.trustfund.security.Roles;
import org.trustfund.web.contribution.Amounts;
import org.trustfund.web.contribution.Choice;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.platform.Numbers;
import org.trustfund.web.platform.Pages;

/**
 * Backs {@code /finance/record-transfer.xhtml}: a finance officer records what an intermediary passed on, new
 * ({@code ?intermediary=}), corrected while not certified ({@code ?id=}) or in place of a reversed one
 * ({@code ?replaces=}). The reconciliation (gross − fees = net; the gifts add up to the gross) is recomputed as the
 * officer types, so a difference shows before saving; what was typed stays when something is refused.
 */
@Named
@ViewScoped
public class RecordTransferPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "transfer";

    @EJB
    private IntermediaryService service;

    @EJB
    private ReferenceData referenceData;

    private Long id;
    private long version;
    private boolean correctable = true;
    private Long replacesId;
    private String returnedReason;
    private ReceiptStatus loadedStatus;

    private Long intermediaryId;
    private Long fundId;
    private String currency;
    private String grossText;
    private String feesText;
    private String netText;
    private LocalDate receivedDate;
    private String bankReference;
    private String statementReference;
    private boolean staleRateAsked;
    private String staleRateReason;
    private List<GiftRow> gifts = new ArrayList<>();

    private List<Choice<Long>> intermediaries = List.of();
    private List<Choice<Long>> funds = List.of();
    private List<Choice<String>> currencies = List.of();

    /** Before the first rendering: only a finance officer records; then the page's parameters are read. */
    public void load() {
        FacesContext fc = FacesContext.getCurrentInstance();
        if (fc.isPostback() || !Pages.requireRole(Roles.FINANCE_OFFICER)) {
            return;
        }
        intermediaries = service.intermediaries().stream().map(i -> new Choice<>(i.getId(), i.getName())).toList();
        funds = referenceData.funds().stream().map(f -> new Choice<>(f.getId(), f.getCode() + " – " + f.getName())).toList();
        currencies = referenceData.currencies().stream().map(c -> new Choice<>(c.getCode(), c.getCode() + " – " + c.getName()))
                .toList();
        fundId = funds.size() == 1 ? funds.get(0).value() : null;
        Map<String, String> params = fc.getExternalContext().getRequestParameterMap();
        try {
            Long correct = Pages.recordId(params.get("id"));
            Long replaces = Pages.recordId(params.get("replaces"));
            if (correct != null) {
                IntermediaryTransfer t = service.findTransfer(correct);
                id = t.getId();
                version = t.getVersion();
                loadedStatus = t.getStatus();
                returnedReason = t.getCertification().getReturnedReason();
                correctable = t.getStatus() == ReceiptStatus.RECORDED || t.getStatus() == ReceiptStatus.RETURNED;
                copy(t);
            } else if (replaces != null) {
                IntermediaryTransfer t = service.findTransfer(replaces);
                if (t.getStatus() == ReceiptStatus.REVERSED) {
                    replacesId = t.getId();
                    copy(t);
                }
            }
            String asked = params.get("intermediary");
            if (id == null && asked != null && asked.matches("\\d{1,18}")) {
                long wanted = Long.parseLong(asked);
                intermediaryId = intermediaries.stream().map(Choice::value).filter(v -> v == wanted).findFirst().orElse(null);
            }
        } catch (RuntimeException e) {
            Messages.showFailure(e, FORM);
            correctable = false;
        }
        if (gifts.isEmpty()) {
            gifts.add(new GiftRow());
        }
    }

    private void copy(IntermediaryTransfer t) {
        Locale locale = Numbers.locale();
        intermediaryId = t.getIntermediary().getId();
        fundId = t.getFund().getId();
        currency = t.getCurrency();
        grossText = Amounts.input(t.grossMoney(), locale);
        feesText = Amounts.input(t.feesMoney(), locale);
        netText = t.getNet() == null ? null : Amounts.input(t.netMoney(), locale);
        receivedDate = t.getReceivedDate();
        bankReference = t.getBankReference();
        statementReference = t.getStatementReference();
        staleRateReason = t.getStaleRateReason();
        staleRateAsked = staleRateReason != null;
        gifts = new ArrayList<>();
        for (TransferGift g : t.getGifts()) {
            gifts.add(GiftRow.of(g, t.getCurrency()));
        }
    }

    public void addGift() {
        gifts.add(new GiftRow());
    }

    public void removeGift(GiftRow row) {
        gifts.remove(row);
        if (gifts.isEmpty()) {
            gifts.add(new GiftRow());
        }
    }

    /** A typed amount in the chosen currency, if it is one. */
    private Optional<BigDecimal> amount(String text) {
        if (Amounts.isBlank(text)) {
            return Optional.empty();
        }
        return Amounts.parse(text, Numbers.locale())
                .filter(a -> currency == null || currency.isBlank() || Amounts.fitsCurrency(a, currency));
    }

    private String show(BigDecimal amount) {
        return currency == null || currency.isBlank() ? amount.toPlainString()
                : Amounts.money(Money.of(amount, currency), Numbers.locale());
    }

    /** Gross − fees − net, as the officer types; "—" while one of them is missing or not a number. */
    public String getFeesDifference() {
        Optional<BigDecimal> g = amount(grossText);
        Optional<BigDecimal> f = amount(feesText);
        Optional<BigDecimal> n = amount(netText);
        if (g.isEmpty() || f.isEmpty() || n.isEmpty()) {
            return Amounts.isBlank(netText) ? Messages.text("itm.rec.pendingNet") : "—";
        }
        return show(g.get().subtract(f.get()).subtract(n.get()));
    }

    /** The gifts' sum less the gross; "—" while an amount is not a number. */
    public String getGiftsDifference() {
        Optional<BigDecimal> g = amount(grossText);
        Optional<BigDecimal> sum = giftsSum();
        if (g.isEmpty() || sum.isEmpty()) {
            return "—";
        }
        return show(sum.get().subtract(g.get()));
    }

    public String getGiftsTotal() {
        return giftsSum().map(this::show).orElse("—");
    }

    private Optional<BigDecimal> giftsSum() {
        BigDecimal sum = BigDecimal.ZERO;
        for (GiftRow row : gifts) {
            if (row.isBlank()) {
                continue;
            }
            Optional<BigDecimal> a = amount(row.getAmountText());
            if (a.isEmpty()) {
                return Optional.empty();
            }
            sum = sum.add(a.get());
        }
        return Optional.of(sum);
    }

    /** Both differences are zero: the transfer can be certified once saved. */
    public boolean isReconciled() {
        Optional<BigDecimal> g = amount(grossText);
        Optional<BigDecimal> f = amount(feesText);
        Optional<BigDecimal> n = amount(netText);
        Optional<BigDecimal> sum = giftsSum();
        return g.isPresent() && f.isPresent() && n.isPresent() && sum.isPresent()
                && g.get().subtract(f.get()).subtract(n.get()).signum() == 0 && sum.get().compareTo(g.get()) == 0;
    }

    /** Reads a typed amount for the service: null when blank, else the number (the service says what is wrong). */
    private BigDecimal typed(String field, String text, List<String> refused) {
        if (Amounts.isBlank(text)) {
            return null;
        }
        Optional<BigDecimal> parsed = Amounts.parse(text, Numbers.locale());
        if (parsed.isEmpty()) {
            Messages.errorAt(FORM + ":" + field, Amounts.refusal(text, Numbers.locale()));
            refused.add(field);
            return null;
        }
        if (currency != null && !currency.isBlank() && !Amounts.fitsCurrency(parsed.get(), currency)) {
            Messages.errorAt(FORM + ":" + field, "con.amount.tooManyDecimals", currency, Amounts.minorUnits(currency));
            refused.add(field);
            return null;
        }
        return parsed.get();
    }

    public String save() {
        FacesContext fc = FacesContext.getCurrentInstance();
        List<String> refused = new ArrayList<>();
        if (intermediaryId == null) {
            Messages.errorAt(FORM + ":intermediary", "itm.rec.intermediaryRequired");
            refused.add("intermediary");
        }
        if (fundId == null) {
            Messages.errorAt(FORM + ":fund", "con.fund.required");
            refused.add("fund");
        }
        BigDecimal gross = typed("gross", grossText, refused);
        BigDecimal fees = typed("fees", feesText, refused);
        BigDecimal net = typed("net", netText, refused);
        List<GiftInput> inputs = new ArrayList<>();
        int line = 0;
        for (GiftRow row : gifts) {
            line++;
            if (row.isBlank()) {
                continue;
            }
            BigDecimal amount = null;
            if (!Amounts.isBlank(row.getAmountText())) {
                Optional<BigDecimal> a = Amounts.parse(row.getAmountText(), Numbers.locale());
                if (a.isEmpty()) {
                    Messages.errorAt(FORM + ":gifts", "itm.rec.giftAmount", line, row.getAmountText());
                    refused.add("gifts");
                    continue;
                }
                amount = a.get();
            }
            inputs.add(new GiftInput(row.isAnonymous() ? null : row.getGiverName(), row.getGiverKind(), row.isAnonymous(),
                    !row.isAnonymous() && row.isPubliclyNamed(), amount, row.getGivenDate(), null));
        }
        if (!refused.isEmpty()) {
            fc.validationFailed();
            return null;
        }
        TransferInput input = new TransferInput(intermediaryId, fundId, currency, gross, fees, net, receivedDate,
                bankReference, statementReference, inputs, staleRateAsked ? staleRateReason : null);
        try {
            IntermediaryTransfer saved = id != null ? service.correctTransfer(id, version, input)
                    : replacesId != null ? service.recordReplacement(replacesId, input) : service.recordTransfer(input);
            Messages.info(id == null ? "itm.rec.saved" : "itm.rec.corrected", saved.getId());
            fc.getExternalContext().getFlash().setKeepMessages(true);
            return "/finance/transfer?faces-redirect=true&id=" + saved.getId();
        } catch (RuntimeException e) {
            Messages.showFailure(e, FORM);
            if (e instanceof org.trustfund.reference.StaleRateException) {
                staleRateAsked = true;
            }
            return null;
        }
    }

    /** Reconciliation only: nothing to do but re-render the panel. */
    public void recompute() {
        // The getters compute from what was typed.
    }

    public GiverKind[] getGiverKinds() {
        return GiverKind.values();
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

    public List<Choice<Long>> getIntermediaries() {
        return intermediaries;
    }

    public List<Choice<Long>> getFunds() {
        return funds;
    }

    public List<Choice<String>> getCurrencies() {
        return currencies;
    }

    public Long getIntermediaryId() {
        return intermediaryId;
    }

    public void setIntermediaryId(Long intermediaryId) {
        this.intermediaryId = intermediaryId;
    }

    public Long getFundId() {
        return fundId;
    }

    public void setFundId(Long fundId) {
        this.fundId = fundId;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getGrossText() {
        return grossText;
    }

    public void setGrossText(String grossText) {
        this.grossText = grossText;
    }

    public String getFeesText() {
        return feesText;
    }

    public void setFeesText(String feesText) {
        this.feesText = feesText;
    }

    public String getNetText() {
        return netText;
    }

    public void setNetText(String netText) {
        this.netText = netText;
    }

    public LocalDate getReceivedDate() {
        return receivedDate;
    }

    public void setReceivedDate(LocalDate receivedDate) {
        this.receivedDate = receivedDate;
    }

    public String getBankReference() {
        return bankReference;
    }

    public void setBankReference(String bankReference) {
        this.bankReference = bankReference;
    }

    public String getStatementReference() {
        return statementReference;
    }

    public void setStatementReference(String statementReference) {
        this.statementReference = statementReference;
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

    public List<GiftRow> getGifts() {
        return gifts;
    }
}
