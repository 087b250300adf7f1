package org.trustfund.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChangesTest {

    @Test
    void listsOnlyWhatChangedAndNeverASecret() {
        String text = Changes.of()
                .field("displayName", "Jane", "Jane")
                .field("enabled", true, false)
                .secret("password")
                .toString();
        assertEquals("enabled: true → false; password: changed", text);
        assertTrue(Changes.of().field("a", 1, 1).isEmpty());
    }
}
