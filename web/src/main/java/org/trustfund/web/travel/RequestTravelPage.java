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
import java.util.Optional;
import org.trustfund.donor.StakeholderGroup;
import org.trustfund.reference.ReferenceData;
import org.trustfund.security.Roles;
import org.trustfund.travel.Costing;
import org.trustfund.travel.Gender;
import org.trustfund.travel.TravelAsk;
import org.trustfund.travel.TravelInput;
import org.trustfund.travel.TravelRequest;
import org.trustfund.travel.TravelService;
import org.trustfund.travel.TravelStatus;
import org.trustfund.travel.Traveller;
import org.trustfund.travel.TravellerInput;
import org.trustfund.web.contribution.Amounts;
import org.trustfund.web.contribution.Choice;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.platform.Numbers;
import org.trustfund.web.platform.Pages;

/**
 * Backs {@code /finance/request-travel.xhtml}: a finance officer requests a trip ({@code ?id=} corrects one still
 * waiting for approval). The costing is shown as it is typed: the DSA rate found for the place and the departure
 * month, the nights the dates imply, the US dollar total at the rate of the day asked, whether the request is late
 * and whether the traveller's country of residence is eligible on the departure date. A new traveller is added from
 * the same page.
 */
@Named
@ViewScoped
public class RequestTravelPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "travel";

    @EJB
    private TravelService service;

    @EJB
    private ReferenceData referenceData;

    private TravellerPicker travellerPicker;
    private Long id;
    private long version;
    private boolean correctable = true;

    private TravellerChoice traveller;
    private Long programmeId;
    private Long eventId;
    private Long fundId;
    private String itinerary;
    private TravelAsk asks = TravelAsk.BOTH;
    private LocalDate requestedOn;
    private LocalDate departureDate;
    private LocalDate returnDate;
    private String currency = "USD";
    private String ticketText;
    private String otherText;
    private String otherDescription;
    private String dsaCity;
    private String dsaRateText;
    private String dsaRateReason;
    private String dsaDaysText;
    private String dsaDaysReason;
    private String terminalText;
    private boolean staleRateAsked;
    private String staleRateReason;
    private String eligibilityReason;

    private NewTraveller newTraveller = new NewTraveller();
    private Costing costing;
    private String costingProblem;

    private List<Choice<Long>> funds = List.of();
    private List<Choice<Long>> programmes = List.of();
    private List<Choice<Long>> events = List.of();
    private List<Choice<String>> currencies = List.of();
    private List<Choice<String>> countries = List.of();

    @PostConstruct
    void create() {
        travellerPicker = new TravellerPicker(service);
    }

    public void load() {
        FacesContext fc = FacesContext.getCurrentInstance();
        if (fc.isPostback() || !Pages.requireRole(Roles.FINANCE_OFFICER)) {
            return;
        }
        funds = referenceData.funds().stream().map(f -> new Choice<>(f.getId(), f.getCode() + " – " + f.getName())).toList();
        fundId = funds.size() == 1 ? funds.get(0).value() : null;
        programmes = service.programmes().stream().map(p -> new Choice<>(p.getId(),
                Messages.text("travel.programme." + p.getCode()))).toList();
        events = service.events().stream().map(e -> new Choice<>(e.getId(), e.label())).toList();
        currencies = referenceData.currencies().stream().map(c -> new Choice<>(c.getCode(), c.getCode() + " – " + c.getName()))
                .toList();
        countries = referenceData.countries().stream().map(c -> new Choice<>(c.getCode(), c.getName() + " (" + c.getCode() + ")"))
                .toList();
        requestedOn = LocalDate.now();
        try {
            Long correct = Pages.recordId(fc.getExternalContext().getRequestParameterMap().get("id"));
            if (correct != null) {
                TravelRequest t = service.find(correct);
                id = t.getId();
                version = t.getVersion();
                correctable = t.getStatus() == TravelStatus.REQUESTED;
                copy(t);
            }
        } catch (RuntimeException e) {
            Messages.showFailure(e, FORM);
            correctable = false;
        }
        refresh();
    }

    private void copy(TravelRequest t) {
        traveller = travellerPicker.remember(TravellerChoice.of(t.getTraveller()));
        programmeId = t.getProgramme().getId();
        eventId = t.getEvent().getId();
        fundId = t.getFund().getId();
        itinerary = t.getItinerary();
        asks = t.getAsks();
        requestedOn = t.getRequestedOn();
        departureDate = t.getDepartureDate();
        returnDate = t.getReturnDate();
        currency = t.getCurrency();
        ticketText = plain(t.getTicketAmount());
        otherText = plain(t.getOtherAmount());
        otherDescription = t.getOtherDescription();
        dsaCity = t.getDsaCity();
        dsaRateText = t.getDsaRateReason() == null ? null : plain(t.getDsaRateUsd());
        dsaRateReason = t.getDsaRateReason();
        dsaDaysText = t.getDsaDaysReason() == null ? null : String.valueOf(t.getDsaDays());
        dsaDaysReason = t.getDsaDaysReason();
        terminalText = plain(t.getTerminalUsd());
        staleRateReason = t.getStaleRateReason();
        staleRateAsked = staleRateReason != null;
        eligibilityReason = t.getEligibilityReason();
    }

    private static String plain(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().toPlainString();
    }

    /** The amount typed, or empty if blank; a refusal at the field when it is not a number. */
    private Optional<BigDecimal> amount(String text, String field, boolean[] ok) {
        if (Amounts.isBlank(text)) {
            return Optional.empty();
        }
        Optional<BigDecimal> typed = Amounts.parse(text, Numbers.locale());
        if (typed.isEmpty()) {
            if (ok != null) {
                Messages.errorAt(FORM + ":" + field, Amounts.refusal(text, Numbers.locale()));
                ok[0] = false;
            }
        }
        return typed;
    }

    private Integer days(boolean[] ok) {
        if (dsaDaysText == null || dsaDaysText.isBlank()) {
            return null;
        }
        if (!dsaDaysText.strip().matches("-?\\d{1,4}")) {
            if (ok != null) {
                Messages.errorAt(FORM + ":dsaDays", "tp.days.invalid", dsaDaysText);
                ok[0] = false;
            }
            return null;
        }
        return Integer.valueOf(dsaDaysText.strip());
    }

    /** The input as typed; {@code ok} null for the preview, which says nothing at the fields. */
    private TravelInput input(boolean[] ok) {
        return new TravelInput(traveller == null ? 0 : traveller.id(), programmeId == null ? 0 : programmeId,
                eventId == null ? 0 : eventId, fundId == null ? 0 : fundId, itinerary, asks, requestedOn, departureDate,
                returnDate, currency, amount(ticketText, "ticketAmount", ok).orElse(null),
                amount(otherText, "otherAmount", ok).orElse(null), otherDescription, dsaCity,
                amount(dsaRateText, "dsaRate", ok).orElse(null), dsaRateReason, days(ok), dsaDaysReason,
                amount(terminalText, "terminalUsd", ok).orElse(null), staleRateAsked ? staleRateReason : null,
                eligibilityReason);
    }

    /**
     * Computes the costing of what is typed so far, or why it cannot be given yet (missing fields, or the refusal the
     * save would meet), once per change rather than once per expression on the page.
     */
    private void refresh() {
        costing = null;
        if (traveller == null || programmeId == null || eventId == null || fundId == null || asks == null
                || requestedOn == null || departureDate == null || returnDate == null || currency == null) {
            costingProblem = Messages.text("tp.costing.incomplete");
            return;
        }
        try {
            costing = service.preview(input(null));
            costingProblem = null;
        } catch (org.trustfund.platform.BusinessException e) {
            org.trustfund.platform.BusinessException first = e instanceof org.trustfund.platform.InvalidFieldsException
                    several ? several.errors().get(0) : e;
            costingProblem = Messages.text(first.messageKey(), first.arguments());
        }
    }

    public Costing getCosting() {
        return costing;
    }

    public String getCostingProblem() {
        return costingProblem;
    }

    public String usd(BigDecimal v) {
        return v == null ? "—" : Amounts.money(org.trustfund.money.Money.of(v.setScale(2), "USD"), Numbers.locale());
    }

    public void changed() {
        refresh();
    }

    /** Adds the traveller typed in the dialog and selects them. */
    public void addTraveller() {
        try {
            Traveller t = service.createTraveller(newTraveller.input());
            traveller = travellerPicker.remember(TravellerChoice.of(t));
            Messages.info("tp.traveller.added", t.getName());
            newTraveller = new NewTraveller();
            refresh();
            org.primefaces.PrimeFaces.current().executeScript("PF('travellerDialog').hide()");
        } catch (RuntimeException e) {
            Messages.showFailure(e, "newTraveller");
        }
    }

    public String save() {
        FacesContext fc = FacesContext.getCurrentInstance();
        boolean[] ok = {true};
        if (traveller == null) {
            Messages.errorAt(FORM + ":traveller", "tp.traveller.required");
            ok[0] = false;
        }
        if (programmeId == null) {
            Messages.errorAt(FORM + ":programme", "tp.programme.required");
            ok[0] = false;
        }
        if (eventId == null) {
            Messages.errorAt(FORM + ":event", "tp.event.required");
            ok[0] = false;
        }
        if (fundId == null) {
            Messages.errorAt(FORM + ":fund", "con.fund.required");
            ok[0] = false;
        }
        TravelInput in = input(ok);
        if (!ok[0]) {
            fc.validationFailed();
            refresh();
            return null;
        }
        try {
            TravelRequest saved = id == null ? service.request(in) : service.correct(id, version, in);
            Messages.info(id == null ? "tp.saved" : "tp.corrected", saved.getId());
            fc.getExternalContext().getFlash().setKeepMessages(true);
            return "/finance/travel-item?faces-redirect=true&id=" + saved.getId();
        } catch (RuntimeException e) {
            Messages.showFailure(e, FORM);
            if (e instanceof org.trustfund.reference.StaleRateException) {
                staleRateAsked = true;
            }
            refresh();
            return null;
        }
    }

    /** The new-traveller dialog's fields. */
    public static final class NewTraveller implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name;
        private Gender gender;
        private String nationality;
        private String residence;
        private StakeholderGroup group;
        private boolean magMember;
        private String email;

        TravellerInput input() {
            return new TravellerInput(name, gender, nationality, residence, group, magMember, email);
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public Gender getGender() { return gender; }
        public void setGender(Gender gender) { this.gender = gender; }
        public String getNationality() { return nationality; }
        public void setNationality(String nationality) { this.nationality = nationality; }
        public String getResidence() { return residence; }
        public void setResidence(String residence) { this.residence = residence; }
        public StakeholderGroup getGroup() { return group; }
        public void setGroup(StakeholderGroup group) { this.group = group; }
        public boolean isMagMember() { return magMember; }
        public void setMagMember(boolean magMember) { this.magMember = magMember; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
    }

    public String getTitle() {
        return Messages.text(id == null ? "tp.request.title" : "tp.request.correctTitle");
    }

    public TravelAsk[] getAskOptions() { return TravelAsk.values(); }
    public Gender[] getGenders() { return Gender.values(); }
    public StakeholderGroup[] getGroups() { return StakeholderGroup.values(); }
    public TravellerPicker getTravellerPicker() { return travellerPicker; }
    public NewTraveller getNewTraveller() { return newTraveller; }
    public boolean isCorrecting() { return id != null; }
    public Long getId() { return id; }
    public boolean isCorrectable() { return correctable; }
    public List<Choice<Long>> getFunds() { return funds; }
    public List<Choice<Long>> getProgrammes() { return programmes; }
    public List<Choice<Long>> getEvents() { return events; }
    public List<Choice<String>> getCurrencies() { return currencies; }
    public List<Choice<String>> getCountries() { return countries; }
    public TravellerChoice getTraveller() { return traveller; }
    public void setTraveller(TravellerChoice traveller) { this.traveller = traveller; }
    public Long getProgrammeId() { return programmeId; }
    public void setProgrammeId(Long programmeId) { this.programmeId = programmeId; }
    public Long getEventId() { return eventId; }
    public void setEventId(Long eventId) { this.eventId = eventId; }
    public Long getFundId() { return fundId; }
    public void setFundId(Long fundId) { this.fundId = fundId; }
    public String getItinerary() { return itinerary; }
    public void setItinerary(String itinerary) { this.itinerary = itinerary; }
    public TravelAsk getAsks() { return asks; }
    public void setAsks(TravelAsk asks) { this.asks = asks; }
    public LocalDate getRequestedOn() { return requestedOn; }
    public void setRequestedOn(LocalDate requestedOn) { this.requestedOn = requestedOn; }
    public LocalDate getDepartureDate() { return departureDate; }
    public void setDepartureDate(LocalDate departureDate) { this.departureDate = departureDate; }
    public LocalDate getReturnDate() { return returnDate; }
    public void setReturnDate(LocalDate returnDate) { this.returnDate = returnDate; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getTicketText() { return ticketText; }
    public void setTicketText(String ticketText) { this.ticketText = ticketText; }
    public String getOtherText() { return otherText; }
    public void setOtherText(String otherText) { this.otherText = otherText; }
    public String getOtherDescription() { return otherDescription; }
    public void setOtherDescription(String otherDescription) { this.otherDescription = otherDescription; }
    public String getDsaCity() { return dsaCity; }
    public void setDsaCity(String dsaCity) { this.dsaCity = dsaCity; }
    public String getDsaRateText() { return dsaRateText; }
    public void setDsaRateText(String dsaRateText) { this.dsaRateText = dsaRateText; }
    public String getDsaRateReason() { return dsaRateReason; }
    public void setDsaRateReason(String dsaRateReason) { this.dsaRateReason = dsaRateReason; }
    public String getDsaDaysText() { return dsaDaysText; }
    public void setDsaDaysText(String dsaDaysText) { this.dsaDaysText = dsaDaysText; }
    public String getDsaDaysReason() { return dsaDaysReason; }
    public void setDsaDaysReason(String dsaDaysReason) { this.dsaDaysReason = dsaDaysReason; }
    public String getTerminalText() { return terminalText; }
    public void setTerminalText(String terminalText) { this.terminalText = terminalText; }
    public boolean isStaleRateAsked() { return staleRateAsked; }
    public String getStaleRateReason() { return staleRateReason; }
    public void setStaleRateReason(String staleRateReason) { this.staleRateReason = staleRateReason; }
    public String getEligibilityReason() { return eligibilityReason; }
    public void setEligibilityReason(String eligibilityReason) { this.eligibilityReason = eligibilityReason; }
}
