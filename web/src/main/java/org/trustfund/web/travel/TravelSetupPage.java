package org.trustfund.web.travel;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trustfund.contribution.imports.RowError;
import org.trustfund.reference.ReferenceData;
import org.trustfund.security.Roles;
import org.trustfund.travel.DsaImport;
import org.trustfund.travel.DsaRate;
import org.trustfund.travel.EventInput;
import org.trustfund.travel.EventType;
import org.trustfund.travel.Programme;
import org.trustfund.travel.ProgrammeBudget;
import org.trustfund.travel.TravelEvent;
import org.trustfund.travel.TravelService;
import org.trustfund.web.contribution.Amounts;
import org.trustfund.web.contribution.Choice;
import org.trustfund.web.platform.ListParameters;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.platform.Numbers;

/**
 * Backs {@code /finance/travel-setup.xhtml}: what travel requests need before they can be costed — the events, each
 * programme's budget in a fund and year (with what is committed and what is left), and the DSA rates by place and
 * month, typed or imported from the ICSC's table. Staff read it; finance and certifying officers change it.
 */
@Named
@ViewScoped
public class TravelSetupPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_RATES = 300;
    private static final int MAX_BYTES = 2 * 1024 * 1024;

    @EJB
    private TravelService service;

    @EJB
    private DsaImport dsaImport;

    @EJB
    private ReferenceData referenceData;

    /** One programme's row: budget (null if none), committed, left. */
    public record BudgetRow(Programme programme, ProgrammeBudget budget, BigDecimal committed, BigDecimal left)
            implements Serializable {
    }

    private List<TravelEvent> events = List.of();
    private List<DsaRate> rates = List.of();
    private List<BudgetRow> budgets = List.of();
    private List<Choice<Long>> funds = List.of();
    private List<Choice<String>> countries = List.of();
    private Long budgetFundId;
    private int budgetYear = LocalDate.now().getYear();
    private String rateCountry;

    private String eventName;
    private EventType eventType;
    private String eventCity;
    private String eventCountry;
    private LocalDate eventStart;
    private LocalDate eventEnd;

    private Long budgetProgrammeId;
    private String budgetAmountText;
    private String budgetReason;

    private String dsaCountry;
    private String dsaCity;
    private String dsaMonthText;
    private String dsaRateText;

    private transient Part file;
    private DsaImport.Result result;

    @PostConstruct
    void load() {
        funds = referenceData.funds().stream().map(f -> new Choice<>(f.getId(), f.getCode())).toList();
        countries = referenceData.countries().stream().map(c -> new Choice<>(c.getCode(), c.getName() + " (" + c.getCode() + ")"))
                .toList();
        budgetFundId = Optional.ofNullable(ListParameters.id("fund")).orElse(funds.isEmpty() ? null : funds.get(0).value());
        String year = ListParameters.text("year");
        if (year != null && year.matches("\\d{4}")) {
            budgetYear = Integer.parseInt(year);
        }
        rateCountry = ListParameters.text("country");
        refresh();
    }

    private void refresh() {
        events = service.events();
        rates = service.dsaRates(rateCountry, MAX_RATES);
        List<BudgetRow> rows = new ArrayList<>();
        if (budgetFundId != null) {
            for (Programme p : service.programmes()) {
                ProgrammeBudget b = service.budget(p.getId(), budgetFundId, budgetYear).orElse(null);
                BigDecimal committed = service.programmeCommitted(p.getId(), budgetFundId, budgetYear);
                rows.add(new BudgetRow(p, b, committed, b == null ? null : b.getAmountUsd().subtract(committed)));
            }
        }
        budgets = rows;
    }

    public boolean isCanChange() {
        FacesContext fc = FacesContext.getCurrentInstance();
        return fc.getExternalContext().isUserInRole(Roles.FINANCE_OFFICER)
                || fc.getExternalContext().isUserInRole(Roles.CERTIFYING_OFFICER);
    }

    public String show() {
        return "/finance/travel-setup?faces-redirect=true" + ListParameters.of().put("fund", budgetFundId)
                .put("year", budgetYear).put("country", rateCountry).query().replaceFirst("^\\?", "&");
    }

    public void addEvent() {
        try {
            TravelEvent e = service.createEvent(new EventInput(eventName, eventType, eventCity, eventCountry, eventStart,
                    eventEnd));
            Messages.info("tp.setup.eventAdded", e.getName());
            eventName = null;
            eventType = null;
            eventCity = null;
            eventCountry = null;
            eventStart = null;
            eventEnd = null;
            refresh();
        } catch (RuntimeException e) {
            Messages.showFailure(e, "event");
        }
    }

    public void setBudget() {
        if (budgetProgrammeId == null) {
            Messages.errorAt("budget:programme", "tp.programme.required");
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        Optional<BigDecimal> amount = Amounts.isBlank(budgetAmountText) ? Optional.empty()
                : Amounts.parse(budgetAmountText, Numbers.locale());
        if (amount.isEmpty()) {
            Messages.errorAt("budget:amount", Amounts.isBlank(budgetAmountText) ? "ik.rec.amountRequired"
                    : Amounts.refusal(budgetAmountText, Numbers.locale()));
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        try {
            long version = service.budget(budgetProgrammeId, budgetFundId, budgetYear).map(ProgrammeBudget::getVersion)
                    .orElse(0L);
            service.setBudget(budgetProgrammeId, budgetFundId, budgetYear, amount.get(), budgetReason, version);
            Messages.info("tp.setup.budgetSet", String.valueOf(budgetYear));
            budgetAmountText = null;
            budgetReason = null;
            refresh();
        } catch (RuntimeException e) {
            Messages.showFailure(e, "budget");
        }
    }

    public void addRate() {
        LocalDate month = null;
        if (dsaMonthText != null && dsaMonthText.strip().matches("\\d{4}-\\d{2}")) {
            try {
                month = YearMonth.parse(dsaMonthText.strip()).atDay(1);
            } catch (RuntimeException e) {
                month = null;
            }
        }
        if (dsaMonthText != null && !dsaMonthText.isBlank() && month == null) {
            Messages.errorAt("dsa:month", "dsaImport.month.invalid", dsaMonthText);
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        Optional<BigDecimal> rate = Amounts.isBlank(dsaRateText) ? Optional.empty() : Amounts.parse(dsaRateText, Numbers.locale());
        if (!Amounts.isBlank(dsaRateText) && rate.isEmpty()) {
            Messages.errorAt("dsa:rate", Amounts.refusal(dsaRateText, Numbers.locale()));
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        try {
            DsaRate r = service.recordDsaRate(dsaCountry, dsaCity, month, rate.orElse(null));
            Messages.info("tp.setup.rateAdded", r.getCity(), r.getCountry().getCode());
            dsaCity = null;
            dsaMonthText = null;
            dsaRateText = null;
            refresh();
        } catch (RuntimeException e) {
            Messages.showFailure(e, "dsa");
        }
    }

    public void upload() {
        Part uploaded = file;
        file = null;
        result = null;
        if (uploaded == null || uploaded.getSize() == 0) {
            Messages.errorAt("dsaImport:file", "import.file.required");
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        if (uploaded.getSize() > MAX_BYTES) {
            Messages.errorAt("dsaImport:file", "import.file.tooLarge", MAX_BYTES / (1024 * 1024));
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        try (InputStream in = uploaded.getInputStream()) {
            result = dsaImport.importRates(uploaded.getSubmittedFileName(), in.readAllBytes());
            if (!result.isRejected()) {
                Messages.info("tp.setup.imported", result.added(), result.unchanged());
                refresh();
            }
        } catch (IOException e) {
            Messages.errorAt("dsaImport:file", "import.file.notXlsx");
        } catch (RuntimeException e) {
            Messages.showFailure(e, "dsaImport");
        }
    }

    public String problem(RowError e) {
        return Messages.text(e.messageKey(), e.args().toArray());
    }

    public String getTitle() {
        return Messages.text("tp.setup.title");
    }

    public EventType[] getEventTypes() { return EventType.values(); }
    public List<TravelEvent> getEvents() { return events; }
    public List<DsaRate> getRates() { return rates; }
    public List<BudgetRow> getBudgets() { return budgets; }
    public List<Choice<Long>> getFunds() { return funds; }
    public List<Choice<String>> getCountries() { return countries; }
    public List<Choice<Long>> getProgrammeChoices() {
        return budgets.stream().map(b -> new Choice<>(b.programme().getId(),
                Messages.text("travel.programme." + b.programme().getCode()))).toList();
    }
    public Long getBudgetFundId() { return budgetFundId; }
    public void setBudgetFundId(Long budgetFundId) { this.budgetFundId = budgetFundId; }
    public int getBudgetYear() { return budgetYear; }
    public void setBudgetYear(int budgetYear) { this.budgetYear = budgetYear; }
    public String getRateCountry() { return rateCountry; }
    public void setRateCountry(String rateCountry) { this.rateCountry = rateCountry; }
    public String getEventName() { return eventName; }
    public void setEventName(String eventName) { this.eventName = eventName; }
    public EventType getEventType() { return eventType; }
    public void setEventType(EventType eventType) { this.eventType = eventType; }
    public String getEventCity() { return eventCity; }
    public void setEventCity(String eventCity) { this.eventCity = eventCity; }
    public String getEventCountry() { return eventCountry; }
    public void setEventCountry(String eventCountry) { this.eventCountry = eventCountry; }
    public LocalDate getEventStart() { return eventStart; }
    public void setEventStart(LocalDate eventStart) { this.eventStart = eventStart; }
    public LocalDate getEventEnd() { return eventEnd; }
    public void setEventEnd(LocalDate eventEnd) { this.eventEnd = eventEnd; }
    public Long getBudgetProgrammeId() { return budgetProgrammeId; }
    public void setBudgetProgrammeId(Long budgetProgrammeId) { this.budgetProgrammeId = budgetProgrammeId; }
    public String getBudgetAmountText() { return budgetAmountText; }
    public void setBudgetAmountText(String budgetAmountText) { this.budgetAmountText = budgetAmountText; }
    public String getBudgetReason() { return budgetReason; }
    public void setBudgetReason(String budgetReason) { this.budgetReason = budgetReason; }
    public String getDsaCountry() { return dsaCountry; }
    public void setDsaCountry(String dsaCountry) { this.dsaCountry = dsaCountry; }
    public String getDsaCity() { return dsaCity; }
    public void setDsaCity(String dsaCity) { this.dsaCity = dsaCity; }
    public String getDsaMonthText() { return dsaMonthText; }
    public void setDsaMonthText(String dsaMonthText) { this.dsaMonthText = dsaMonthText; }
    public String getDsaRateText() { return dsaRateText; }
    public void setDsaRateText(String dsaRateText) { this.dsaRateText = dsaRateText; }
    public Part getFile() { return file; }
    public void setFile(Part file) { this.file = file; }
    public DsaImport.Result getResult() { return result; }
}
