package org.trustfund.web.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.trustfund.money.CurrencyUnits;

/**
 * Ledger figures for people, as accountants write them and as the export formats them: thousands separated, two
 * decimals, a negative (a credit balance) in brackets.
 */
@Named
@ApplicationScoped
public class LedgerFormat {

    public String usd(BigDecimal usd) {
        return usd == null ? "" : format(usd, 2);
    }

    /** A signed amount in its currency, with the currency's own decimals and its ISO code after the figure. */
    public String amount(BigDecimal amount, String currency) {
        if (amount == null || currency == null) {
            return "";
        }
        int digits;
        try {
            digits = CurrencyUnits.of(currency);
        } catch (RuntimeException e) {
            digits = amount.scale();
        }
        return format(amount, digits) + " " + currency;
    }

    private static String format(BigDecimal value, int digits) {
        FacesContext fc = FacesContext.getCurrentInstance();
        Locale locale = fc != null && fc.getViewRoot() != null ? fc.getViewRoot().getLocale() : Locale.ENGLISH;
        String decimals = digits <= 0 ? "" : "." + "0".repeat(digits);
        return new DecimalFormat("#,##0" + decimals + ";(#,##0" + decimals + ")", DecimalFormatSymbols.getInstance(locale))
                .format(value);
    }
}
