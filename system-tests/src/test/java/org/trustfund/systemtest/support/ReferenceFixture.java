package org.trustfund.systemtest.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * The reference data a finance test needs (currencies, the IGF fund, monthly EUR and CHF; the countries come
 * with the migrations) from 2024, put straight into the system's database as an administrator would have entered it.
 * Idempotent: tests running in any order all find the same reference data, and never change it.
 */
public final class ReferenceFixture {

    private ReferenceFixture() {
    }

    public static synchronized void ensure(RunningSystem system) {
        try (Connection c = Rows.connect(system.database()); Statement s = c.createStatement()) {
            s.execute("INSERT IGNORE INTO currency (code, name, minor_units) VALUES ('USD', 'US Dollar', 2),"
                    + " ('EUR', 'Euro', 2), ('CHF', 'Swiss Franc', 2), ('JPY', 'Yen', 0)");
            s.execute("INSERT IGNORE INTO fund (code, name, base_currency, start_date, psc_rate, created_at, created_by)"
                    + " VALUES ('IGF', 'Internet Governance Forum Trust Fund', 'USD', '2006-01-01', 0.1300, UTC_TIMESTAMP(6), 'test')");
            monthlyRates(s);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set up reference data for the tests", e);
        }
    }

    /**
     * EUR and CHF rates on the 1st of every month from January 2024 to this month, where none is there yet: a
     * rate of an earlier month than the date it converts on is refused as stale, as the UN sets them monthly.
     * The currencies must exist.
     */
    public static void monthlyRates(Statement s) throws SQLException {
        s.execute("INSERT IGNORE INTO currency (code, name, minor_units) VALUES ('EUR', 'Euro', 2), ('CHF', 'Swiss Franc', 2)");
        for (LocalDate d = LocalDate.of(2024, 1, 1); !d.isAfter(LocalDate.now()); d = d.plusMonths(1)) {
            s.execute("INSERT IGNORE INTO exchange_rate (currency, effective_date, units_per_usd, created_at, created_by)"
                    + " VALUES ('EUR', '" + d + "', 0.920000, UTC_TIMESTAMP(6), 'test'),"
                    + " ('CHF', '" + d + "', 0.880000, UTC_TIMESTAMP(6), 'test')");
        }
    }

    /**
     * A new, unsigned IGF pledge of the donor in US dollars, USD 1,000.00 due on each of {@code dueDates},
     * as a finance officer would have recorded it; its id.
     */
    public static long usdPledge(RunningSystem system, long donorId, String... dueDates) {
        try (Connection c = Rows.connect(system.database())) {
            long id = Rows.insert(c, "INSERT INTO pledge (donor_id, fund_id, amount, currency, purpose, first_year, last_year,"
                    + " pledged_on, status, created_at, created_by) SELECT ?, id, ?, 'USD', 'Fellowships', 2025, 2025,"
                    + " '2025-01-10', 'PLEDGED', UTC_TIMESTAMP(6), 'test' FROM fund WHERE code = 'IGF'",
                    donorId, new java.math.BigDecimal(1000L * dueDates.length));
            for (int i = 0; i < dueDates.length; i++) {
                Rows.insert(c, "INSERT INTO instalment (pledge_id, seq, due_date, amount, currency) VALUES (?, ?, ?, 1000.00, 'USD')",
                        id, i + 1, LocalDate.parse(dueDates[i]));
            }
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record a pledge for donor " + donorId, e);
        }
    }

    /** A new donor (government of Finland) with this name, as a finance officer would have recorded it; its id. */
    public static long donor(RunningSystem system, String name) {
        ensure(system);
        try (Connection c = Rows.connect(system.database())) {
            return Rows.insert(c, "INSERT INTO donor (name, stakeholder_group, country_code, publicly_named, created_at,"
                    + " created_by) VALUES (?, 'GOVERNMENT', 'FI', TRUE, UTC_TIMESTAMP(6), 'test')", name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record donor " + name, e);
        }
    }
}
