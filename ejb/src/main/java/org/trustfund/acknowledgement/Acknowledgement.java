package org.trustfund.acknowledgement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.trustfund.donor.Donor;
import org.trustfund.receipt.ReceiptKind;
import org.trustfund.reference.Fund;

/**
 * An acknowledgement as issued: its number in the fund's year, the date of issue (the certification's, or the
 * reversal's for a cancellation notice) and what was received, kept as it was then so that a letter downloaded years
 * later says the same. A letter whose receipt was reversed is marked cancelled and a notice names it.
 */
@Entity
@Table(name = "acknowledgement")
public class Acknowledgement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "fund_id", nullable = false, updatable = false)
    private Fund fund;

    @Column(name = "year", nullable = false, updatable = false)
    private int year;

    @Column(name = "number", nullable = false, updatable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false, length = 20)
    private AcknowledgementKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "receipt_kind", nullable = false, updatable = false, length = 20)
    private ReceiptKind receiptKind;

    @Column(name = "source_id", nullable = false, updatable = false)
    private long sourceId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "donor_id", nullable = false, updatable = false)
    private Donor donor;

    @Column(name = "issued_on", nullable = false, updatable = false)
    private LocalDate issuedOn;

    @Column(name = "received_on", updatable = false)
    private LocalDate receivedOn;

    @Column(name = "currency", updatable = false, length = 3)
    private String currency;

    @Column(name = "amount", updatable = false, precision = 19, scale = 4)
    private BigDecimal amount;

    @Column(name = "usd_amount", nullable = false, updatable = false, precision = 19, scale = 2)
    private BigDecimal usdAmount;

    @Column(name = "units_per_usd", updatable = false, precision = 19, scale = 6)
    private BigDecimal unitsPerUsd;

    @Column(name = "rate_date", updatable = false)
    private LocalDate rateDate;

    @Column(name = "description", updatable = false, length = 500)
    private String description;

    @Column(name = "valuation_basis", updatable = false, length = 30)
    private String valuationBasis;

    @Column(name = "channel", updatable = false, length = 200)
    private String channel;

    @OneToOne
    @JoinColumn(name = "cancels_id", updatable = false)
    private Acknowledgement cancels;

    @Column(name = "cancelled_on")
    private LocalDate cancelledOn;

    @Column(name = "reason", length = 500)
    private String reason;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "issued_by", nullable = false, updatable = false, length = 100)
    private String issuedBy;

    @Version
    private long version;

    protected Acknowledgement() {
    }

    /** A letter for what was received, numbered {@code number} in the year of {@code issuedOn}. */
    static Acknowledgement letter(AcknowledgedReceipt r, int number, LocalDate issuedOn, Instant at, String by) {
        Acknowledgement a = new Acknowledgement();
        a.kind = AcknowledgementKind.LETTER;
        a.fill(r, number, issuedOn, at, by);
        return a;
    }

    /** The notice cancelling {@code original}, numbered in the year of {@code issuedOn}; the original is marked. */
    static Acknowledgement cancellation(Acknowledgement original, int number, LocalDate issuedOn, String reason,
            Instant at, String by) {
        if (original.kind != AcknowledgementKind.LETTER || original.cancelledOn != null) {
            throw new IllegalStateException("acknowledgement " + original.id + " is no letter in force");
        }
        Acknowledgement a = new Acknowledgement();
        a.kind = AcknowledgementKind.CANCELLATION;
        a.fund = original.fund;
        a.year = issuedOn.getYear();
        a.number = number;
        a.receiptKind = original.receiptKind;
        a.sourceId = original.sourceId;
        a.donor = original.donor;
        a.issuedOn = issuedOn;
        a.receivedOn = original.receivedOn;
        a.currency = original.currency;
        a.amount = original.amount;
        a.usdAmount = original.usdAmount;
        a.unitsPerUsd = original.unitsPerUsd;
        a.rateDate = original.rateDate;
        a.description = original.description;
        a.valuationBasis = original.valuationBasis;
        a.channel = original.channel;
        a.cancels = original;
        a.reason = reason;
        a.issuedAt = at;
        a.issuedBy = by;
        original.cancelledOn = issuedOn;
        original.reason = reason;
        return a;
    }

    private void fill(AcknowledgedReceipt r, int number, LocalDate issuedOn, Instant at, String by) {
        this.fund = r.fund();
        this.year = issuedOn.getYear();
        this.number = number;
        this.receiptKind = r.kind();
        this.sourceId = r.sourceId();
        this.donor = r.donor();
        this.issuedOn = issuedOn;
        this.receivedOn = r.receivedOn();
        this.currency = r.currency();
        this.amount = r.amount();
        this.usdAmount = r.usd();
        this.unitsPerUsd = r.unitsPerUsd();
        this.rateDate = r.rateDate();
        this.description = r.description();
        this.valuationBasis = r.valuationBasis();
        this.channel = r.channel();
        this.issuedAt = at;
        this.issuedBy = by;
    }

    /** The number as printed: fund code, year and the number in four digits, e.g. IGF-2026-0007. */
    public String reference() {
        return fund.getCode() + "-" + year + "-" + String.format("%04d", number);
    }

    public boolean isCancelled() {
        return cancelledOn != null;
    }

    public Long getId() { return id; }
    public Fund getFund() { return fund; }
    public int getYear() { return year; }
    public int getNumber() { return number; }
    public AcknowledgementKind getKind() { return kind; }
    public ReceiptKind getReceiptKind() { return receiptKind; }
    public long getSourceId() { return sourceId; }
    public Donor getDonor() { return donor; }
    public LocalDate getIssuedOn() { return issuedOn; }
    public LocalDate getReceivedOn() { return receivedOn; }
    public String getCurrency() { return currency; }
    public BigDecimal getAmount() { return amount; }
    public BigDecimal getUsdAmount() { return usdAmount; }
    public BigDecimal getUnitsPerUsd() { return unitsPerUsd; }
    public LocalDate getRateDate() { return rateDate; }
    public String getDescription() { return description; }
    public String getValuationBasis() { return valuationBasis; }
    public String getChannel() { return channel; }
    public Acknowledgement getCancels() { return cancels; }
    public LocalDate getCancelledOn() { return cancelledOn; }
    public String getReason() { return reason; }
    public Instant getIssuedAt() { return issuedAt; }
    public String getIssuedBy() { return issuedBy; }
    public long getVersion() { return version; }
}
