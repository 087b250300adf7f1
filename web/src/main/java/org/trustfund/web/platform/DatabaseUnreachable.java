package org.trustfund.web.platform;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Whether a failure means the database cannot be reached (stopped, restarting, network gone) rather than that
 * something is wrong with the request or the code. Pages then say "try again" and the API answers 503, instead
 * of an error reference and 500.
 *
 * <p>The sign is looked for anywhere in the chain of causes, since it arrives wrapped: an {@code EJBException}
 * around a {@code PersistenceException} around EclipseLink's {@code DatabaseException} around the driver's
 * {@code CommunicationsException}; or the pool's "Error in allocating a connection" around the same; or the
 * sign-in checks' {@code IllegalStateException} around the {@code SQLException}. Constraint violations, lock
 * timeouts and SQL errors never match: they are answers from a database that is there.
 */
public final class DatabaseUnreachable {

    /** Seconds an API caller is asked to wait (Retry-After); the launcher restarts its database in about one. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** SQL states of class 08, "connection exception" (SQL:2016 and the X/Open codes MySQL uses). */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /** What Payara's connection pool says when it cannot hand out a connection, whatever the driver said. */
    private static final String POOL_ALLOCATION_FAILED = "Error in allocating a connection";

    private DatabaseUnreachable() {
    }

    public static boolean causedBy(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (isSign(t)) {
                return true;
            }
            // SQLException keeps further failures in its own chain, beside getCause().
            if (t instanceof SQLException sql && sql.getNextException() != null && isSign(sql.getNextException())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The failure on one log line with its innermost cause (e.g. the driver's "Communications link failure"),
     * for the warning that replaces a stack trace: the outage is not a fault of the code.
     */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        while (root.getCause() != null && seen.put(root, Boolean.TRUE) == null) {
            root = root.getCause();
        }
        String text = root == failure ? String.valueOf(failure) : failure + " (cause: " + root + ")";
        return text.replaceAll("[\\r\\n\\t]+", " ");
    }

    private static boolean isSign(Throwable t) {
        if (t instanceof SQLNonTransientConnectionException || t instanceof SQLTransientConnectionException
                || t instanceof SQLRecoverableException) {
            // The driver's CommunicationsException is an SQLRecoverableException.
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)) {
            return true;
        }
        if (t instanceof ConnectException || t instanceof NoRouteToHostException
                || t instanceof SocketTimeoutException
                || t instanceof SocketException && isSocketClosed(t.getMessage())) {
            return true;
        }
        String name = t.getClass().getSimpleName();
        if (name.equals("CJCommunicationsException") || name.equals("CommunicationsException")) {
            // Connector/J's own runtime form (com.mysql.cj.exceptions), not an SQLException.
            return true;
        }
        String message = t.getMessage();
        return message != null && message.contains(POOL_ALLOCATION_FAILED);
    }

    private static boolean isSocketClosed(String message) {
        return message != null && (message.contains("Connection reset") || message.contains("Broken pipe")
                || message.contains("Socket closed"));
    }
}
