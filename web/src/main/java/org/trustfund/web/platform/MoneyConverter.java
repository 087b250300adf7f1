package org.trustfund.web.platform;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;
import org.trustfund.money.Money;

/**
 * Shows money as its ISO code and amount with the currency's own decimals, e.g. {@code EUR 3,000.00}: the
 * code, never a symbol, so amounts in different currencies can never be mistaken for each other ({@link Numbers}).
 */
@FacesConverter(value = "money")
public class MoneyConverter implements Converter<Money> {

    @Override
    public Money getAsObject(FacesContext context, UIComponent component, String value) {
        throw new UnsupportedOperationException("Money is typed as an amount and a currency, not as one string");
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Money value) {
        return Numbers.money(value, context.getViewRoot().getLocale());
    }
}
