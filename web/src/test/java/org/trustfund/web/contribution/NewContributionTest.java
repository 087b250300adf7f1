package org.trustfund.web.contribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.web.api.MoneyJson;
import org.trustfund.web.contribution.ContributionJson.NewApplication;
import org.trustfund.web.contribution.ContributionJson.NewContribution;

/** The API's applications field: absent means the page's suggestion, an empty list means nothing applied. */
class NewContributionTest {

    private static NewContribution with(List<NewApplication> applications) {
        return new NewContribution(7L, 1L, "2025-04-15", new MoneyJson("20000.00", "CHF"), "BNK-1", applications, null);
    }

    @Test
    void withoutApplicationsTheServiceIsAskedForTheOldestDueFirstSuggestion() {
        assertNull(with(null).toInput().applications());
    }

    @Test
    void anEmptyListAppliesNothing() {
        assertEquals(Map.of(), with(List.of()).toInput().applications());
    }

    @Test
    void linesAreReadByInstalmentAndTheSameInstalmentTwiceIsRefusedNamingTheLine() {
        NewApplication first = new NewApplication(11L, new MoneyJson("12500.00", "CHF"));
        assertEquals(Map.of(11L, Money.of("12500.00", "CHF")), with(List.of(first)).toInput().applications());
        BusinessException twice = assertThrows(BusinessException.class,
                () -> with(List.of(first, new NewApplication(11L, new MoneyJson("1.00", "CHF")))).toInput());
        assertEquals("applications[1].instalmentId", twice.field().orElse(null));
    }
}
