package org.trustfund.systemtest.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.trustfund.server.DatabaseSettings;

/** Plain JDBC against the system's database, for the rows a test puts there as if entered earlier. */
public final class Rows {

    private Rows() {
    }

    /** A connection whose session runs in UTC, as the application's does. */
    public static Connection connect(DatabaseSettings db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrlWithUtcSession(), db.user(), db.password());
    }

    /** Runs an INSERT with these parameters; the generated key, or -1 if there is none. */
    public static long insert(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : -1;
            }
        }
    }

    /** The single number a query answers, e.g. a count. */
    public static long number(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = ps.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("No row for " + sql);
                }
                return rows.getLong(1);
            }
        }
    }
}
