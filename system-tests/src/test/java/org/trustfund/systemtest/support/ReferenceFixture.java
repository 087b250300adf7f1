package org.trustfund.systemtest.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import org.trustfund.server.DatabaseSettings;

/**
 * The reference data a finance test needs (currencies, a few countries, the IGF fund, monthly EUR and CHF
 * rates from 2024), put straight into the system's database as an administrator would have entered it.
 * Idempotent: tests running in any order all find the same reference data, and never change it.
 */
public final class ReferenceFixture {

    private ReferenceFixture() {
    }

    public static synchronized void ensure(RunningSystem system) {
        DatabaseSettings db = system.database();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement s = c.createStatement()) {
            s.execute("INSERT IGNORE INTO currency (code, name, minor_units) VALUES ('USD', 'US Dollar', 2),"
                    + " ('EUR', 'Euro', 2), ('CHF', 'Swiss Franc', 2), ('JPY', 'Yen', 0)");
            s.execute("INSERT IGNORE INTO country (code, name, development_status, region) VALUES"
                    + " ('FI', 'Finland', 'DEVELOPED', 'Europe'), ('KE', 'Kenya', 'DEVELOPING', 'Africa'),"
                    + " ('NP', 'Nepal', 'LEAST_DEVELOPED', 'Asia-Pacific')");
            s.execute("INSERT IGNORE INTO fund (code, name, base_currency, start_date, psc_rate, created_at, created_by)"
                    + " VALUES ('IGF', 'Internet Governance Forum Trust Fund', 'USD', '2006-01-01', 0.1300, UTC_TIMESTAMP(6), 'test')");
            for (LocalDate d = LocalDate.of(2024, 1, 1); !d.isAfter(LocalDate.now()); d = d.plusMonths(1)) {
                s.execute("INSERT IGNORE INTO exchange_rate (currency, effective_date, units_per_usd, created_at, created_by)"
                        + " VALUES ('EUR', '" + d + "', 0.920000, UTC_TIMESTAMP(6), 'test'),"
                        + " ('CHF', '" + d + "', 0.880000, UTC_TIMESTAMP(6), 'test')");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set up reference data for the tests", e);
        }
    }

    /**
     * A new, unsigned IGF pledge of the donor in US dollars, USD 1,000.00 due on each of {@code dueDates},
     * as a finance officer would have recorded it; its id.
     */
    public static long usdPledge(RunningSystem system, long donorId, String... dueDates) {
        DatabaseSettings db = system.database();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                java.sql.PreparedStatement pledge = c.prepareStatement("INSERT INTO pledge (donor_id, fund_id, amount, currency,"
                        + " purpose, first_year, last_year, pledged_on, status, created_at, created_by) SELECT ?, id, ?, 'USD',"
                        + " 'Fellowships', 2025, 2025, '2025-01-10', 'PLEDGED', UTC_TIMESTAMP(6), 'test' FROM fund WHERE code = 'IGF'",
                        Statement.RETURN_GENERATED_KEYS);
                java.sql.PreparedStatement instalment = c.prepareStatement("INSERT INTO instalment (pledge_id, seq, due_date,"
                        + " amount, currency) VALUES (?, ?, ?, 1000.00, 'USD')")) {
            pledge.setLong(1, donorId);
            pledge.setBigDecimal(2, new java.math.BigDecimal(1000L * dueDates.length));
            pledge.executeUpdate();
            long id;
            try (java.sql.ResultSet keys = pledge.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            for (int i = 0; i < dueDates.length; i++) {
                instalment.setLong(1, id);
                instalment.setInt(2, i + 1);
                instalment.setObject(3, LocalDate.parse(dueDates[i]));
                instalment.executeUpdate();
            }
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record a pledge for donor " + donorId, e);
        }
    }

    /** A new donor (government of Finland) with this name, as a finance officer would have recorded it; its id. */
    public static long donor(RunningSystem system, String name) {
        ensure(system);
        DatabaseSettings db = system.database();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO donor (name, stakeholder_group, country_code,"
                        + " publicly_named, created_at, created_by) VALUES (?, 'GOVERNMENT', 'FI', TRUE, UTC_TIMESTAMP(6), 'test')",
                        Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, name);
            ps.executeUpdate();
            try (java.sql.ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record donor " + name, e);
        }
    }
}
