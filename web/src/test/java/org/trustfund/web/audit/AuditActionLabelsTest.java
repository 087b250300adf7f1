package org.trustfund.web.audit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.trustfund.audit.AuditAction;

/** The audit log names every kind of entry in English and French (a new one without a label shows "???"). */
class AuditActionLabelsTest {

    @Test
    void everyAuditActionHasALabelInEveryLanguage() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.FRENCH}) {
            ResourceBundle messages = ResourceBundle.getBundle("org.trustfund.web.messages", locale);
            for (AuditAction action : AuditAction.values()) {
                assertTrue(messages.containsKey("audit.action." + action.name()), action + " in " + locale);
            }
        }
    }
}
