package org.trustfund.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trustfund.money.CurrencyUnits;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;

/** The API reads amounts with the minor units Money and the pages use: one source, the currency table. */
class InputsTest {

    @Test
    void xdrHasTheMinorUnitsMoneyHas() {
        // Java reports -1 digits for XDR; the currency table's default, and so Money's, is 0.
        BusinessException e = assertThrows(BusinessException.class,
                () -> Inputs.money("amount", new MoneyJson("100.50", "XDR")));
        assertEquals("api.amount.decimals", e.messageKey());
        assertEquals(Optional.of("amount"), e.field());
        assertEquals(CurrencyUnits.of("XDR"), e.arguments()[1]);
        assertThrows(IllegalArgumentException.class, () -> Money.of("100.50", "XDR"), "Money refuses it too");
        assertEquals(Money.of("100", "XDR"), Inputs.money("amount", new MoneyJson("100", "XDR")));
    }

    @Test
    void otherCurrenciesKeepTheirIsoMinorUnits() {
        assertEquals(Money.of("10.555", "KWD"), Inputs.money("amount", new MoneyJson("10.555", "KWD")));
        assertEquals("api.amount.decimals", assertThrows(BusinessException.class,
                () -> Inputs.money("amount", new MoneyJson("10.5", "JPY"))).messageKey());
    }
}
