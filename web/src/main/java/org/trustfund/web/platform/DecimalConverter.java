package org.trustfund.web.platform;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * An amount, rate or percentage typed in the page's language ({@link TypedNumber}); a refusal says why at the
 * field and keeps what was typed. Use {@code <f:converter converterId="decimal"/>}.
 */
@FacesConverter(value = "decimal")
public class DecimalConverter implements Converter<BigDecimal> {

    @Override
    public BigDecimal getAsObject(FacesContext context, UIComponent component, String value) {
        if (TypedNumber.isBlank(value)) {
            return null;
        }
        Locale locale = context.getViewRoot().getLocale();
        TypedNumber.Reading reading = TypedNumber.read(value, locale);
        if (!reading.ok()) {
            String text = Messages.text(locale, reading.refusalKey(), reading.arguments());
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
        return reading.value();
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, BigDecimal value) {
        return Numbers.input(value, context.getViewRoot().getLocale());
    }
}
