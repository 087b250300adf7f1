package org.trustfund.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trustfund.web.platform.LocalDateConverter.TypedDate;

class LocalDateConverterTest {

    private static final LocalDate IDES = LocalDate.of(2026, 3, 15);

    @Test
    void readsIsoInEveryLanguage() {
        for (Locale l : new Locale[] {Locale.UK, Locale.US, Locale.FRANCE, Locale.ENGLISH, null}) {
            assertEquals(Optional.of(IDES), TypedDate.read("2026-03-15", l).date());
            assertEquals(Optional.of(LocalDate.of(2026, 3, 5)), TypedDate.read(" 2026-3-5 ", l).date());
        }
    }

    @Test
    void readsSlashedDatesDayFirstExceptForUsEnglish() {
        assertEquals(Optional.of(IDES), TypedDate.read("15/03/2026", Locale.UK).date());
        assertEquals(Optional.of(IDES), TypedDate.read("15/3/2026", Locale.FRANCE).date());
        assertEquals(Optional.of(LocalDate.of(2026, 4, 3)), TypedDate.read("03/04/2026", Locale.ENGLISH).date());
        assertEquals("date.slashesAmbiguous", TypedDate.read("03/04/2026", Locale.US).refusalKey());
        assertEquals(Optional.empty(), TypedDate.read("15/03/2026", Locale.US).date());
    }

    @Test
    void refusesWhatIsNoDate() {
        for (String s : new String[] {"2026-02-30", "31/04/2026", "2026-13-01", "15/03/26", "tomorrow", "15.03.2026", "2026/03/15"}) {
            assertEquals("date.invalid", TypedDate.read(s, Locale.UK).refusalKey(), s);
        }
    }
}
