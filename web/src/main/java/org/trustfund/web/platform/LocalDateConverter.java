package org.trustfund.web.platform;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * A date typed by a person: ISO ({@code 2026-03-15}) always, and day first with slashes ({@code 15/03/2026})
 * as in British English and French, the UN's usage. A browser asking for US English gets slashed dates refused
 * (03/04/2026 would be 4 March there and 3 April here) with a message asking for ISO, never a silent guess.
 * A refusal names what was typed; the date field keeps it. Dates are always written back as ISO.
 * Use {@code converter="localDate"} on every date field.
 */
@FacesConverter(value = "localDate")
public class LocalDateConverter implements Converter<LocalDate> {

    @Override
    public LocalDate getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Locale page = context.getViewRoot().getLocale();
        TypedDate.Reading reading = TypedDate.read(value, context.getExternalContext().getRequestLocale());
        if (reading.date().isPresent()) {
            return reading.date().get();
        }
        String text = Messages.text(page, reading.refusalKey(), value.strip(), TypedDate.ISO_EXAMPLE, TypedDate.SLASHED_EXAMPLE);
        throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, LocalDate value) {
        return value == null ? "" : value.toString();
    }

    /** Reading rules, apart from JSF so they can be tested alone. */
    public static final class TypedDate {

        public static final String ISO_EXAMPLE = "2026-03-15";
        public static final String SLASHED_EXAMPLE = "15/03/2026";
        private static final java.util.regex.Pattern ISO = java.util.regex.Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
        private static final java.util.regex.Pattern SLASHED = java.util.regex.Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

        /** A date, or the key of the message saying why not. */
        public record Reading(Optional<LocalDate> date, String refusalKey) {
        }

        private TypedDate() {
        }

        /** {@code requestLocale}: the browser's language, which tells en-US from en-GB. */
        public static Reading read(String text, Locale requestLocale) {
            String s = text == null ? "" : text.strip();
            java.util.regex.Matcher iso = ISO.matcher(s);
            if (iso.matches()) {
                return of(iso.group(1), iso.group(2), iso.group(3));
            }
            java.util.regex.Matcher slashed = SLASHED.matcher(s);
            if (slashed.matches()) {
                if (requestLocale != null && "US".equals(requestLocale.getCountry())) {
                    return new Reading(Optional.empty(), "date.slashesAmbiguous");
                }
                return of(slashed.group(3), slashed.group(2), slashed.group(1));
            }
            return new Reading(Optional.empty(), "date.invalid");
        }

        private static Reading of(String year, String month, String day) {
            try {
                return new Reading(Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day))), null);
            } catch (java.time.DateTimeException e) {
                return new Reading(Optional.empty(), "date.invalid");
            }
        }
    }
}
