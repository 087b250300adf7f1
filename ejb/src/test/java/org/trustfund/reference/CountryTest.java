package org.trustfund.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trustfund.platform.BusinessException;

/** The status history of a country: which period is in force on a date, and which periods are refused. */
class CountryTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    private static final LocalDate GRADUATION = LocalDate.of(2023, 12, 13);

    private static Country bhutan() {
        Country bhutan = new Country("BT", "Bhutan", "Asia", "Southern Asia");
        bhutan.recordStatus(Country.HISTORY_START, DevelopmentStatus.LEAST_DEVELOPED, "First LDC list", NOW, "test");
        bhutan.recordStatus(GRADUATION, DevelopmentStatus.LANDLOCKED_DEVELOPING, "Graduated", NOW, "test");
        return bhutan;
    }

    @Test
    void beforeTheFirstPeriodThereIsNoStatus() {
        assertEquals(Optional.empty(), bhutan().statusOn(Country.HISTORY_START.minusDays(1)));
        assertEquals(Optional.empty(), bhutan().statusOn(null));
        assertEquals(Optional.empty(), new Country("BT", "Bhutan", "Asia", null).statusOn(GRADUATION));
    }

    @Test
    void aPeriodStartsOnItsEffectiveDayAndEndsTheDayBeforeTheNext() {
        Country bhutan = bhutan();
        assertEquals(DevelopmentStatus.LEAST_DEVELOPED, bhutan.statusOn(Country.HISTORY_START).orElseThrow());
        assertEquals(DevelopmentStatus.LEAST_DEVELOPED, bhutan.statusOn(GRADUATION.minusDays(1)).orElseThrow());
        assertEquals(DevelopmentStatus.LANDLOCKED_DEVELOPING, bhutan.statusOn(GRADUATION).orElseThrow());
        assertEquals(DevelopmentStatus.LANDLOCKED_DEVELOPING, bhutan.statusOn(LocalDate.of(2026, 12, 2)).orElseThrow());
        CountryStatus first = bhutan.getStatuses().get(0);
        assertEquals(Optional.of(GRADUATION), bhutan.endOf(first));
        assertEquals(Optional.empty(), bhutan.endOf(bhutan.getStatuses().get(1)));
    }

    @Test
    void anEarlierPeriodAddedLaterFitsInOrder() {
        Country samoa = new Country("WS", "Samoa", "Oceania", "Polynesia");
        samoa.recordStatus(LocalDate.of(2014, 1, 1), DevelopmentStatus.SMALL_ISLAND_DEVELOPING, "Graduated", NOW, "t");
        samoa.recordStatus(Country.HISTORY_START, DevelopmentStatus.LEAST_DEVELOPED, "First LDC list", NOW, "t");
        assertEquals(List.of(Country.HISTORY_START, LocalDate.of(2014, 1, 1)),
                samoa.getStatuses().stream().map(CountryStatus::getEffectiveFrom).toList());
        assertEquals(DevelopmentStatus.LEAST_DEVELOPED, samoa.statusOn(LocalDate.of(2013, 12, 31)).orElseThrow());
    }

    @Test
    void aSecondPeriodFromTheSameDateIsRefusedAtTheDate() {
        Country bhutan = bhutan();
        BusinessException e = assertThrows(BusinessException.class, () ->
                bhutan.recordStatus(GRADUATION, DevelopmentStatus.DEVELOPING, "Overlap", NOW, "test"));
        assertEquals("country.status.date.taken", e.messageKey());
        assertEquals("effectiveFrom", e.field().orElseThrow());
        assertEquals(2, bhutan.getStatuses().size());
    }

    @Test
    void aPeriodThatChangesNothingIsRefusedAtTheStatus() {
        Country bhutan = bhutan();
        BusinessException same = assertThrows(BusinessException.class, () -> bhutan.recordStatus(
                LocalDate.of(2025, 1, 1), DevelopmentStatus.LANDLOCKED_DEVELOPING, "Again", NOW, "test"));
        assertEquals("country.status.unchanged", same.messageKey());
        assertEquals("status", same.field().orElseThrow());
        BusinessException sameAsNext = assertThrows(BusinessException.class, () -> bhutan.recordStatus(
                LocalDate.of(2020, 1, 1), DevelopmentStatus.LANDLOCKED_DEVELOPING, "Earlier", NOW, "test"));
        assertEquals("country.status.sameAsNext", sameAsNext.messageKey());
        assertEquals(2, bhutan.getStatuses().size());
    }

    @Test
    void aPeriodNeedsADateAStatusAndAReason() {
        Country bhutan = bhutan();
        assertEquals("effectiveFrom", assertThrows(BusinessException.class, () -> bhutan.recordStatus(null,
                DevelopmentStatus.DEVELOPING, "x", NOW, "t")).field().orElseThrow());
        assertEquals("status", assertThrows(BusinessException.class, () -> bhutan.recordStatus(
                LocalDate.of(2025, 1, 1), null, "x", NOW, "t")).field().orElseThrow());
        assertEquals("reason", assertThrows(BusinessException.class, () -> bhutan.recordStatus(
                LocalDate.of(2025, 1, 1), DevelopmentStatus.DEVELOPING, "  ", NOW, "t")).field().orElseThrow());
        assertEquals("country.status.reason.tooLong", assertThrows(BusinessException.class, () -> bhutan.recordStatus(
                LocalDate.of(2025, 1, 1), DevelopmentStatus.DEVELOPING, "x".repeat(501), NOW, "t")).messageKey());
        assertTrue(bhutan.getStatuses().size() == 2);
    }
}
