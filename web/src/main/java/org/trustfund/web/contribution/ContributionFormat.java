package org.trustfund.web.contribution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.util.Locale;
import org.trustfund.money.Money;
import org.trustfund.reference.AcceptedCurrency;

/** Formats amounts and rates on the contribution pages in the page's language: {@code #{contributionFormat.money(c.amount)}}. */
@Named
@ApplicationScoped
public class ContributionFormat {

    public String money(Money money) {
        return Amounts.money(money, locale());
    }

    public String usd(BigDecimal usd) {
        return usd == null ? "" : Amounts.money(Money.of(usd, AcceptedCurrency.USD), locale());
    }

    public String rate(BigDecimal unitsPerUsd) {
        return Amounts.rate(unitsPerUsd, locale());
    }

    static Locale locale() {
        FacesContext fc = FacesContext.getCurrentInstance();
        return fc != null && fc.getViewRoot() != null ? fc.getViewRoot().getLocale() : Locale.ENGLISH;
    }
}
