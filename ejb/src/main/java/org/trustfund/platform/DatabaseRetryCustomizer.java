package org.trustfund.platform;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * How long a read waits for a database that went away. EclipseLink retries a read that met a broken connection
 * outside a transaction, by default three times five seconds apart: with the database down, a page or an API call
 * then hung for 10–15 s before failing. {@value #RETRIES} retry after {@value #DELAY_MILLIS} ms covers the
 * launcher's restart of a killed database (about a second) and otherwise fails within about two seconds, which
 * the web module answers with "the database is not reachable, try again" (503 for the API).
 */
public class DatabaseRetryCustomizer implements SessionCustomizer {

    static final int RETRIES = 1;
    static final int DELAY_MILLIS = 1500;

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(RETRIES);
            login.setDelayBetweenConnectionAttempts(DELAY_MILLIS);
        }
    }
}
