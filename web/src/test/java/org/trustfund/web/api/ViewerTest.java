package org.trustfund.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A donor user reads "UN Trust Fund staff" where staff read a user name. */
class ViewerTest {

    @Test
    void donorSeesTheFundStaffNotTheUserName() {
        assertEquals("UN Trust Fund staff", new Viewer(true, Locale.ENGLISH).staff("finance"));
        assertEquals("Personnel du Fonds d’affectation spéciale des Nations Unies",
                new Viewer(true, Locale.FRENCH).staff("certifier"));
    }

    @Test
    void staffSeeUserNamesAndNothingIsMadeUp() {
        assertEquals("finance", new Viewer(false, Locale.ENGLISH).staff("finance"));
        assertEquals("finance", Viewer.STAFF.staff("finance"));
        assertNull(new Viewer(true, Locale.ENGLISH).staff(null), "not certified yet stays absent");
    }
}
