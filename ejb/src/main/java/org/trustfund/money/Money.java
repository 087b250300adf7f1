package org.trustfund.money;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * An immutable amount of money in one ISO 4217 currency.
 *
 * <p>The amount always carries exactly the currency's minor units (2 for USD and EUR, 0 for JPY, 3 for
 * KWD), as {@link CurrencyUnits} says from the currency table. Addition and subtraction are exact and refuse to mix currencies. Anything that can produce more
 * digits than the currency has (multiplying by a rate, dividing, converting) takes the rounding mode as an
 * argument, so every rounding in the system is visible where it happens.
 */
@Embeddable
@Access(AccessType.FIELD)
public class Money implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "amount", nullable = false, precision = 19, scale = 4)
    private BigDecimal amount;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    /** For JPA only. */
    protected Money() {
    }

    private Money(BigDecimal amount, Currency currency) {
        this.amount = amount;
        this.currency = currency.getCurrencyCode();
    }

    /**
     * Money with exactly this amount.
     *
     * @throws IllegalArgumentException if the amount has more decimal places than the currency allows
     *         (use {@link #rounded(BigDecimal, Currency, RoundingMode)} to round on purpose)
     */
    public static Money of(BigDecimal amount, Currency currency) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int digits = minorUnits(currency);
        try {
            return new Money(amount.setScale(digits, RoundingMode.UNNECESSARY), currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(currency.getCurrencyCode() + " amounts have at most " + digits
                    + " decimal places: " + amount.toPlainString(), e);
        }
    }

    public static Money of(String amount, String currencyCode) {
        return of(new BigDecimal(amount), currency(currencyCode));
    }

    public static Money of(BigDecimal amount, String currencyCode) {
        return of(amount, currency(currencyCode));
    }

    /** Money rounded to the currency's minor units with the given mode. */
    public static Money rounded(BigDecimal amount, Currency currency, RoundingMode mode) {
        Objects.requireNonNull(mode, "rounding mode");
        return new Money(amount.setScale(minorUnits(currency), mode), currency);
    }

    public static Money zero(Currency currency) {
        return of(BigDecimal.ZERO, currency);
    }

    public static Money zero(String currencyCode) {
        return zero(currency(currencyCode));
    }

    /**
     * The ISO 4217 currency for a code.
     *
     * @throws IllegalArgumentException naming the code if it is not an ISO 4217 currency
     */
    public static Currency currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("Not an ISO 4217 currency code: " + code);
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an ISO 4217 currency code: " + code, e);
        }
    }

    private static int minorUnits(Currency currency) {
        return CurrencyUnits.of(currency);
    }

    public BigDecimal amount() {
        // The column holds 4 places so every currency fits; give back the currency's own scale.
        return amount.setScale(minorUnits(currency()), RoundingMode.UNNECESSARY);
    }

    public Currency currency() {
        return Currency.getInstance(currency);
    }

    public String currencyCode() {
        return currency;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount().add(other.amount()), currency());
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount().subtract(other.amount()), currency());
    }

    public Money negate() {
        return new Money(amount().negate(), currency());
    }

    public Money abs() {
        return isNegative() ? negate() : this;
    }

    /** This amount times a factor (a rate, a percentage), rounded to the currency's minor units. */
    public Money times(BigDecimal factor, RoundingMode mode) {
        Objects.requireNonNull(factor, "factor");
        return rounded(amount().multiply(factor), currency(), mode);
    }

    /** This amount divided by a divisor, rounded once, exactly, to the currency's minor units. */
    public Money dividedBy(BigDecimal divisor, RoundingMode mode) {
        Objects.requireNonNull(divisor, "divisor");
        Objects.requireNonNull(mode, "rounding mode");
        Currency cur = currency();
        return new Money(amount().divide(divisor, minorUnits(cur), mode), cur);
    }

    /**
     * This amount in another currency, given how many units of this currency make one unit of the target
     * (UN operational rates are stated so: units of a currency per US dollar). Rounded once, exactly, to
     * the target's minor units.
     */
    public Money convertedTo(Currency target, BigDecimal unitsPerTarget, RoundingMode mode) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(unitsPerTarget, "unitsPerTarget");
        Objects.requireNonNull(mode, "rounding mode");
        if (unitsPerTarget.signum() <= 0) {
            throw new IllegalArgumentException("A rate must be positive: " + unitsPerTarget);
        }
        return new Money(amount().divide(unitsPerTarget, minorUnits(target), mode), target);
    }

    /**
     * Splits this amount into parts proportional to the given weights. The parts add up exactly to this
     * amount: the minor units left over by rounding down go one by one to the first parts.
     */
    public List<Money> allocate(List<BigDecimal> weights) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("Nothing to allocate to");
        }
        BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.signum() <= 0 || weights.stream().anyMatch(w -> w.signum() < 0)) {
            throw new IllegalArgumentException("Weights must be zero or positive and not all zero");
        }
        Currency cur = currency();
        BigDecimal unit = BigDecimal.ONE.movePointLeft(minorUnits(cur));
        List<Money> parts = new ArrayList<>(weights.size());
        BigDecimal allocated = BigDecimal.ZERO;
        for (BigDecimal weight : weights) {
            BigDecimal share = amount().abs().multiply(weight).divide(total, minorUnits(cur), RoundingMode.DOWN);
            parts.add(new Money(share, cur));
            allocated = allocated.add(share);
        }
        BigDecimal remainder = amount().abs().subtract(allocated);
        for (int i = 0; remainder.signum() > 0; i = (i + 1) % parts.size()) {
            if (weights.get(i).signum() > 0) {
                parts.set(i, new Money(parts.get(i).amount().add(unit), cur));
                remainder = remainder.subtract(unit);
            }
        }
        if (isNegative()) {
            parts.replaceAll(Money::negate);
        }
        return Collections.unmodifiableList(parts);
    }

    /** Splits this amount into {@code count} parts as equal as the minor unit allows. */
    public List<Money> allocate(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("Cannot split into " + count + " parts");
        }
        return allocate(Collections.nCopies(count, BigDecimal.ONE));
    }

    public int signum() {
        return amount.signum();
    }

    public boolean isZero() {
        return signum() == 0;
    }

    public boolean isPositive() {
        return signum() > 0;
    }

    public boolean isNegative() {
        return signum() < 0;
    }

    /** Compares amounts of the same currency; refuses to compare across currencies. */
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public boolean isSameCurrency(Money other) {
        return currency.equals(other.currency);
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!isSameCurrency(other)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Money other)) {
            return false;
        }
        return currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(currency, amount.stripTrailingZeros());
    }

    /** ISO code then plain amount, e.g. {@code EUR 1234.50}: unambiguous in any locale. */
    @Override
    public String toString() {
        return currency + " " + amount().toPlainString();
    }
}
