package org.trustfund.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustfund.money.CurrencyUnits;
import org.trustfund.money.Money;
import org.trustfund.testing.TestDatabase;

/** The currency table decides minor units: what the start-up loader reads there, Money keeps. */
class CurrencyUnitsIT {

    private TestDatabase db;

    @BeforeEach
    void database() {
        db = TestDatabase.migrated();
    }

    @AfterEach
    void drop() {
        // The registry is process-wide: leave it as a fresh start finds it.
        CurrencyUnits.load(Map.of());
        db.close();
    }

    @Test
    void xdrHasTheMinorUnitsOfItsRowAndMoneyAgrees() throws Exception {
        db.run(em -> {
            em.persist(new AcceptedCurrency("XDR", "SDR"));
            em.persist(new AcceptedCurrency("EUR", null));
        });
        Map<String, Integer> loaded = db.inTransaction(CurrencyUnitsLoader::readTable);
        assertEquals(Map.of("XDR", 0, "EUR", 2), loaded, "a new XDR row takes 0: ISO 4217 gives it none");
        assertThrows(IllegalArgumentException.class, () -> Money.of("100.50", "XDR"));

        // An administrator's database says SDR amounts carry 2 decimals: the table wins, everywhere.
        db.sql("UPDATE currency SET minor_units = 2 WHERE code = 'XDR'");
        db.inTransaction(CurrencyUnitsLoader::readTable);
        assertEquals(2, CurrencyUnits.of("XDR"));
        assertEquals("100.50", Money.of("100.50", "XDR").amount().toPlainString());
        assertThrows(IllegalArgumentException.class, () -> Money.of("100.505", "XDR"));
    }
}
