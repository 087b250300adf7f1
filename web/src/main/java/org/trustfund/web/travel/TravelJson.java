package org.trustfund.web.travel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trustfund.donor.StakeholderGroup;
import org.trustfund.travel.Costing;
import org.trustfund.travel.DsaRate;
import org.trustfund.travel.EventInput;
import org.trustfund.travel.EventType;
import org.trustfund.travel.Gender;
import org.trustfund.travel.Participation;
import org.trustfund.travel.Programme;
import org.trustfund.travel.TravelAsk;
import org.trustfund.travel.TravelEvent;
import org.trustfund.travel.TravelInput;
import org.trustfund.travel.TravelRequest;
import org.trustfund.travel.Traveller;
import org.trustfund.travel.TravellerInput;
import org.trustfund.web.api.Inputs;
import org.trustfund.web.api.Viewer;

/**
 * The JSON of travel and fellowship requests and their reference data. Amounts are decimal strings (US dollars where
 * the name ends in Usd), dates yyyy-mm-dd. What a field left out means is what the request form starts with.
 */
public final class TravelJson {

    private TravelJson() {
    }

    private static String plain(BigDecimal v) {
        return v == null ? null : v.toPlainString();
    }

    private static String iso(LocalDate d) {
        return d == null ? null : d.toString();
    }

    public record TripView(long id, long travellerId, String travellerName, String programme, long eventId,
            String eventName, long fundId, String fundCode, String itinerary,
            @Schema(description = "TICKET, DSA or BOTH") String asks, @Schema(format = "date") String requestedOn,
            @Schema(description = "Asked less than six weeks before the event") boolean late,
            @Schema(format = "date") String departureDate, @Schema(format = "date") String returnDate,
            @Schema(description = "The currency of the ticket and other costs") String currency, String ticketAmount,
            String otherAmount, String otherDescription, String dsaCity, String dsaRateUsd, String dsaRateReason,
            int dsaDays, String dsaDaysReason, String dsaUsd, String terminalUsd,
            @Schema(description = "Units of the currency per USD at the operational rate of the day asked")
            String unitsPerUsd, String costedUsd,
            @Schema(description = "The residence country's development status on the departure date")
            String residenceStatus, boolean eligible, String eligibilityReason, String status, String requestedBy,
            String approvedBy, String overrideReason, @Schema(format = "date") String obligationDate,
            String obligatedUsd, @Schema(format = "date") String paymentDate, String paymentReference, String paidUsd,
            @Schema(format = "date") String reportDue, @Schema(format = "date") String reportReceivedOn,
            String closedReason, long version) {

        static TripView of(TravelRequest t, Viewer viewer) {
            return new TripView(t.getId(), t.getTraveller().getId(), t.getTraveller().getName(),
                    t.getProgramme().getCode(), t.getEvent().getId(), t.getEvent().getName(), t.getFund().getId(),
                    t.getFund().getCode(), t.getItinerary(), t.getAsks().name(), iso(t.getRequestedOn()), t.isLate(),
                    iso(t.getDepartureDate()), iso(t.getReturnDate()), t.getCurrency(), plain(t.getTicketAmount()),
                    plain(t.getOtherAmount()), t.getOtherDescription(), t.getDsaCity(), plain(t.getDsaRateUsd()),
                    t.getDsaRateReason(), t.getDsaDays(), t.getDsaDaysReason(), plain(t.dsaUsd()),
                    plain(t.getTerminalUsd()), plain(t.getUnitsPerUsd()), plain(t.getCostedUsd()),
                    t.getResidenceStatus().name(), t.isEligible(), t.getEligibilityReason(), t.getStatus().name(),
                    viewer.staff(t.getRequestedBy()), viewer.staff(t.getApprovedBy()), t.getOverrideReason(),
                    iso(t.getObligationDate()), plain(t.getObligatedUsd()), iso(t.getPaymentDate()),
                    t.getPaymentReference(), plain(t.getPaidUsd()), iso(t.reportDue()), iso(t.getReportReceivedOn()),
                    t.getClosedReason(), t.getVersion());
        }
    }

    public record TripPage(List<TripView> items, int page, int size, long total) {
    }

    public record NewTrip(@Schema(required = true) Long travellerId, @Schema(required = true) Long programmeId,
            @Schema(required = true) Long eventId, @Schema(required = true) Long fundId, String itinerary,
            @Schema(description = "TICKET, DSA or BOTH (left out: BOTH, as on the form)") String asks,
            @Schema(format = "date", description = "Left out: today, as on the form") String requestedOn,
            @Schema(required = true, format = "date") String departureDate,
            @Schema(required = true, format = "date") String returnDate,
            @Schema(description = "ISO 4217 code of the ticket and other costs (left out: USD, as on the form)")
            String currency, String ticketAmount, String otherAmount, String otherDescription,
            @Schema(description = "Left out: the event's city") String dsaCity,
            @Schema(description = "Left out: the rate for the place and month, looked up; given: an override, with "
                    + "dsaRateReason") String dsaRateUsd, String dsaRateReason,
            @Schema(description = "Left out: the nights the dates imply; other days need dsaDaysReason") Integer dsaDays,
            String dsaDaysReason, String terminalUsd,
            @Schema(description = "Why a rate from before the month of the day asked is used") String staleRateReason,
            @Schema(description = "Why a traveller from a country not eligible on the departure date is funded")
            String eligibilityReason,
            @Schema(description = "The request's version, as read (corrections only)") Long version) {

        TravelInput toInput() {
            LocalDate asked = Inputs.date("requestedOn", requestedOn);
            TravelAsk ask = Inputs.choice("asks", asks, TravelAsk.class);
            return new TravelInput(Inputs.required("travellerId", travellerId), Inputs.required("programmeId", programmeId),
                    Inputs.required("eventId", eventId), Inputs.required("fundId", fundId), itinerary,
                    ask == null ? TravelAsk.BOTH : ask, asked == null ? LocalDate.now() : asked,
                    Inputs.required("departureDate", Inputs.date("departureDate", departureDate)),
                    Inputs.required("returnDate", Inputs.date("returnDate", returnDate)),
                    currency == null || currency.isBlank() ? "USD" : currency.trim(),
                    Inputs.decimal("ticketAmount", ticketAmount), Inputs.decimal("otherAmount", otherAmount),
                    otherDescription, dsaCity, Inputs.decimal("dsaRateUsd", dsaRateUsd), dsaRateReason, dsaDays,
                    dsaDaysReason, Inputs.decimal("terminalUsd", terminalUsd), staleRateReason, eligibilityReason);
        }
    }

    public record CostingView(String dsaCity, String dsaCountry, String dsaRateFoundUsd,
            @Schema(format = "date") String dsaRateMonth, int nights, String dsaUsd, String costsUsd, String totalUsd,
            String unitsPerUsd, boolean late, @Schema(format = "date") String sixWeeksBefore, String residenceStatus,
            boolean eligible, boolean magMember) {

        static CostingView of(Costing c) {
            return new CostingView(c.dsaCity(), c.dsaCountry(), plain(c.dsaRateFound()), iso(c.dsaRateMonth()),
                    c.nights(), plain(c.dsaUsd()), plain(c.costsUsd()), plain(c.totalUsd()), plain(c.unitsPerUsd()),
                    c.late(), iso(c.sixWeeksBefore()), c.residenceStatus() == null ? null : c.residenceStatus().name(),
                    c.eligible(), c.magMember());
        }
    }

    public record TripStep(@Schema(required = true, description = "The request's version, as read") Long version,
            @Schema(format = "date", description = "Obligation, payment or report date (left out: today, as on the "
                    + "page)") String date,
            @Schema(description = "Payment reference (payment only)") String reference,
            @Schema(description = "Approval beyond the budget or the available balance: why") String overrideReason,
            @Schema(description = "Why a rate from before the date's month is used") String staleRateReason) {

        LocalDate dateOrToday() {
            LocalDate d = Inputs.date("date", date);
            return d == null ? LocalDate.now() : d;
        }
    }

    public record TripReason(@Schema(required = true, description = "The request's version, as read") Long version,
            @Schema(required = true) String reason) {
    }

    public record TravellerView(long id, String name, String gender, String nationality, String residence,
            String stakeholderGroup, boolean magMember, String email, long version) {

        static TravellerView of(Traveller t) {
            return new TravellerView(t.getId(), t.getName(), t.getGender().name(), t.getNationality().getCode(),
                    t.getResidence().getCode(), t.getStakeholderGroup().name(), t.isMagMember(), t.getEmail(),
                    t.getVersion());
        }
    }

    public record TravellerDetails(@Schema(required = true) String name,
            @Schema(required = true, description = "FEMALE, MALE, OTHER or NOT_STATED") String gender,
            @Schema(required = true, description = "ISO 3166 alpha-2 code") String nationality,
            @Schema(required = true, description = "ISO 3166 alpha-2 code") String residence,
            @Schema(required = true) String stakeholderGroup, Boolean magMember, String email,
            @Schema(description = "The traveller's version, as read (changes only)") Long version) {

        TravellerInput toInput() {
            return new TravellerInput(name, Inputs.choice("gender", gender, Gender.class), nationality, residence,
                    Inputs.choice("stakeholderGroup", stakeholderGroup, StakeholderGroup.class),
                    Boolean.TRUE.equals(magMember), email);
        }
    }

    public record EventView(long id, String name, String type, String city, String countryCode,
            @Schema(format = "date") String startDate, @Schema(format = "date") String endDate, long version) {

        static EventView of(TravelEvent e) {
            return new EventView(e.getId(), e.getName(), e.getType().name(), e.getCity(), e.getCountry().getCode(),
                    iso(e.getStartDate()), iso(e.getEndDate()), e.getVersion());
        }
    }

    public record NewEvent(@Schema(required = true) String name,
            @Schema(required = true, description = "ANNUAL_MEETING, OPEN_CONSULTATIONS_MAG, REGIONAL_NATIONAL "
                    + "or OTHER") String type,
            @Schema(required = true) String city, @Schema(required = true) String countryCode,
            @Schema(required = true, format = "date") String startDate,
            @Schema(required = true, format = "date") String endDate,
            @Schema(description = "The event's version, as read (changes only)") Long version) {

        EventInput toInput() {
            return new EventInput(name, Inputs.choice("type", type, EventType.class), city, countryCode,
                    Inputs.date("startDate", startDate), Inputs.date("endDate", endDate));
        }
    }

    public record ProgrammeView(long id, String code) {

        static ProgrammeView of(Programme p) {
            return new ProgrammeView(p.getId(), p.getCode());
        }
    }

    public record DsaView(long id, String countryCode, String city, @Schema(format = "date") String effectiveMonth,
            String rateUsd) {

        static DsaView of(DsaRate r) {
            return new DsaView(r.getId(), r.getCountry().getCode(), r.getCity(), iso(r.getEffectiveMonth()),
                    plain(r.getRateUsd()));
        }
    }

    public record NewDsaRate(@Schema(required = true) String countryCode, @Schema(required = true) String city,
            @Schema(required = true, description = "The month it applies from: its first day, yyyy-mm-01") String month,
            @Schema(required = true) String rateUsd) {
    }

    public record ParticipationGroup(String key, long trips, String usd) {
    }

    public record ParticipationView(int year, Long fundId, long trips, String usd,
            @Schema(description = "Largest amount first") List<ParticipationGroup> byRegion,
            @Schema(description = "On the travel date; largest amount first") List<ParticipationGroup> byDevelopmentStatus,
            List<ParticipationGroup> byGender, List<ParticipationGroup> byStakeholderGroup,
            List<ParticipationGroup> byProgramme) {

        static ParticipationView of(Participation.Report r) {
            return new ParticipationView(r.year(), r.fundId(), r.trips(), plain(r.usd()),
                    groups(r, Participation.Dimension.REGION), groups(r, Participation.Dimension.DEVELOPMENT_STATUS),
                    groups(r, Participation.Dimension.GENDER), groups(r, Participation.Dimension.STAKEHOLDER_GROUP),
                    groups(r, Participation.Dimension.PROGRAMME));
        }

        private static List<ParticipationGroup> groups(Participation.Report r, Participation.Dimension d) {
            return r.rows().getOrDefault(d, List.of()).stream()
                    .map(g -> new ParticipationGroup(g.key(), g.trips(), plain(g.usd()))).toList();
        }
    }
}
