package org.trustfund.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.Optional;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;

/** Finds the operational rate in force on a date and converts to US dollars with it. */
@ApplicationScoped
public class ExchangeRates {

    @PersistenceContext
    private EntityManager em;

    protected ExchangeRates() {
    }

    /** For tests outside the container. */
    public ExchangeRates(EntityManager em) {
        this.em = em;
    }

    /** The latest rate of the currency effective on or before the date. */
    public Optional<ExchangeRate> inForce(String currency, LocalDate date) {
        return em.createNamedQuery("ExchangeRate.inForce", ExchangeRate.class)
                .setParameter("currency", currency)
                .setParameter("date", date)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /**
     * The rate to convert {@code currency} on {@code date}, or null for US dollars. A stale rate (see
     * {@link ExchangeRate#isStaleOn}) is refused: there is no reason to give here.
     *
     * @throws BusinessException naming the currency and date if no rate is in force ({@code field} is where the
     *         user typed the date or amount)
     * @throws StaleRateException naming the currency, the month and the latest rate's date if that rate is stale
     */
    public ExchangeRate require(String currency, LocalDate date, String field) {
        return require(currency, date, field, null);
    }

    /**
     * As {@link #require(String, LocalDate, String)}, but a stale rate is used when the officer gives a
     * reason (non-blank), which the caller keeps with the record that uses the rate.
     */
    public ExchangeRate require(String currency, LocalDate date, String field, String staleRateReason) {
        if (AcceptedCurrency.USD.equals(currency)) {
            return null;
        }
        ExchangeRate rate = inForce(currency, date)
                .orElseThrow(() -> new BusinessException(field, "rate.missing", currency, date.toString()));
        if (rate.isStaleOn(date) && (staleRateReason == null || staleRateReason.isBlank())) {
            throw new StaleRateException(field, rate, date);
        }
        return rate;
    }

    /** The US dollar value of an amount on a date. */
    public Money toUsd(Money amount, LocalDate date, String field) {
        ExchangeRate rate = require(amount.currencyCode(), date, field);
        return rate == null ? amount : rate.toUsd(amount);
    }

    public boolean isUsed(ExchangeRate rate) {
        Number uses = (Number) em.createNativeQuery("SELECT (SELECT COUNT(*) FROM contribution WHERE rate_id = ?1)"
                        + " + (SELECT COUNT(*) FROM pledge WHERE agreement_rate_id = ?1)")
                .setParameter(1, rate.getId())
                .getSingleResult();
        return uses.longValue() > 0;
    }
}
