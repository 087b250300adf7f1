package org.trustfund.donor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trustfund.platform.BusinessException;
import org.trustfund.reference.Country;

/** The language of correspondence: English unless chosen, one of the six, kept when a change does not name it. */
class DonorTest {

    private static final Country FRANCE = new Country("FR", "France", "Europe", "Western Europe");

    @Test
    void aNewDonorIsWrittenToInEnglishUnlessAnotherLanguageIsChosen() {
        assertEquals("en", donor(null).getCorrespondenceLanguage());
        assertEquals("fr", donor(" FR ").getCorrespondenceLanguage(), "any case, blanks aside; kept in lower case");
        assertEquals("zh", donor("zh").details().correspondenceLanguage());
    }

    @Test
    void aChangeThatDoesNotNameTheLanguageKeepsItAndOneThatDoesChangesIt() {
        Donor donor = donor("ar");
        donor.change(details(null), FRANCE);
        assertEquals("ar", donor.getCorrespondenceLanguage());
        donor.change(details("ru"), FRANCE);
        assertEquals("ru", donor.getCorrespondenceLanguage());
    }

    @Test
    void aLanguageOtherThanTheSixIsRefusedAtItsFieldAndNothingChanges() {
        Donor donor = donor("es");
        for (String code : new String[] {"de", "", "fra", "e n"}) {
            BusinessException refused = assertThrows(BusinessException.class, () -> donor.change(details(code), FRANCE));
            assertEquals(Optional.of("correspondenceLanguage"), refused.field(), code);
            assertEquals("donor.correspondenceLanguage.invalid", refused.messageKey());
        }
        assertEquals("es", donor.getCorrespondenceLanguage());
    }

    private static Donor donor(String language) {
        return new Donor(details(language), FRANCE, Instant.parse("2026-01-01T00:00:00Z"), "officer");
    }

    private static DonorDetails details(String language) {
        return new DonorDetails("Fictional Agency", StakeholderGroup.GOVERNMENT, "FR", null, "agency@example.org", true,
                language);
    }
}
