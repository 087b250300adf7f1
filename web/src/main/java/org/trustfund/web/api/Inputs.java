package org.trustfund.web.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import org.trustfund.money.CurrencyUnits;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;

/**
 * Reads the text of API requests into values, refusing what is not readable with a message that names the
 * property. What is readable but not acceptable (a negative amount, a currency we do not take) is left to
 * the services, which say so in the same way as on the pages.
 */
public final class Inputs {

    /** The largest page a list of donors, contributions or journals answers with. */
    public static final int MAX_PAGE_SIZE = 100;

    private static final String DECIMAL = "[+-]?\\d+(\\.\\d+)?";

    private Inputs() {
    }

    /** Money from its JSON form; null if absent, so the service can say that an amount is required. */
    public static Money money(String field, MoneyJson json) {
        if (json == null) {
            return null;
        }
        String currencyField = field.equals("amount") ? "currency" : field + ".currency";
        String text = json.amount() == null ? "" : json.amount().trim();
        if (text.isEmpty()) {
            throw new BusinessException(field, "amount.required");
        }
        if (!text.matches(DECIMAL)) {
            throw new BusinessException(field, "amount.notNumber");
        }
        String code = json.currency() == null ? "" : json.currency().trim().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            throw new BusinessException(currencyField, "api.currency.required");
        }
        Currency currency;
        try {
            currency = Money.currency(code);
        } catch (IllegalArgumentException e) {
            throw new BusinessException(currencyField, "currency.unknown", code);
        }
        BigDecimal amount = new BigDecimal(text);
        int digits = CurrencyUnits.of(currency);
        if (amount.stripTrailingZeros().scale() > digits) {
            throw new BusinessException(field, "api.amount.decimals", code, digits);
        }
        return Money.of(amount, currency);
    }

    /** A decimal that is not money (a rate, a percentage); null if absent. */
    public static BigDecimal decimal(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!text.trim().matches(DECIMAL)) {
            throw new BusinessException(field, "api.number.invalid", text.trim());
        }
        return new BigDecimal(text.trim());
    }

    /** An ISO date (yyyy-mm-dd); null if absent. */
    public static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new BusinessException(field, "api.date.invalid", text.trim());
        }
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new BusinessException(field, "api.required");
        }
        return value;
    }

    /** A whole number from a query parameter, within bounds; the default if absent. */
    public static int whole(String field, String text, int defaultValue, int min, int max) {
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new BusinessException(field, "api.range", min, max);
        }
        if (value < min || value > max) {
            throw new BusinessException(field, "api.range", min, max);
        }
        return value;
    }

    /** An id from a query parameter; null if absent. */
    public static Long id(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new BusinessException(field, "api.id.invalid", text.trim());
        }
    }

    /** One of an enum's constants, case-insensitively; null if absent. */
    public static <E extends Enum<E>> E choice(String field, String text, Class<E> type) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BusinessException(field, "api.choice.invalid", text.trim(), names(type));
        }
    }

    public static <E extends Enum<E>> String names(Class<E> type) {
        StringBuilder out = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            out.append(out.length() == 0 ? "" : ", ").append(e.name());
        }
        return out.toString();
    }

    /** A sort order: a property name, with a leading {@code -} for descending. */
    public record SortOrder<E extends Enum<E>>(E key, boolean descending) {
    }

    /**
     * Reads {@code name}, {@code -name} or {@code amountUsd} into the service's sort constant
     * ({@code NAME}, {@code AMOUNT_USD}); the default if absent.
     */
    public static <E extends Enum<E>> SortOrder<E> sort(String field, String text, Class<E> type, SortOrder<E> defaultOrder) {
        if (text == null || text.isBlank()) {
            return defaultOrder;
        }
        String t = text.trim();
        boolean descending = t.startsWith("-");
        String name = descending ? t.substring(1) : t;
        String constant = name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(constant)) {
                return new SortOrder<>(e, descending);
            }
        }
        throw new BusinessException(field, "api.choice.invalid", t, sortNames(type));
    }

    private static <E extends Enum<E>> String sortNames(Class<E> type) {
        StringBuilder out = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            String[] words = e.name().toLowerCase(Locale.ROOT).split("_");
            StringBuilder camel = new StringBuilder(words[0]);
            for (int i = 1; i < words.length; i++) {
                camel.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
            }
            out.append(out.length() == 0 ? "" : ", ").append(camel);
        }
        return out + " (prefix - for descending)";
    }
}
