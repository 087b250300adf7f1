package org.trustfund.pledge;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import org.trustfund.money.Money;

/**
 * One due date and amount of a pledge's schedule. What has been paid on it is not kept here: it is the
 * sum of the certified contributions applied to it.
 */
@Entity
@Table(name = "instalment")
public class Instalment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "pledge_id", nullable = false, updatable = false)
    private Pledge pledge;

    @Column(name = "seq", nullable = false)
    private int seq;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "amount", column = @Column(name = "amount", nullable = false, precision = 19, scale = 4)),
            @AttributeOverride(name = "currency", column = @Column(name = "currency", nullable = false, length = 3))})
    private Money amount;

    @Version
    private long version;

    protected Instalment() {
    }

    Instalment(Pledge pledge, int seq, ScheduleLine line) {
        this.pledge = pledge;
        this.seq = seq;
        reschedule(line);
    }

    final void reschedule(ScheduleLine line) {
        this.dueDate = line.dueDate();
        this.amount = line.amount();
    }

    public Long getId() {
        return id;
    }

    public Pledge getPledge() {
        return pledge;
    }

    public int getSeq() {
        return seq;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public Money getAmount() {
        return amount;
    }

    public long getVersion() {
        return version;
    }

    /**
     * What is overdue on this instalment at {@code asOf}: its unpaid part once its due date has passed,
     * while the pledge is still open; zero otherwise.
     */
    public Money overdue(LocalDate asOf, Money paid) {
        Money open = amount.minus(paid);
        return pledge.getStatus().isOpen() && dueDate.isBefore(asOf) && open.isPositive() ? open : Money.zero(amount.currency());
    }

    ScheduleLine asLine() {
        return new ScheduleLine(dueDate, amount);
    }
}
