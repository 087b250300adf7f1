package org.trustfund.intermediary;

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
import java.time.LocalDate;
import org.trustfund.donor.Donor;

/**
 * One original gift a transfer passes on. Its amount is in the transfer's currency; its US dollar value is the
 * gift's share of the transfer's gross in dollars (shares add up to the cent). It is soft credit: what the giver
 * is recognized for, never counted in the fund's income, which is the transfer's net.
 */
@Entity
@Table(name = "transfer_gift")
public class TransferGift {

    public static final int MAX_NAME = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "transfer_id", nullable = false, updatable = false)
    private IntermediaryTransfer transfer;

    @Column(name = "seq", nullable = false)
    private int seq;

    @Column(name = "giver_name", length = MAX_NAME)
    private String giverName;

    @Enumerated(EnumType.STRING)
    @Column(name = "giver_kind", nullable = false, length = 20)
    private GiverKind giverKind;

    @Column(name = "anonymous", nullable = false)
    private boolean anonymous;

    @Column(name = "publicly_named", nullable = false)
    private boolean publiclyNamed;

    @ManyToOne
    @JoinColumn(name = "giver_donor_id")
    private Donor giverDonor;

    @Column(name = "amount", nullable = false, precision = 19, scale = 4)
    private BigDecimal amount;

    @Column(name = "usd_amount", precision = 19, scale = 2)
    private BigDecimal usdAmount;

    @Column(name = "given_date")
    private LocalDate givenDate;

    @Column(name = "import_batch_id", updatable = false)
    private Long importBatchId;

    @Version
    private long version;

    protected TransferGift() {
    }

    /** Built by {@link IntermediaryTransfer} once the input has been checked. */
    TransferGift(IntermediaryTransfer transfer, int seq, GiftInput in, Donor giverDonor, Long importBatchId) {
        this.transfer = transfer;
        this.seq = seq;
        this.anonymous = in.anonymous();
        this.giverName = in.anonymous() ? null : in.giverName().trim();
        this.publiclyNamed = !in.anonymous() && in.publiclyNamed();
        this.giverKind = in.giverKind();
        this.giverDonor = giverDonor;
        this.amount = in.amount();
        this.givenDate = in.givenDate();
        this.importBatchId = importBatchId;
    }

    void valueInUsd(BigDecimal usd) {
        this.usdAmount = usd;
    }

    /** The name the fund may publish: null for an anonymous giver or one who did not agree to be named. */
    public String publicName() {
        return publiclyNamed ? giverName : null;
    }

    public Long getId() {
        return id;
    }

    public IntermediaryTransfer getTransfer() {
        return transfer;
    }

    public int getSeq() {
        return seq;
    }

    public String getGiverName() {
        return giverName;
    }

    public GiverKind getGiverKind() {
        return giverKind;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    public boolean isPubliclyNamed() {
        return publiclyNamed;
    }

    public Donor getGiverDonor() {
        return giverDonor;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public BigDecimal getUsdAmount() {
        return usdAmount;
    }

    public LocalDate getGivenDate() {
        return givenDate;
    }

    public Long getImportBatchId() {
        return importBatchId;
    }

    public long getVersion() {
        return version;
    }
}
