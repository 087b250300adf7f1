package org.trustfund.web.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.trustfund.ledger.Account;
import org.trustfund.ledger.JournalEvent;
import org.trustfund.ledger.JournalQuery;

/**
 * The ledger texts exist in English and French, format cleanly, and name every account, kind, event and sort order,
 * so an account added to the chart cannot reach the trial balance or an export as a bare key.
 */
class LedgerBundleTest {

    private static final String BUNDLE = "org.trustfund.web.ledger";

    private final ResourceBundle english = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH);
    private final ResourceBundle french = ResourceBundle.getBundle(BUNDLE, Locale.FRENCH);

    @Test
    void frenchHasEveryEnglishKeyAndNoOther() {
        assertEquals(new TreeSet<>(english.keySet()), new TreeSet<>(french.keySet()));
        assertEquals(Locale.FRENCH, french.getLocale(), "the French file itself, not the English fallback");
    }

    @Test
    void everyTextFormatsAndKeepsItsApostrophes() {
        for (ResourceBundle bundle : new ResourceBundle[] {english, french}) {
            for (String key : bundle.keySet()) {
                String pattern = bundle.getString(key);
                assertFalse(pattern.contains("'"), key + ": an ASCII apostrophe is eaten by MessageFormat");
                assertFalse(new MessageFormat(pattern, bundle.getLocale()).format(new Object[] {"2025-12-31", "2025-01-01"})
                        .isBlank(), key);
            }
        }
    }

    @Test
    void everyAccountKindEventAndSortHasALabel() {
        List<String> keys = new ArrayList<>();
        for (Account a : Account.values()) {
            keys.add("led.account." + a.name());
        }
        for (Account.Kind k : Account.Kind.values()) {
            keys.add("led.kind." + k.name());
        }
        for (JournalEvent e : JournalEvent.values()) {
            keys.add("led.event." + e.name());
        }
        for (JournalQuery.Sort s : JournalQuery.Sort.values()) {
            keys.add("led.sort." + s.name());
        }
        keys.addAll(List.of("led.side.DEBIT", "led.side.CREDIT", "ledger.period.reversed", "journal.unknown"));
        List<String> missing = keys.stream().filter(k -> !english.containsKey(k)).toList();
        assertEquals(List.of(), missing);
        assertTrue(keys.size() > 30);
    }
}
