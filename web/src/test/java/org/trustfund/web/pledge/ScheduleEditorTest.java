package org.trustfund.web.pledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleEditorTest {

    @Test
    void quarterlyDatesFallOnEachQuartersLastDayWithinThePledgesYearsAndTheAmountIsSplitToTheCent() {
        ScheduleEditor editor = new ScheduleEditor();
        editor.add();
        editor.proposeDates(ScheduleEditor.Frequency.QUARTERLY, 2026, 2027, LocalDate.of(2026, 1, 5));
        editor.splitEvenly(new BigDecimal("1000.00"), "USD");
        assertEquals(List.of("2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31", "2027-03-31", "2027-06-30",
                "2027-09-30", "2027-12-31"), dates(editor));
        assertEquals(0, new BigDecimal("125.00").compareTo(editor.getRows().get(0).getAmount()));
        assertEquals(0, new BigDecimal("1000.00").compareTo(editor.total()));
    }

    @Test
    void periodsEndedBeforeThePledgeDateAreLeftOutUnlessNoneWouldRemain() {
        ScheduleEditor editor = new ScheduleEditor();
        editor.proposeDates(ScheduleEditor.Frequency.HALF_YEARLY, 2026, 2026, LocalDate.of(2026, 7, 1));
        assertEquals(List.of("2026-12-31"), dates(editor));
        editor.proposeDates(ScheduleEditor.Frequency.YEARLY, 2025, 2026, LocalDate.of(2027, 2, 1));
        assertEquals(List.of("2025-12-31", "2026-12-31"), dates(editor), "all past: every year proposed");
    }

    @Test
    void withoutAFrequencyOrWithYearsBackwardsTheRowsStay() {
        ScheduleEditor editor = new ScheduleEditor();
        editor.add();
        editor.getRows().get(0).setDueDate(LocalDate.of(2026, 5, 5));
        editor.proposeDates(null, 2026, 2027, null);
        editor.proposeDates(ScheduleEditor.Frequency.YEARLY, 2027, 2026, null);
        assertEquals(List.of("2026-05-05"), dates(editor));
    }

    private static List<String> dates(ScheduleEditor editor) {
        return editor.getRows().stream().map(r -> r.getDueDate().toString()).toList();
    }
}
