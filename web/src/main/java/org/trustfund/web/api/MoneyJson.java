package org.trustfund.web.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trustfund.money.Money;

/**
 * An amount of money as the API reads and writes it. The amount is a decimal string, never a JSON number,
 * so no client parses it into a binary floating point value.
 */
public record MoneyJson(
        @Schema(description = "Decimal amount as a string, with at most the currency's minor units",
                example = "1250.50", required = true) String amount,
        @Schema(description = "ISO 4217 currency code", example = "EUR", required = true) String currency) {

    public static MoneyJson of(Money money) {
        return money == null ? null : new MoneyJson(money.amount().toPlainString(), money.currencyCode());
    }
}
