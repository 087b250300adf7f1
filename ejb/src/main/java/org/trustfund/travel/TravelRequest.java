package org.trustfund.travel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.FieldErrors;
import org.trustfund.platform.TextLimits;
import org.trustfund.reference.AcceptedCurrency;
import org.trustfund.reference.DevelopmentStatus;
import org.trustfund.reference.ExchangeRate;
import org.trustfund.reference.Fund;

/**
 * One trip the fund pays for, from the request to the post-trip report. The costing is fixed when the request is
 * recorded (the ticket and other costs at the operational rate of the day asked, DSA at the rate of the place and the
 * departure month, terminal expenses); obligation and payment convert again at their own dates. Rules of each step
 * live here: the approver is never the requester, the payer never the approver, payment only once obligated, a
 * report only after the return, a cancellation always with its reason.
 */
@Entity
@Table(name = "travel_request")
public class TravelRequest {

    public static final String SOURCE_TYPE = "Travel";
    public static final int MAX_ITINERARY = 500;
    public static final int MAX_REASON = 500;
    public static final int MAX_REFERENCE = 100;
    /** A request later than this before the event's first day is late: a warning, not a refusal. */
    public static final int WEEKS_AHEAD = 6;
    /** The post-trip report is due this many days after the return. */
    public static final int REPORT_DUE_DAYS = 30;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "traveller_id", nullable = false)
    private Traveller traveller;

    @ManyToOne(optional = false)
    @JoinColumn(name = "programme_id", nullable = false)
    private Programme programme;

    @ManyToOne(optional = false)
    @JoinColumn(name = "event_id", nullable = false)
    private TravelEvent event;

    @ManyToOne(optional = false)
    @JoinColumn(name = "fund_id", nullable = false)
    private Fund fund;

    @Column(name = "itinerary", nullable = false, length = MAX_ITINERARY)
    private String itinerary;

    @Enumerated(EnumType.STRING)
    @Column(name = "asks", nullable = false, length = 20)
    private TravelAsk asks;

    @Column(name = "requested_on", nullable = false)
    private LocalDate requestedOn;

    @Column(name = "departure_date", nullable = false)
    private LocalDate departureDate;

    @Column(name = "return_date", nullable = false)
    private LocalDate returnDate;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "ticket_amount", nullable = false, precision = 19, scale = 4)
    private BigDecimal ticketAmount;

    @Column(name = "other_amount", nullable = false, precision = 19, scale = 4)
    private BigDecimal otherAmount;

    @Column(name = "other_description", length = 200)
    private String otherDescription;

    @Column(name = "dsa_city", length = TravelEvent.MAX_CITY)
    private String dsaCity;

    @ManyToOne
    @JoinColumn(name = "dsa_rate_id")
    private DsaRate dsaRate;

    @Column(name = "dsa_rate_usd", nullable = false, precision = 19, scale = 2)
    private BigDecimal dsaRateUsd;

    @Column(name = "dsa_rate_reason", length = MAX_REASON)
    private String dsaRateReason;

    @Column(name = "dsa_days", nullable = false)
    private int dsaDays;

    @Column(name = "dsa_days_reason", length = MAX_REASON)
    private String dsaDaysReason;

    @Column(name = "terminal_usd", nullable = false, precision = 19, scale = 2)
    private BigDecimal terminalUsd;

    @ManyToOne
    @JoinColumn(name = "rate_id")
    private ExchangeRate rate;

    @Column(name = "units_per_usd", nullable = false, precision = 19, scale = 6)
    private BigDecimal unitsPerUsd;

    @Column(name = "stale_rate_reason", length = MAX_REASON)
    private String staleRateReason;

    @Column(name = "costed_usd", nullable = false, precision = 19, scale = 2)
    private BigDecimal costedUsd;

    @Enumerated(EnumType.STRING)
    @Column(name = "residence_status", nullable = false, length = 30)
    private DevelopmentStatus residenceStatus;

    @Column(name = "eligibility_reason", length = MAX_REASON)
    private String eligibilityReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private TravelStatus status;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "requested_by", nullable = false, updatable = false, length = 100)
    private String requestedBy;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "approved_by", length = 100)
    private String approvedBy;

    @Column(name = "override_reason", length = MAX_REASON)
    private String overrideReason;

    @Column(name = "obligation_date")
    private LocalDate obligationDate;

    @Column(name = "obligated_usd", precision = 19, scale = 2)
    private BigDecimal obligatedUsd;

    @Column(name = "obligated_by", length = 100)
    private String obligatedBy;

    @Column(name = "payment_date")
    private LocalDate paymentDate;

    @Column(name = "payment_reference", length = MAX_REFERENCE)
    private String paymentReference;

    @Column(name = "paid_units_per_usd", precision = 19, scale = 6)
    private BigDecimal paidUnitsPerUsd;

    @Column(name = "paid_usd", precision = 19, scale = 2)
    private BigDecimal paidUsd;

    @Column(name = "paid_by", length = 100)
    private String paidBy;

    @Column(name = "report_received_on")
    private LocalDate reportReceivedOn;

    @Column(name = "report_recorded_by", length = 100)
    private String reportRecordedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_by", length = 100)
    private String closedBy;

    @Column(name = "closed_reason", length = MAX_REASON)
    private String closedReason;

    @Version
    private long version;

    protected TravelRequest() {
    }

    /** What the request resolved to in the database: the records it names and the rates it uses. */
    public record Resolved(Traveller traveller, Programme programme, TravelEvent event, Fund fund, DsaRate dsaRate,
            ExchangeRate rate, DevelopmentStatus residenceStatus) {
    }

    public TravelRequest(TravelInput in, Resolved r, Instant at, String by) {
        describe(in, r);
        this.status = TravelStatus.REQUESTED;
        this.requestedAt = at;
        this.requestedBy = by;
    }

    /** A correction by the finance officer, only while the request waits for approval. */
    public void correct(TravelInput in, Resolved r) {
        requireStatus(TravelStatus.REQUESTED);
        describe(in, r);
    }

    /** The nights between departure and return: the DSA days the dates imply. */
    public static int nights(LocalDate departure, LocalDate back) {
        return (int) ChronoUnit.DAYS.between(departure, back);
    }

    /** Whether a country of this status on the travel date makes the traveller eligible for travel support. */
    public static boolean eligible(DevelopmentStatus status) {
        return status != null && status != DevelopmentStatus.DEVELOPED;
    }

    /** Everything the input gets wrong, field by field, before anything is looked up. */
    public static void check(TravelInput in) {
        FieldErrors errors = new FieldErrors();
        if (in.itinerary() == null || in.itinerary().isBlank()) {
            errors.add("itinerary", "travel.itinerary.required");
        } else if (in.itinerary().strip().length() > MAX_ITINERARY) {
            errors.add("itinerary", "text.tooLong", MAX_ITINERARY);
        }
        if (in.asks() == null) {
            errors.add("asks", "travel.asks.required");
        }
        if (in.requestedOn() == null) {
            errors.add("requestedOn", "travel.requestedOn.required");
        }
        if (in.departureDate() == null) {
            errors.add("departureDate", "travel.departure.required");
        }
        if (in.returnDate() == null) {
            errors.add("returnDate", "travel.return.required");
        } else if (in.departureDate() != null && in.returnDate().isBefore(in.departureDate())) {
            errors.add("returnDate", "travel.return.beforeDeparture");
        }
        if (in.currency() == null || in.currency().isBlank()) {
            errors.add("currency", "currency.required");
        }
        nonNegative(errors, "ticketAmount", in.ticketAmount());
        nonNegative(errors, "otherAmount", in.otherAmount());
        nonNegative(errors, "terminalUsd", in.terminalUsd());
        nonNegative(errors, "dsaRate", in.dsaRateUsd());
        if (in.dsaDays() != null && in.dsaDays() < 0) {
            errors.add("dsaDays", "travel.dsa.days.negative");
        }
        if (in.asks() != null) {
            BigDecimal ticket = in.ticketAmount() == null ? BigDecimal.ZERO : in.ticketAmount();
            if (in.asks().includesTicket() && ticket.signum() <= 0 && !errors.has("ticketAmount")) {
                errors.add("ticketAmount", "travel.ticket.required");
            } else if (!in.asks().includesTicket() && ticket.signum() > 0) {
                errors.add("ticketAmount", "travel.ticket.notAsked");
            }
            if (!in.asks().includesDsa() && in.dsaDays() != null && in.dsaDays() > 0) {
                errors.add("dsaDays", "travel.dsa.notAsked");
            }
        }
        for (String[] text : new String[][] {{"otherDescription", in.otherDescription(), "200"},
                {"dsaRateReason", in.dsaRateReason(), "500"}, {"dsaDaysReason", in.dsaDaysReason(), "500"},
                {"staleRateReason", in.staleRateReason(), "500"}, {"eligibilityReason", in.eligibilityReason(), "500"},
                {"dsaCity", in.dsaCity(), String.valueOf(TravelEvent.MAX_CITY)}}) {
            if (text[1] != null && text[1].strip().length() > Integer.parseInt(text[2])) {
                errors.add(text[0], "text.tooLong", Integer.parseInt(text[2]));
            }
        }
        errors.throwIfAny();
    }

    private static void nonNegative(FieldErrors errors, String field, BigDecimal amount) {
        if (amount != null && amount.signum() < 0) {
            errors.add(field, "travel.amount.negative");
        } else if (amount != null && ("terminalUsd".equals(field) || "dsaRate".equals(field))
                && amount.stripTrailingZeros().scale() > 2) {
            errors.add(field, "travel.usd.decimals");
        }
    }

    private void describe(TravelInput in, Resolved r) {
        check(in);
        FieldErrors errors = new FieldErrors();
        boolean usd = AcceptedCurrency.USD.equals(in.currency());
        if (usd != (r.rate() == null)) {
            throw new IllegalArgumentException("Rate " + r.rate() + " does not convert " + in.currency());
        }
        boolean dsa = in.asks().includesDsa();
        int expectedDays = nights(in.departureDate(), in.returnDate());
        int days = !dsa ? 0 : in.dsaDays() == null ? expectedDays : in.dsaDays();
        String daysReason = blankToNull(in.dsaDaysReason());
        if (dsa && days != expectedDays && daysReason == null) {
            errors.add("dsaDays", "travel.dsa.days.mismatch", days, expectedDays, in.departureDate().toString(),
                    in.returnDate().toString());
        }
        BigDecimal dsaRateUsd = BigDecimal.ZERO.setScale(2);
        String rateReason = blankToNull(in.dsaRateReason());
        if (dsa) {
            String city = placeOf(in, r.event());
            if (in.dsaRateUsd() == null && r.dsaRate() == null) {
                errors.add("dsaRate", "travel.dsa.rate.missing", city, r.event().getCountry().getCode(),
                        in.departureDate().withDayOfMonth(1).toString().substring(0, 7));
            } else if (in.dsaRateUsd() != null && (r.dsaRate() == null
                    || in.dsaRateUsd().compareTo(r.dsaRate().getRateUsd()) != 0) && rateReason == null) {
                errors.add("dsaRateReason", "travel.dsa.override.reason", r.dsaRate() == null ? "—"
                        : r.dsaRate().getRateUsd().toPlainString());
            } else {
                dsaRateUsd = (in.dsaRateUsd() != null ? in.dsaRateUsd() : r.dsaRate().getRateUsd()).setScale(2);
            }
        }
        String eligibility = blankToNull(in.eligibilityReason());
        if (!eligible(r.residenceStatus()) && eligibility == null) {
            errors.add("eligibilityReason", "travel.eligibility.reasonRequired", r.traveller().getResidence().getName(),
                    String.valueOf(r.residenceStatus()), in.departureDate().toString());
        }
        errors.throwIfAny();
        this.traveller = Objects.requireNonNull(r.traveller());
        this.programme = Objects.requireNonNull(r.programme());
        this.event = Objects.requireNonNull(r.event());
        this.fund = Objects.requireNonNull(r.fund());
        this.itinerary = in.itinerary().strip();
        this.asks = in.asks();
        this.requestedOn = in.requestedOn();
        this.departureDate = in.departureDate();
        this.returnDate = in.returnDate();
        this.currency = in.currency();
        this.ticketAmount = in.ticketAmount() == null ? BigDecimal.ZERO : in.ticketAmount();
        this.otherAmount = in.otherAmount() == null ? BigDecimal.ZERO : in.otherAmount();
        this.otherDescription = blankToNull(in.otherDescription());
        this.dsaCity = dsa ? placeOf(in, r.event()) : null;
        this.dsaRate = dsa && in.dsaRateUsd() == null ? r.dsaRate() : null;
        this.dsaRateUsd = dsaRateUsd;
        this.dsaRateReason = dsa && in.dsaRateUsd() != null ? rateReason : null;
        this.dsaDays = days;
        this.dsaDaysReason = dsa && days != expectedDays ? daysReason : null;
        this.terminalUsd = (in.terminalUsd() == null ? BigDecimal.ZERO : in.terminalUsd()).setScale(2);
        this.rate = r.rate();
        this.unitsPerUsd = usd ? BigDecimal.ONE.setScale(6) : r.rate().getUnitsPerUsd();
        this.staleRateReason = r.rate() != null && r.rate().isStaleOn(in.requestedOn()) ? blankToNull(in.staleRateReason())
                : null;
        this.residenceStatus = r.residenceStatus() == null ? DevelopmentStatus.DEVELOPED : r.residenceStatus();
        this.eligibilityReason = eligible(r.residenceStatus()) ? null : eligibility;
        this.costedUsd = usdAt(r.rate());
    }

    /** The place whose DSA applies: as typed, or the event's city. */
    public static String placeOf(TravelInput in, TravelEvent event) {
        return in.dsaCity() == null || in.dsaCity().isBlank() ? event.getCity() : in.dsaCity().strip();
    }

    /** The ticket and other costs in their currency. */
    public Money costsInCurrency() {
        return Money.of(ticketAmount.add(otherAmount), currency);
    }

    public BigDecimal dsaUsd() {
        return dsaRateUsd.multiply(BigDecimal.valueOf(dsaDays)).setScale(2);
    }

    /** The whole trip in US dollars with the ticket and other costs converted at {@code fx} (null: US dollars). */
    public BigDecimal usdAt(ExchangeRate fx) {
        Money costs = costsInCurrency();
        BigDecimal converted = fx == null ? costs.amount() : fx.toUsd(costs).amount();
        return converted.setScale(2, ExchangeRate.USD_ROUNDING).add(dsaUsd()).add(terminalUsd);
    }

    /** Whether the request came later than six weeks before the event's first day. */
    public boolean isLate() {
        return requestedOn.isAfter(event.getStartDate().minusWeeks(WEEKS_AHEAD));
    }

    public boolean isEligible() {
        return eligible(residenceStatus);
    }

    /** The day the post-trip report is due. */
    public LocalDate reportDue() {
        return returnDate.plusDays(REPORT_DUE_DAYS);
    }

    public boolean isReportOverdue(LocalDate today) {
        return status == TravelStatus.PAID && today.isAfter(reportDue());
    }

    /**
     * A certifying officer who did not ask approves. Beyond the programme's remaining budget or the fund's available
     * balance it is refused unless the approver records why.
     */
    public void approve(String by, Instant at, String override, Money programmeRemaining, Money available) {
        requireStatus(TravelStatus.REQUESTED);
        if (by.equals(requestedBy)) {
            throw new BusinessException("travel.approve.ownRequest");
        }
        String why = blankToNull(override);
        Money cost = Money.of(costedUsd, AcceptedCurrency.USD);
        if (why == null && programmeRemaining != null && cost.isGreaterThan(programmeRemaining)) {
            throw new BusinessException("overrideReason", "travel.approve.overBudget", cost.toString(),
                    programmeRemaining.toString());
        }
        if (why == null && cost.isGreaterThan(available)) {
            throw new BusinessException("overrideReason", "travel.approve.overBalance", cost.toString(),
                    available.toString());
        }
        if (why != null) {
            TextLimits.requireAtMost("overrideReason", why, MAX_REASON);
        }
        this.overrideReason = why;
        this.approvedBy = by;
        this.approvedAt = at;
        this.status = TravelStatus.APPROVED;
    }

    public void reject(String by, Instant at, String reason) {
        requireStatus(TravelStatus.REQUESTED);
        if (by.equals(requestedBy)) {
            throw new BusinessException("travel.approve.ownRequest");
        }
        close(TravelStatus.REJECTED, by, at, reason);
    }

    /** The obligation: the costing in US dollars at the operational rate of its date. */
    public void obligate(LocalDate date, ExchangeRate fx, String by) {
        requireStatus(TravelStatus.APPROVED);
        if (date == null) {
            throw new BusinessException("obligationDate", "travel.obligationDate.required");
        }
        this.obligationDate = date;
        this.obligatedUsd = usdAt(fx);
        this.obligatedBy = by;
        this.status = TravelStatus.OBLIGATED;
    }

    /** Paid: by someone other than the approver, once obligated; at the operational rate of the payment date. */
    public void pay(LocalDate date, String reference, ExchangeRate fx, String by) {
        if (status == TravelStatus.REQUESTED || status == TravelStatus.APPROVED) {
            throw new BusinessException(status == TravelStatus.REQUESTED ? "travel.pay.notApproved"
                    : "travel.pay.notObligated");
        }
        requireStatus(TravelStatus.OBLIGATED);
        FieldErrors errors = new FieldErrors();
        if (date == null) {
            errors.add("paymentDate", "travel.paymentDate.required");
        } else if (date.isBefore(obligationDate)) {
            errors.add("paymentDate", "travel.paymentDate.beforeObligation", obligationDate.toString());
        }
        if (reference == null || reference.isBlank()) {
            errors.add("paymentReference", "travel.paymentReference.required");
        } else if (reference.strip().length() > MAX_REFERENCE) {
            errors.add("paymentReference", "text.tooLong", MAX_REFERENCE);
        }
        errors.throwIfAny();
        if (by.equals(approvedBy)) {
            throw new BusinessException("travel.pay.approver");
        }
        this.paymentDate = date;
        this.paymentReference = reference.strip();
        this.paidUnitsPerUsd = fx == null ? BigDecimal.ONE.setScale(6) : fx.getUnitsPerUsd();
        this.paidUsd = usdAt(fx);
        this.paidBy = by;
        this.status = TravelStatus.PAID;
    }

    public void reportReceived(LocalDate on, LocalDate today, String by) {
        requireStatus(TravelStatus.PAID);
        if (on == null) {
            throw new BusinessException("reportDate", "travel.reportDate.required");
        }
        if (on.isBefore(returnDate)) {
            throw new BusinessException("reportDate", "travel.report.beforeReturn", returnDate.toString());
        }
        if (on.isAfter(today)) {
            throw new BusinessException("reportDate", "date.future");
        }
        this.reportReceivedOn = on;
        this.reportRecordedBy = by;
        this.status = TravelStatus.REPORTED;
    }

    /**
     * Cancelled with a reason; returns the status it had, so the service knows what to undo (an obligation is
     * released, a payment reversed: never deleted).
     */
    public TravelStatus cancel(String by, Instant at, String reason) {
        requireStatus(TravelStatus.REQUESTED, TravelStatus.APPROVED, TravelStatus.OBLIGATED, TravelStatus.PAID);
        TravelStatus before = status;
        close(TravelStatus.CANCELLED, by, at, reason);
        return before;
    }

    private void close(TravelStatus to, String by, Instant at, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessException("reason", "reason.required");
        }
        TextLimits.requireAtMost("reason", reason.strip(), MAX_REASON);
        this.closedReason = reason.strip();
        this.closedBy = by;
        this.closedAt = at;
        this.status = to;
    }

    private void requireStatus(TravelStatus... allowed) {
        for (TravelStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new BusinessException("travel.wrongStatus", status);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Long getId() { return id; }
    public Traveller getTraveller() { return traveller; }
    public Programme getProgramme() { return programme; }
    public TravelEvent getEvent() { return event; }
    public Fund getFund() { return fund; }
    public String getItinerary() { return itinerary; }
    public TravelAsk getAsks() { return asks; }
    public LocalDate getRequestedOn() { return requestedOn; }
    public LocalDate getDepartureDate() { return departureDate; }
    public LocalDate getReturnDate() { return returnDate; }
    public String getCurrency() { return currency; }
    public BigDecimal getTicketAmount() { return ticketAmount; }
    public BigDecimal getOtherAmount() { return otherAmount; }
    public String getOtherDescription() { return otherDescription; }
    public String getDsaCity() { return dsaCity; }
    public DsaRate getDsaRate() { return dsaRate; }
    public BigDecimal getDsaRateUsd() { return dsaRateUsd; }
    public String getDsaRateReason() { return dsaRateReason; }
    public int getDsaDays() { return dsaDays; }
    public String getDsaDaysReason() { return dsaDaysReason; }
    public BigDecimal getTerminalUsd() { return terminalUsd; }
    public ExchangeRate getRate() { return rate; }
    public BigDecimal getUnitsPerUsd() { return unitsPerUsd; }
    public String getStaleRateReason() { return staleRateReason; }
    public BigDecimal getCostedUsd() { return costedUsd; }
    public DevelopmentStatus getResidenceStatus() { return residenceStatus; }
    public String getEligibilityReason() { return eligibilityReason; }
    public TravelStatus getStatus() { return status; }
    public Instant getRequestedAt() { return requestedAt; }
    public String getRequestedBy() { return requestedBy; }
    public Instant getApprovedAt() { return approvedAt; }
    public String getApprovedBy() { return approvedBy; }
    public String getOverrideReason() { return overrideReason; }
    public LocalDate getObligationDate() { return obligationDate; }
    public BigDecimal getObligatedUsd() { return obligatedUsd; }
    public String getObligatedBy() { return obligatedBy; }
    public LocalDate getPaymentDate() { return paymentDate; }
    public String getPaymentReference() { return paymentReference; }
    public BigDecimal getPaidUnitsPerUsd() { return paidUnitsPerUsd; }
    public BigDecimal getPaidUsd() { return paidUsd; }
    public String getPaidBy() { return paidBy; }
    public LocalDate getReportReceivedOn() { return reportReceivedOn; }
    public String getReportRecordedBy() { return reportRecordedBy; }
    public Instant getClosedAt() { return closedAt; }
    public String getClosedBy() { return closedBy; }
    public String getClosedReason() { return closedReason; }
    public long getVersion() { return version; }
}
