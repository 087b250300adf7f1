package org.trustfund.ledger;

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
import org.trustfund.money.Money;

/**
 * One debit or credit of a journal, in US dollars. It may also carry the amount in the transaction's own
 * currency and the pledge whose receivable it moves, so receivables can be followed pledge by pledge in
 * the currency the donor owes.
 */
@Entity
@Table(name = "journal_line")
public class JournalLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "journal_id", nullable = false, updatable = false)
    private Journal journal;

    @Enumerated(EnumType.STRING)
    @Column(name = "account", nullable = false, updatable = false, length = 40)
    private Account account;

    @Column(name = "debit", nullable = false, updatable = false, precision = 19, scale = 2)
    private BigDecimal debit;

    @Column(name = "credit", nullable = false, updatable = false, precision = 19, scale = 2)
    private BigDecimal credit;

    @Column(name = "currency", updatable = false, length = 3)
    private String currency;

    @Column(name = "currency_amount", updatable = false, precision = 19, scale = 4)
    private BigDecimal currencyAmount;

    @Column(name = "pledge_id", updatable = false)
    private Long pledgeId;

    @Version
    private long version;

    protected JournalLine() {
    }

    JournalLine(Journal journal, Account account, BigDecimal debit, BigDecimal credit, Money original, Long pledgeId) {
        this.journal = journal;
        this.account = account;
        this.debit = debit;
        this.credit = credit;
        this.currency = original == null ? null : original.currencyCode();
        this.currencyAmount = original == null ? null : original.amount();
        this.pledgeId = pledgeId;
    }

    public Long getId() {
        return id;
    }

    public Journal getJournal() {
        return journal;
    }

    public Account getAccount() {
        return account;
    }

    public BigDecimal getDebit() {
        return debit;
    }

    public BigDecimal getCredit() {
        return credit;
    }

    /** Debit minus credit. */
    public BigDecimal net() {
        return debit.subtract(credit);
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getCurrencyAmount() {
        return currencyAmount;
    }

    public Long getPledgeId() {
        return pledgeId;
    }
}
