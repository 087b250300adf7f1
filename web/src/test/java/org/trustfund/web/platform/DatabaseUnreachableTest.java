package org.trustfund.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Which failures mean "the database is not reachable" (pages: try again; API: 503) and which are faults to
 * report (500 with a reference). The driver's own exception comes from a real connection attempt to a port
 * where nothing listens.
 */
class DatabaseUnreachableTest {

    @Test
    void theDriversFailureToConnectIsRecognisedHoweverDeepItIsWrapped() throws IOException {
        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:mysql://127.0.0.1:" + closedPort() + "/trustfund?connectTimeout=2000", "app", "secret"));
        assertTrue(DatabaseUnreachable.causedBy(refused), refused.toString());
        // As the services raise it: EJBException(PersistenceException(EclipseLink's DatabaseException(driver))).
        assertTrue(DatabaseUnreachable.causedBy(
                new EJBException(new PersistenceException(new RuntimeException("Exception [EclipseLink-4002]",
                        refused)))));
        // As the sign-in checks raise it (plain JDBC in the authentication mechanism).
        assertTrue(DatabaseUnreachable.causedBy(
                new IllegalStateException("Cannot read the standing of user finance", refused)));
    }

    @Test
    void thePoolsAllocationFailureAndConnectionSqlStatesAreRecognised() {
        // What Payara's pool says when it cannot make a connection; the driver's reason may be missing.
        assertTrue(DatabaseUnreachable.causedBy(new EJBException(new SQLException(
                "Error in allocating a connection. Cause: Connection could not be allocated because: "
                        + "Communications link failure"))));
        assertTrue(DatabaseUnreachable.causedBy(new SQLException("Communications link failure", "08S01")));
        assertTrue(DatabaseUnreachable.causedBy(new SQLException("Could not create connection", "08001")));
        SQLException chained = new SQLException("batch failed", "HY000");
        chained.setNextException(new SQLException("link down", "08S01"));
        assertTrue(DatabaseUnreachable.causedBy(chained));
    }

    @Test
    void answersOfADatabaseThatIsThereAreNotMistakenForItsAbsence() {
        assertFalse(DatabaseUnreachable.causedBy(new EJBException(new PersistenceException(
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062)))));
        assertFalse(DatabaseUnreachable.causedBy(new SQLSyntaxErrorException("You have an error", "42000", 1064)));
        assertFalse(DatabaseUnreachable.causedBy(new SQLTimeoutException("Lock wait timeout exceeded", "40001")));
        assertFalse(DatabaseUnreachable.causedBy(new EJBException(new OptimisticLockException("stale"))));
        assertFalse(DatabaseUnreachable.causedBy(new IllegalStateException("no message")));
        assertFalse(DatabaseUnreachable.causedBy(new NullPointerException()));
        assertFalse(DatabaseUnreachable.causedBy(null));
    }

    @Test
    void theLogLineNamesTheInnermostCauseOnOneLine() {
        SQLException driver = new SQLException("Communications link failure\n\nThe last packet sent...", "08S01");
        assertEquals("java.lang.IllegalStateException: Cannot read the standing of user finance (cause:"
                        + " java.sql.SQLException: Communications link failure The last packet sent...)",
                DatabaseUnreachable.describe(new IllegalStateException("Cannot read the standing of user finance",
                        new RuntimeException("wrapped", driver))));
        assertEquals("java.sql.SQLException: Communications link failure The last packet sent...",
                DatabaseUnreachable.describe(driver));
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertFalse(DatabaseUnreachable.causedBy(first));
    }

    @Test
    void theNoticeOffersToRetryOnlyAPageOfThisApplication() {
        assertEquals("/trustfund/error.xhtml?database=unreachable&retry=%2Ftrustfund%2Ffinance%2Fdonor.xhtml%3Fid%3D3",
                ErrorPage.databaseUnreachableUrl("/trustfund", "/trustfund/finance/donor.xhtml?id=3"));
        assertEquals("/trustfund/error.xhtml?database=unreachable",
                ErrorPage.databaseUnreachableUrl("/trustfund", null));
        for (String elsewhere : new String[] {"https://evil.example/", "//evil.example/trustfund/", "/other/app",
                "/trustfund/../other", "/trustfund/x\r\nSet-Cookie: a=b", "/trustfund/error.xhtml?database=1"}) {
            assertFalse(ErrorPage.isPageOfThisApplication("/trustfund", elsewhere), elsewhere);
            assertEquals("/trustfund/error.xhtml?database=unreachable",
                    ErrorPage.databaseUnreachableUrl("/trustfund", elsewhere), elsewhere);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
