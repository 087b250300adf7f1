package org.trustfund.money;

import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place that says how many decimal places (minor units) an amount in a currency has. The accepted
 * currencies' table ({@code currency.minor_units}) decides: it is loaded at start-up and kept up to date when
 * a currency is added. Before that, or for a currency not in the table, ISO 4217's digits count, and a
 * currency ISO gives no minor units (XDR, XAU: Java says -1) has none, as the table records it by default.
 *
 * <p>{@link Money} is a value object without database access, so it asks here rather than the table.
 */
public final class CurrencyUnits {

    private static final Map<String, Integer> FROM_TABLE = new ConcurrentHashMap<>();

    private CurrencyUnits() {
    }

    /** The minor units of the currency with this ISO code. */
    public static int of(String currencyCode) {
        Integer known = FROM_TABLE.get(currencyCode);
        return known != null ? known : isoDefault(Money.currency(currencyCode));
    }

    public static int of(Currency currency) {
        Integer known = FROM_TABLE.get(currency.getCurrencyCode());
        return known != null ? known : isoDefault(currency);
    }

    /** What ISO 4217 says, none where it says nothing: the default a new row of the currency table takes. */
    public static int isoDefault(Currency currency) {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }

    /** Whether the amount has no more decimal places than the currency's minor units. */
    public static boolean fits(java.math.BigDecimal amount, String currencyCode) {
        return amount.stripTrailingZeros().scale() <= of(currencyCode);
    }

    /** The currency table's minor units, replacing whatever was known; called at start-up. */
    public static void load(Map<String, Integer> minorUnitsByCode) {
        minorUnitsByCode.forEach(CurrencyUnits::register);
        FROM_TABLE.keySet().retainAll(minorUnitsByCode.keySet());
    }

    /** One row of the currency table was added or changed. */
    public static void register(String currencyCode, int minorUnits) {
        if (minorUnits < 0 || minorUnits > 4) {
            // The amount columns hold 4 decimal places.
            throw new IllegalArgumentException("Minor units must be 0 to 4: " + minorUnits);
        }
        FROM_TABLE.put(Objects.requireNonNull(currencyCode), minorUnits);
    }
}
