package org.trustfund.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.DatabaseSession;
import org.eclipse.persistence.sessions.Project;
import org.junit.jupiter.api.Test;

/** The retry of reads on a lost connection, as EclipseLink holds it (no database needed). */
class DatabaseRetryCustomizerTest {

    @Test
    void aReadOnALostConnectionIsRetriedOnceAfterASecondAndAHalf() {
        DatabaseLogin login = new DatabaseLogin();
        assertEquals(3, login.getQueryRetryAttemptCount(), "EclipseLink's default, which this changes");
        assertEquals(5000, login.getDelayBetweenConnectionAttempts());
        DatabaseSession session = new Project(login).createDatabaseSession();

        new DatabaseRetryCustomizer().customize(session);

        assertEquals(1, login.getQueryRetryAttemptCount());
        assertEquals(1500, login.getDelayBetweenConnectionAttempts());
    }
}
