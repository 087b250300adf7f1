package org.trustfund.ledger;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.trustfund.money.Money;

/**
 * One financial event in the ledger: a set of debit and credit lines in US dollars that balance. Built
 * with {@link #builder}, which refuses an unbalanced or empty journal; never changed afterwards (the
 * tables' triggers refuse updates and deletes). A correction is {@link #reversal}: the same lines with
 * debits and credits swapped, pointing back at the journal it reverses.
 */
@Entity
@Table(name = "journal")
@NamedQuery(name = "Journal.findBySource", query = "SELECT j FROM Journal j WHERE j.sourceType = :type"
        + " AND j.sourceId = :id ORDER BY j.id")
public class Journal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "fund_id", nullable = false, updatable = false)
    private Long fundId;

    @Column(name = "donor_id", updatable = false)
    private Long donorId;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false, updatable = false, length = 40)
    private JournalEvent eventType;

    @Column(name = "event_date", nullable = false, updatable = false)
    private LocalDate eventDate;

    @Column(name = "posted_at", nullable = false, updatable = false)
    private Instant postedAt;

    @Column(name = "posted_by", nullable = false, updatable = false, length = 100)
    private String postedBy;

    @Column(name = "source_type", nullable = false, updatable = false, length = 40)
    private String sourceType;

    @Column(name = "source_id", nullable = false, updatable = false)
    private Long sourceId;

    @Column(name = "description", nullable = false, updatable = false, length = 500)
    private String description;

    @Column(name = "reverses_journal_id", updatable = false)
    private Long reversesJournalId;

    @OneToMany(mappedBy = "journal", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<JournalLine> lines = new ArrayList<>();

    @Version
    private long version;

    protected Journal() {
    }

    public static Builder builder(JournalEvent event, long fundId, Long donorId, LocalDate eventDate, String sourceType,
            long sourceId, String description) {
        Journal j = new Journal();
        j.eventType = Objects.requireNonNull(event);
        j.fundId = fundId;
        j.donorId = donorId;
        j.eventDate = Objects.requireNonNull(eventDate);
        j.sourceType = Objects.requireNonNull(sourceType);
        j.sourceId = sourceId;
        j.description = description.length() > 500 ? description.substring(0, 500) : description;
        return new Builder(j);
    }

    /** A journal that undoes this one line by line, for a correction. */
    public Builder reversal(JournalEvent event, LocalDate eventDate, String description) {
        Builder b = builder(event, fundId, donorId, eventDate, sourceType, sourceId, description);
        b.journal.reversesJournalId = id;
        for (JournalLine line : lines) {
            Money original = line.getCurrency() == null ? null
                    : Money.of(line.getCurrencyAmount(), line.getCurrency()).negate();
            b.add(line.getAccount(), line.getCredit(), line.getDebit(), original, line.getPledgeId());
        }
        return b;
    }

    /** Collects lines and refuses to build a journal that does not balance. */
    public static final class Builder {
        private final Journal journal;

        private Builder(Journal journal) {
            this.journal = journal;
        }

        public Builder debit(Account account, Money usd) {
            return debit(account, usd, null, null);
        }

        public Builder credit(Account account, Money usd) {
            return credit(account, usd, null, null);
        }

        /**
         * A debit of {@code usd} (a negative amount is a credit of its absolute value). {@code original} is the
         * same movement in the transaction's currency; lines store it signed as debit minus credit, so its sum
         * over a pledge's receivable lines is what the donor still owes in their currency.
         */
        public Builder debit(Account account, Money usd, Money original, Long pledgeId) {
            requireUsd(usd);
            return usd.isNegative() ? add(account, BigDecimal.ZERO, usd.negate().amount(), original, pledgeId)
                    : add(account, usd.amount(), BigDecimal.ZERO, original, pledgeId);
        }

        /** A credit of {@code usd} (a negative amount is a debit); see {@link #debit(Account, Money, Money, Long)}. */
        public Builder credit(Account account, Money usd, Money original, Long pledgeId) {
            requireUsd(usd);
            Money signed = original == null ? null : original.negate();
            return usd.isNegative() ? add(account, usd.negate().amount(), BigDecimal.ZERO, signed, pledgeId)
                    : add(account, BigDecimal.ZERO, usd.amount(), signed, pledgeId);
        }

        private Builder add(Account account, BigDecimal debit, BigDecimal credit, Money original, Long pledgeId) {
            if (debit.signum() == 0 && credit.signum() == 0 && (original == null || original.isZero())) {
                return this;
            }
            journal.lines.add(new JournalLine(journal, Objects.requireNonNull(account), debit, credit, original, pledgeId));
            return this;
        }

        private static void requireUsd(Money usd) {
            if (!"USD".equals(usd.currencyCode())) {
                throw new IllegalArgumentException("The ledger is kept in US dollars, not " + usd.currencyCode());
            }
        }

        /** @return true if there is nothing to post (every line was zero) */
        public boolean isEmpty() {
            return journal.lines.isEmpty();
        }

        /**
         * @throws UnbalancedJournalException if debits and credits differ
         */
        public Journal build(Instant postedAt, String postedBy) {
            journal.postedAt = Objects.requireNonNull(postedAt);
            journal.postedBy = Objects.requireNonNull(postedBy);
            if (journal.lines.isEmpty()) {
                throw new IllegalStateException("A journal needs at least one line");
            }
            BigDecimal debits = journal.totalDebits();
            BigDecimal credits = journal.totalCredits();
            if (debits.compareTo(credits) != 0) {
                throw new UnbalancedJournalException(journal.description, debits, credits);
            }
            return journal;
        }
    }

    public BigDecimal totalDebits() {
        return lines.stream().map(JournalLine::getDebit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal totalCredits() {
        return lines.stream().map(JournalLine::getCredit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public Long getId() {
        return id;
    }

    public Long getFundId() {
        return fundId;
    }

    public Long getDonorId() {
        return donorId;
    }

    public JournalEvent getEventType() {
        return eventType;
    }

    public LocalDate getEventDate() {
        return eventDate;
    }

    public Instant getPostedAt() {
        return postedAt;
    }

    public String getPostedBy() {
        return postedBy;
    }

    public String getSourceType() {
        return sourceType;
    }

    public Long getSourceId() {
        return sourceId;
    }

    public String getDescription() {
        return description;
    }

    public Long getReversesJournalId() {
        return reversesJournalId;
    }

    public List<JournalLine> getLines() {
        return Collections.unmodifiableList(lines);
    }
}
