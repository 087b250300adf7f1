package org.trustfund.intermediary;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.trustfund.donor.Donor;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.FieldErrors;
import org.trustfund.receipt.Certification;
import org.trustfund.receipt.Receipt;
import org.trustfund.receipt.ReceiptKind;
import org.trustfund.receipt.ReceiptStatus;
import org.trustfund.reference.AcceptedCurrency;
import org.trustfund.reference.ExchangeRate;
import org.trustfund.reference.Fund;
import org.trustfund.reference.StaleRateException;

/**
 * A batch of gifts an intermediary passes on: the gross it collected, the fees it kept, the net the fund received
 * (in one currency) and the gifts themselves. The fund's income is the net (the fund never controlled the fees);
 * the gross and fees are disclosed. It is certified only when it reconciles — gross − fees = net and the gifts add
 * up to the gross — and until then its gifts are pending, not income.
 */
@Entity
@Table(name = "intermediary_transfer")
public class IntermediaryTransfer implements Receipt {

    public static final String SOURCE_TYPE = "Transfer";
    public static final int MAX_REFERENCE = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "intermediary_id", nullable = false)
    private Intermediary intermediary;

    /** The intermediary's donor, the contributor of record (kept on the row for journals, approvals, reports). */
    @ManyToOne(optional = false)
    @JoinColumn(name = "donor_id", nullable = false)
    private Donor donor;

    @ManyToOne(optional = false)
    @JoinColumn(name = "fund_id", nullable = false)
    private Fund fund;

    @Column(name = "statement_reference", length = MAX_REFERENCE)
    private String statementReference;

    @Column(name = "received_date")
    private LocalDate receivedDate;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "gross", nullable = false, precision = 19, scale = 4)
    private BigDecimal gross;

    @Column(name = "fees", nullable = false, precision = 19, scale = 4)
    private BigDecimal fees;

    @Column(name = "net", precision = 19, scale = 4)
    private BigDecimal net;

    @Column(name = "bank_reference", length = MAX_REFERENCE)
    private String bankReference;

    @ManyToOne
    @JoinColumn(name = "rate_id")
    private ExchangeRate rate;

    @Column(name = "stale_rate_reason", length = 500)
    private String staleRateReason;

    @Column(name = "units_per_usd", precision = 19, scale = 6)
    private BigDecimal unitsPerUsd;

    @Column(name = "usd_gross", precision = 19, scale = 2)
    private BigDecimal usdGross;

    @Column(name = "usd_fees", precision = 19, scale = 2)
    private BigDecimal usdFees;

    @Column(name = "usd_net", precision = 19, scale = 2)
    private BigDecimal usdNet;

    @Embedded
    private Certification certification;

    @ManyToOne
    @JoinColumn(name = "replaces_id", updatable = false)
    private IntermediaryTransfer replaces;

    @OneToMany(mappedBy = "transfer", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seq")
    private List<TransferGift> gifts = new ArrayList<>();

    @Version
    private long version;

    protected IntermediaryTransfer() {
    }

    /**
     * @param rate the operational rate in force on the received date; null for US dollars or before the money arrived
     * @param giverDonors the donors named by the gifts' {@code giverDonorId}, by id
     */
    public IntermediaryTransfer(Intermediary intermediary, Fund fund, TransferInput input, ExchangeRate rate,
            Map<Long, Donor> giverDonors, IntermediaryTransfer replaces, Instant at, String by) {
        this.replaces = replaces;
        this.certification = Certification.recorded(by, at);
        describe(intermediary, fund, input, rate, giverDonors);
    }

    /** The officer corrects it before certification; it goes back to the certifier. */
    public void correct(Intermediary newIntermediary, Fund newFund, TransferInput input, ExchangeRate newRate,
            Map<Long, Donor> giverDonors) {
        certification.requireChangeable();
        describe(newIntermediary, newFund, input, newRate, giverDonors);
        certification.corrected();
    }

    /** Every field's problem at once; each gift's problem names its row. */
    public static void check(TransferInput in) {
        FieldErrors errors = new FieldErrors();
        if (in.currency() == null || in.currency().isBlank()) {
            errors.add("currency", "currency.required");
        }
        if (in.gross() == null) {
            errors.add("gross", "amount.required");
        } else if (in.gross().signum() <= 0) {
            errors.add("gross", "amount.notPositive");
        }
        if (in.fees() == null) {
            errors.add("fees", "amount.required");
        } else if (in.fees().signum() < 0) {
            errors.add("fees", "transfer.fees.negative");
        } else if (in.gross() != null && in.fees().compareTo(in.gross()) > 0) {
            errors.add("fees", "transfer.fees.aboveGross");
        }
        if (in.net() != null && in.net().signum() <= 0) {
            errors.add("net", "amount.notPositive");
        }
        if (in.bankReference() != null && in.bankReference().trim().length() > MAX_REFERENCE) {
            errors.add("bankReference", "text.tooLong", MAX_REFERENCE);
        }
        if (in.statementReference() != null && in.statementReference().trim().length() > MAX_REFERENCE) {
            errors.add("statementReference", "text.tooLong", MAX_REFERENCE);
        }
        if (in.gifts() != null) {
            for (int i = 0; i < in.gifts().size(); i++) {
                checkGift(errors, in.gifts().get(i), i + 1, in.receivedDate());
            }
        }
        errors.throwIfAny();
    }

    /** One gift's rules; {@code row} is its number as the officer sees it (the line, or the statement's row). */
    static void checkGift(FieldErrors errors, GiftInput g, int row, LocalDate receivedDate) {
        if (g == null) {
            errors.add("gifts", "transfer.gift.empty", row);
            return;
        }
        boolean named = g.giverName() != null && !g.giverName().isBlank();
        if (g.anonymous() && named) {
            errors.add("gifts", "transfer.gift.anonymousNamed", row);
        } else if (!g.anonymous() && !named) {
            errors.add("gifts", "transfer.gift.nameRequired", row);
        } else if (named && g.giverName().trim().length() > TransferGift.MAX_NAME) {
            errors.add("gifts", "transfer.gift.nameTooLong", row, TransferGift.MAX_NAME);
        }
        if (g.giverKind() == null) {
            errors.add("gifts", "transfer.gift.kindRequired", row);
        }
        if (g.amount() == null) {
            errors.add("gifts", "transfer.gift.amountRequired", row);
        } else if (g.amount().signum() <= 0) {
            errors.add("gifts", "transfer.gift.amountNotPositive", row);
        } else if (g.amount().scale() > 4) {
            errors.add("gifts", "transfer.gift.amountDecimals", row);
        }
        if (g.givenDate() != null && receivedDate != null && g.givenDate().isAfter(receivedDate)) {
            errors.add("gifts", "transfer.gift.afterReceived", row);
        }
    }

    private void describe(Intermediary newIntermediary, Fund newFund, TransferInput in, ExchangeRate newRate,
            Map<Long, Donor> giverDonors) {
        check(in);
        String code = in.currency().trim().toUpperCase();
        boolean convertible = in.receivedDate() != null && !AcceptedCurrency.USD.equals(code);
        if (convertible != (newRate != null) || (newRate != null && !newRate.getCurrency().equals(code))) {
            throw new IllegalArgumentException("Rate " + newRate + " does not convert " + code + " on " + in.receivedDate());
        }
        this.intermediary = Objects.requireNonNull(newIntermediary, "intermediary");
        this.donor = newIntermediary.getDonor();
        this.fund = Objects.requireNonNull(newFund, "fund");
        this.currency = code;
        this.gross = in.gross();
        this.fees = in.fees();
        this.net = in.net();
        this.receivedDate = in.receivedDate();
        this.bankReference = blankToNull(in.bankReference());
        this.statementReference = blankToNull(in.statementReference());
        this.rate = newRate;
        explainRate(in.staleRateReason());
        if (in.gifts() != null) {
            gifts.clear();
            for (GiftInput g : in.gifts()) {
                gifts.add(new TransferGift(this, gifts.size() + 1, g, giverDonor(g, giverDonors), null));
            }
        }
        valueInUsd();
    }

    /** Adds gifts read from the intermediary's statement after those already recorded. */
    public void addGifts(List<GiftInput> added, Long importBatchId, Map<Long, Donor> giverDonors) {
        certification.requireChangeable();
        FieldErrors errors = new FieldErrors();
        for (int i = 0; i < added.size(); i++) {
            checkGift(errors, added.get(i), i + 1, receivedDate);
        }
        errors.throwIfAny();
        int next = gifts.stream().mapToInt(TransferGift::getSeq).max().orElse(0);
        for (GiftInput g : added) {
            gifts.add(new TransferGift(this, ++next, g, giverDonor(g, giverDonors), importBatchId));
        }
        valueInUsd();
        certification.corrected();
    }

    private static Donor giverDonor(GiftInput g, Map<Long, Donor> giverDonors) {
        return g.giverDonorId() == null ? null : Objects.requireNonNull(giverDonors.get(g.giverDonorId()), "giver donor");
    }

    private void explainRate(String reason) {
        boolean stale = rate != null && rate.isStaleOn(receivedDate);
        if (stale && (reason == null || reason.isBlank())) {
            throw new StaleRateException("receivedDate", rate, receivedDate);
        }
        if (stale && reason.trim().length() > 500) {
            throw new BusinessException("staleRateReason", "rate.staleReason.tooLong", 500);
        }
        this.staleRateReason = stale ? reason.trim() : null;
    }

    /**
     * Dollars at the received date's rate: gross and net converted, fees the difference (so net + fees = gross to
     * the cent in the disclosure), each gift its share of the gross. Nothing in dollars before the money arrived.
     */
    private void valueInUsd() {
        if (receivedDate == null) {
            unitsPerUsd = null;
            usdGross = usdFees = usdNet = null;
            gifts.forEach(g -> g.valueInUsd(null));
            return;
        }
        unitsPerUsd = rate == null ? BigDecimal.ONE.setScale(6) : rate.getUnitsPerUsd();
        Money usdGrossMoney = toUsd(gross);
        usdGross = usdGrossMoney.amount();
        usdNet = net == null ? null : toUsd(net).amount();
        usdFees = usdNet == null ? toUsd(fees).amount() : usdGross.subtract(usdNet);
        if (!gifts.isEmpty()) {
            List<Money> shares = usdGrossMoney.allocate(gifts.stream().map(TransferGift::getAmount).toList());
            for (int i = 0; i < gifts.size(); i++) {
                gifts.get(i).valueInUsd(shares.get(i).amount());
            }
        }
    }

    private Money toUsd(BigDecimal amount) {
        Money money = Money.of(amount, currency);
        return rate == null ? Money.of(amount.setScale(2, ExchangeRate.USD_ROUNDING), AcceptedCurrency.USD) : rate.toUsd(money);
    }

    public Reconciliation reconciliation() {
        Money g = Money.of(gross, currency);
        Money f = Money.of(fees, currency);
        Money n = net == null ? null : Money.of(net, currency);
        Money sum = gifts.stream().map(x -> Money.of(x.getAmount(), currency)).reduce(Money.zero(currency), Money::plus);
        return new Reconciliation(g, f, n, sum, n == null ? null : g.minus(f).minus(n), sum.minus(g));
    }

    /** Certified by a second person, only once the money arrived and everything adds up. */
    public void certify(String by, Instant at) {
        if (receivedDate == null || net == null || bankReference == null) {
            throw new BusinessException("transfer.certify.notReceived");
        }
        Reconciliation r = reconciliation();
        if (!r.reconciles()) {
            // No field: the difference is the whole transfer's; the arguments are text, so the field is said.
            throw new BusinessException((String) null, "transfer.certify.notReconciled", r.feesDifference().toString(),
                    r.giftsDifference().toString());
        }
        certification.certify(by, at);
    }

    public void sendBack(String by, String reason) {
        certification.sendBack(by, reason);
    }

    public void requireReversible() {
        certification.requireReversible();
    }

    public void reverse(String by, String reason, Instant at) {
        certification.reverse(by, reason, at);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public ReceiptKind receiptKind() {
        return ReceiptKind.TRANSFER;
    }

    @Override
    public LocalDate receiptDate() {
        return receivedDate;
    }

    @Override
    public Money usdValue() {
        return usdNet == null ? null : Money.of(usdNet, AcceptedCurrency.USD);
    }

    @Override
    public boolean isCertified() {
        return certification.isCertified();
    }

    /** Reported by the intermediary but not income yet: not certified (or not even received). */
    public boolean isPending() {
        ReceiptStatus s = certification.getStatus();
        return s == ReceiptStatus.RECORDED || s == ReceiptStatus.RETURNED;
    }

    public Money grossMoney() {
        return Money.of(gross, currency);
    }

    public Money feesMoney() {
        return Money.of(fees, currency);
    }

    public Money netMoney() {
        return net == null ? null : Money.of(net, currency);
    }

    @Override
    public Long getId() {
        return id;
    }

    public Intermediary getIntermediary() {
        return intermediary;
    }

    @Override
    public Donor getDonor() {
        return donor;
    }

    @Override
    public Fund getFund() {
        return fund;
    }

    public String getStatementReference() {
        return statementReference;
    }

    public LocalDate getReceivedDate() {
        return receivedDate;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getGross() {
        return gross;
    }

    public BigDecimal getFees() {
        return fees;
    }

    public BigDecimal getNet() {
        return net;
    }

    public String getBankReference() {
        return bankReference;
    }

    public ExchangeRate getRate() {
        return rate;
    }

    public String getStaleRateReason() {
        return staleRateReason;
    }

    public BigDecimal getUnitsPerUsd() {
        return unitsPerUsd;
    }

    public BigDecimal getUsdGross() {
        return usdGross;
    }

    public BigDecimal getUsdFees() {
        return usdFees;
    }

    public BigDecimal getUsdNet() {
        return usdNet;
    }

    public Certification getCertification() {
        return certification;
    }

    public ReceiptStatus getStatus() {
        return certification.getStatus();
    }

    public IntermediaryTransfer getReplaces() {
        return replaces;
    }

    public List<TransferGift> getGifts() {
        List<TransferGift> inOrder = new ArrayList<>(gifts);
        inOrder.sort(Comparator.comparingInt(TransferGift::getSeq));
        return Collections.unmodifiableList(inOrder);
    }

    public long getVersion() {
        return version;
    }
}
