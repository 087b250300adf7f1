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
    /**
     * A recorded (not certified) in-kind contribution of the donor to the IGF fund: a venue, USD 2,500.00, as a
     * finance officer would have recorded it; its id. For tests whose subject is not the in-kind form.
     */
    public static long inKind(RunningSystem system, long donorId) {
        try (Connection c = Rows.connect(system.database())) {
            return Rows.insert(c, "INSERT INTO in_kind_contribution (donor_id, fund_id, start_date, description, category,"
                    + " nature, recognized, amount, currency, units_per_usd, usd_amount, valuation_basis, status,"
                    + " recorded_at, recorded_by) SELECT ?, id, '2025-03-10', 'Meeting rooms for the open consultations',"
                    + " 'VENUE_AND_PREMISES', 'GOODS', TRUE, 2500.00, 'USD', 1.000000, 2500.00, 'MARKET_RATE', 'RECORDED',"
                    + " UTC_TIMESTAMP(6), 'test' FROM fund WHERE code = 'IGF'", donorId);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record an in-kind contribution for donor " + donorId, e);
        }
    }

    /** A new intermediary foundation (a donor of its own, in the United States) with this name; its id. */
    public static long intermediary(RunningSystem system, String name) {
        ensure(system);
        try (Connection c = Rows.connect(system.database())) {
            long donor = Rows.insert(c, "INSERT INTO donor (name, stakeholder_group, country_code, publicly_named, created_at,"
                    + " created_by) VALUES (?, 'CIVIL_SOCIETY', 'US', TRUE, UTC_TIMESTAMP(6), 'test')", name);
            return Rows.insert(c, "INSERT INTO intermediary (donor_id, fee_terms, created_at, created_by)"
                    + " VALUES (?, '3 % overhead plus card fees', UTC_TIMESTAMP(6), 'test')", donor);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record intermediary " + name, e);
        }
    }

    /**
     * A recorded (not certified) USD transfer from the intermediary to the IGF fund that reconciles: gross 1,000.00
     * from two gifts (one anonymous), fees 30.00, net 970.00; its id.
     */
    public static long transfer(RunningSystem system, long intermediaryId) {
        try (Connection c = Rows.connect(system.database())) {
            long id = Rows.insert(c, "INSERT INTO intermediary_transfer (intermediary_id, donor_id, fund_id, received_date,"
                    + " currency, gross, fees, net, bank_reference, units_per_usd, usd_gross, usd_fees, usd_net, status,"
                    + " recorded_at, recorded_by) SELECT i.id, i.donor_id, f.id, '2025-03-10', 'USD', 1000.00, 30.00, 970.00,"
                    + " 'TR-TEST', 1.000000, 1000.00, 30.00, 970.00, 'RECORDED', UTC_TIMESTAMP(6), 'test'"
                    + " FROM intermediary i, fund f WHERE i.id = ? AND f.code = 'IGF'", intermediaryId);
            Rows.insert(c, "INSERT INTO transfer_gift (transfer_id, seq, giver_name, giver_kind, anonymous, publicly_named,"
                    + " amount, usd_amount) VALUES (?, 1, 'Ada Example', 'PERSON', FALSE, TRUE, 600.00, 600.00)", id);
            Rows.insert(c, "INSERT INTO transfer_gift (transfer_id, seq, giver_name, giver_kind, anonymous, publicly_named,"
                    + " amount, usd_amount) VALUES (?, 2, NULL, 'PERSON', TRUE, FALSE, 400.00, 400.00)", id);
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record a transfer of intermediary " + intermediaryId, e);
        }
    }

    /**
     * A requested (not approved) trip to the IGF fund's "Matrix meeting" in Geneva for a new traveller resident in
     * Ethiopia (least developed), ticket and DSA in US dollars; its id. Staff records, the same for every column.
     */
    public static long travelRequest(RunningSystem system, String travellerName) {
        try (Connection c = Rows.connect(system.database())) {
            long event = Rows.insert(c, "INSERT INTO travel_event (name, event_type, city, country_code, start_date, end_date,"
                    + " created_at, created_by) VALUES ('Matrix meeting', 'OPEN_CONSULTATIONS_MAG', 'Geneva', 'CH',"
                    + " '2025-03-10', '2025-03-12', UTC_TIMESTAMP(6), 'test')");
            long traveller = Rows.insert(c, "INSERT INTO traveller (name, gender, nationality, residence, stakeholder_group,"
                    + " mag_member, created_at, created_by) VALUES (?, 'FEMALE', 'ET', 'ET', 'CIVIL_SOCIETY', TRUE,"
                    + " UTC_TIMESTAMP(6), 'test')", travellerName);
            return Rows.insert(c, "INSERT INTO travel_request (traveller_id, programme_id, event_id, fund_id, itinerary, asks,"
                    + " requested_on, departure_date, return_date, currency, ticket_amount, other_amount, dsa_city,"
                    + " dsa_rate_usd, dsa_days, terminal_usd, units_per_usd, costed_usd, residence_status, status,"
                    + " requested_at, requested_by) SELECT ?, p.id, ?, f.id, 'Addis Ababa – Geneva – Addis Ababa', 'BOTH',"
                    + " '2025-01-20', '2025-03-09', '2025-03-13', 'USD', 1200.00, 0, 'Geneva', 400.00, 4, 100.00, 1.000000,"
                    + " 2900.00, 'LEAST_DEVELOPED', 'REQUESTED', UTC_TIMESTAMP(6), 'test' FROM travel_programme p, fund f"
                    + " WHERE p.code = 'MAG_TRAVEL' AND f.code = 'IGF'", traveller, event);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record a travel request for " + travellerName, e);
        }
    }

    /** The traveller of a travel request. */
    public static long travellerOf(RunningSystem system, long travelRequest) {
        try (Connection c = Rows.connect(system.database())) {
            return Rows.number(c, "SELECT traveller_id FROM travel_request WHERE id = ?", travelRequest);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the traveller of travel request " + travelRequest, e);
        }
    }

    /** A recorded (not certified) USD expense of the IGF fund; its id. */
    public static long expenditure(RunningSystem system, String reference) {
        try (Connection c = Rows.connect(system.database())) {
            return Rows.insert(c, "INSERT INTO other_expenditure (fund_id, category, expense_date, amount, currency,"
                    + " units_per_usd, usd_amount, reference, description, status, recorded_at, recorded_by)"
                    + " SELECT id, 'OPERATING_EXPENSES', '2025-03-10', 250.00, 'USD', 1.000000, 250.00, ?,"
                    + " 'Courier for the open consultations', 'RECORDED', UTC_TIMESTAMP(6), 'test' FROM fund WHERE code = 'IGF'",
                    reference);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record an expenditure " + reference, e);
        }
    }
}
