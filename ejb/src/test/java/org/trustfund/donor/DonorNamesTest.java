package org.trustfund.donor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class DonorNamesTest {

    @Test
    void caseAccentsPunctuationSpacesAndLegalFormsDoNotCount() {
        String key = DonorNames.key("Fondation Exemple");
        assertEquals(key, DonorNames.key("  FONDATION   éxemple "));
        assertEquals(key, DonorNames.key("Fondation Exemple S.A."));
        assertEquals(key, DonorNames.key("Fondation-Exemple, SA"));
        assertEquals(key, DonorNames.key("The Fondation Exemple"));
        assertEquals(DonorNames.key("Smith & Sons Ltd"), DonorNames.key("smith and sons"));
    }

    @Test
    void differentWordsStayDifferent() {
        assertNotEquals(DonorNames.key("Fondation Exemple"), DonorNames.key("Fondation Exemples Unies"));
        assertNotEquals(DonorNames.key("Ministry of Digital Affairs"), DonorNames.key("Ministry of Foreign Affairs"));
        // A name that is only a legal form keeps it: nothing else would be left to compare.
        assertEquals("sa", DonorNames.key("S.A."));
    }
}
