package org.trustfund.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditEntry;
import org.trustfund.audit.AuditQuery;
import org.trustfund.audit.AuditRepository;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.ConcurrentChangeException;
import org.trustfund.platform.UnknownRecordException;
import org.trustfund.security.Roles;
import org.trustfund.testing.FixedCaller;
import org.trustfund.testing.TestDatabase;

/** The countries and status histories the migrations ship, and an administrator adding a period, on the real database. */
class CountryStatusIT {

    private static final FixedCaller ADMIN = FixedCaller.of("admin", Roles.ADMIN);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    /** UN-OHRLLS: the 32 landlocked developing countries. */
    private static final Set<String> LLDC = Set.of("AF", "AM", "AZ", "BT", "BO", "BW", "BF", "BI", "CF", "TD", "SZ",
            "ET", "KZ", "KG", "LA", "LS", "MW", "ML", "MD", "MN", "NP", "NE", "MK", "PY", "RW", "SS", "TJ", "TM", "UG",
            "UZ", "ZM", "ZW");
    /** UN-OHRLLS: the small island developing States that are UN members. */
    private static final Set<String> SIDS = Set.of("AG", "BS", "BB", "BZ", "CU", "DM", "DO", "GD", "GY", "HT", "JM",
            "KN", "LC", "VC", "SR", "TT", "FJ", "KI", "MH", "FM", "NR", "PW", "PG", "WS", "SB", "TL", "TO", "TV", "VU",
            "BH", "CV", "KM", "GW", "MV", "MU", "ST", "SC", "SG");

    private TestDatabase db;

    @BeforeEach
    void database() {
        db = TestDatabase.migrated();
    }

    @AfterEach
    void drop() {
        db.close();
    }

    private <T> T admin(Function<ReferenceData, T> work) {
        return db.inTransaction(em -> work.apply(new ReferenceData(em, ADMIN)));
    }

    private DevelopmentStatus on(String code, String date) {
        return admin(r -> r.developmentStatusOn(code, LocalDate.parse(date))).orElseThrow();
    }

    @Test
    void everyIsoCountryIsThereWithItsRegionAndAStatusFromTheBaseDate() {
        List<Country> countries = admin(ReferenceData::countries);
        assertTrue(countries.size() >= 249, "countries: " + countries.size());
        assertEquals(new TreeSet<>(List.of(Locale.getISOCountries())),
                countries.stream().map(Country::getCode).collect(Collectors.toCollection(TreeSet::new)));
        for (Country c : countries) {
            assertTrue(!c.getStatuses().isEmpty(), c.getCode() + " has no status");
            assertEquals(Country.HISTORY_START, c.getStatuses().get(0).getEffectiveFrom(), c.getCode());
            assertTrue(c.statusOn(TODAY).isPresent(), c.getCode());
        }
        Country kenya = countries.stream().filter(c -> c.getCode().equals("KE")).findFirst().orElseThrow();
        assertEquals(List.of("Kenya", "Africa", "Sub-Saharan Africa", "Eastern Africa"),
                List.of(kenya.getName(), kenya.getRegion(), kenya.getSubRegion(), kenya.getIntermediateRegion()));
        Country france = countries.stream().filter(c -> c.getCode().equals("FR")).findFirst().orElseThrow();
        assertEquals(List.of("Europe", "Western Europe"), List.of(france.getRegion(), france.getSubRegion()));
    }

    @Test
    void graduationsFromTheLdcListTakeEffectOnTheirDay() {
        assertEquals(DevelopmentStatus.LEAST_DEVELOPED, on("BT", "2023-12-12"));
        assertEquals(DevelopmentStatus.LANDLOCKED_DEVELOPING, on("BT", "2023-12-13"));
        assertEquals(DevelopmentStatus.LEAST_DEVELOPED, on("ST", "2024-12-12"));
        assertEquals(DevelopmentStatus.SMALL_ISLAND_DEVELOPING, on("ST", "2024-12-13"));
        assertEquals(DevelopmentStatus.LEAST_DEVELOPED, on("SB", "2024-12-12"));
        assertEquals(DevelopmentStatus.SMALL_ISLAND_DEVELOPING, on("SB", "2024-12-13"));
        assertEquals(DevelopmentStatus.LEAST_DEVELOPED, on("BW", "1994-12-14"));
        assertEquals(DevelopmentStatus.LANDLOCKED_DEVELOPING, on("BW", "1994-12-15"));
        assertEquals(DevelopmentStatus.SMALL_ISLAND_DEVELOPING, on("CV", "2007-12-20"));
        assertEquals(DevelopmentStatus.SMALL_ISLAND_DEVELOPING, on("MV", "2011-01-01"));
        assertEquals(DevelopmentStatus.SMALL_ISLAND_DEVELOPING, on("WS", "2014-01-01"));
        assertEquals(DevelopmentStatus.LEAST_DEVELOPED, on("GQ", "2017-06-03"));
        assertEquals(DevelopmentStatus.DEVELOPING, on("GQ", "2017-06-04"));
        assertEquals(DevelopmentStatus.SMALL_ISLAND_DEVELOPING, on("VU", "2020-12-04"));
        for (String code : List.of("BD", "LA", "NP")) {
            assertEquals(DevelopmentStatus.LEAST_DEVELOPED, on(code, "2026-11-23"), code);
        }
        assertEquals(DevelopmentStatus.DEVELOPING, on("BD", "2026-11-24"));
        assertEquals(DevelopmentStatus.LANDLOCKED_DEVELOPING, on("LA", "2026-11-24"));
        assertEquals(DevelopmentStatus.LANDLOCKED_DEVELOPING, on("NP", "2026-11-24"));
        // Senegal joined the list in 2000: developing before.
        assertEquals(DevelopmentStatus.DEVELOPING, on("SN", "1999-12-31"));
        assertEquals(DevelopmentStatus.LEAST_DEVELOPED, on("SN", "2000-01-01"));
    }

    @Test
    void theGroupsAreTheUnListsOfToday() {
        Map<String, DevelopmentStatus> today = admin(ReferenceData::countries).stream()
                .collect(Collectors.toMap(Country::getCode, c -> c.statusOn(TODAY).orElseThrow()));
        Map<String, DevelopmentStatus> end2023 = admin(ReferenceData::countries).stream()
                .collect(Collectors.toMap(Country::getCode, c -> c.statusOn(LocalDate.of(2023, 12, 12)).orElseThrow()));
        assertEquals(40, count(today, DevelopmentStatus.LEAST_DEVELOPED), "LDCs after Bangladesh, Lao PDR and Nepal left");
        assertEquals(46, count(end2023, DevelopmentStatus.LEAST_DEVELOPED), "LDCs before Bhutan left");
        for (String code : LLDC) {
            assertTrue(Set.of(DevelopmentStatus.LEAST_DEVELOPED, DevelopmentStatus.LANDLOCKED_DEVELOPING)
                    .contains(today.get(code)), code + " is " + today.get(code));
        }
        for (String code : SIDS) {
            assertTrue(Set.of(DevelopmentStatus.LEAST_DEVELOPED, DevelopmentStatus.SMALL_ISLAND_DEVELOPING)
                    .contains(today.get(code)), code + " is " + today.get(code));
        }
        for (String code : List.of("RU", "UA", "BY", "GE", "RS", "AL", "BA", "ME")) {
            assertEquals(DevelopmentStatus.TRANSITION, today.get(code), code);
        }
        for (String code : List.of("DE", "FR", "PL", "CH", "NO", "GB", "US", "CA", "JP", "AU", "NZ", "IS", "GL", "LI")) {
            assertEquals(DevelopmentStatus.DEVELOPED, today.get(code), code);
        }
        for (String code : List.of("KE", "BR", "CN", "IN", "KR", "IL", "HK", "RE", "ZA")) {
            assertEquals(DevelopmentStatus.DEVELOPING, today.get(code), code);
        }
    }

    private static long count(Map<String, DevelopmentStatus> statuses, DevelopmentStatus status) {
        return statuses.values().stream().filter(status::equals).count();
    }

    @Test
    void anAddedPeriodCountsFromItsDateAndIsAudited() {
        long version = admin(r -> r.country("KE")).orElseThrow().getVersion();
        CountryStatus added = admin(r -> r.addCountryStatus("ke", version, LocalDate.of(2030, 1, 1),
                DevelopmentStatus.DEVELOPED, "  Fictional: a test of a future period  "));
        assertEquals("Fictional: a test of a future period", added.getReason());
        assertEquals("admin", added.getRecordedBy());
        assertEquals(DevelopmentStatus.DEVELOPING, on("KE", "2029-12-31"));
        assertEquals(DevelopmentStatus.DEVELOPED, on("KE", "2030-01-01"));
        Country kenya = admin(r -> r.country("KE")).orElseThrow();
        assertEquals(2, kenya.getStatuses().size());
        assertEquals(version + 1, kenya.getVersion(), "a new period changes the country's version");

        List<AuditEntry> audit = db.inTransaction(em -> new AuditRepository(em).search(
                new AuditQuery("admin", "Country", AuditAction.CREATE, null, null, true), 0, 10));
        assertEquals(1, audit.size());
        assertEquals("KE", audit.get(0).getEntityId());
        assertTrue(audit.get(0).getDetails().contains("2030-01-01") && audit.get(0).getDetails().contains("DEVELOPED"),
                audit.get(0).getDetails());
    }

    @Test
    void overlappingOrIdlePeriodsAndStaleVersionsAreRefused() {
        Country bhutan = admin(r -> r.country("BT")).orElseThrow();
        BusinessException overlap = assertThrows(BusinessException.class, () -> admin(r -> r.addCountryStatus("BT",
                bhutan.getVersion(), LocalDate.of(2023, 12, 13), DevelopmentStatus.DEVELOPING, "Same day")));
        assertEquals("country.status.date.taken", overlap.messageKey());
        assertEquals("effectiveFrom", overlap.field().orElseThrow());
        BusinessException idle = assertThrows(BusinessException.class, () -> admin(r -> r.addCountryStatus("BT",
                bhutan.getVersion(), LocalDate.of(2025, 6, 1), DevelopmentStatus.LANDLOCKED_DEVELOPING, "No change")));
        assertEquals("country.status.unchanged", idle.messageKey());
        assertEquals("status", idle.field().orElseThrow());
        BusinessException stale = assertThrows(ConcurrentChangeException.class, () -> admin(r -> r.addCountryStatus("BT",
                bhutan.getVersion() - 1, LocalDate.of(2025, 6, 1), DevelopmentStatus.DEVELOPING, "Stale")));
        assertEquals("record.changedByAnother", stale.messageKey());
        BusinessException unknown = assertThrows(UnknownRecordException.class, () -> admin(r -> r.addCountryStatus("XX",
                0, LocalDate.of(2025, 6, 1), DevelopmentStatus.DEVELOPING, "Nowhere")));
        assertEquals("country.unknown", unknown.messageKey());
        assertEquals(2, admin(r -> r.country("BT")).orElseThrow().getStatuses().size(), "nothing was added");
        assertEquals(0L, (long) db.inTransaction(em -> new AuditRepository(em).count(
                new AuditQuery(null, "Country", null, null, null, true))));
        // The database refuses a second period from the same date even past the application.
        assertThrows(SQLException.class, () -> db.sql("INSERT INTO country_status (country_code, effective_from, status,"
                + " recorded_at, recorded_by, reason) VALUES ('BT', '2023-12-13', 'DEVELOPING', UTC_TIMESTAMP(6), 'x', 'x')"));
    }

    @Test
    void noStatusBeforeTheHistoryBegins() {
        assertEquals(Optional.empty(), admin(r -> r.developmentStatusOn("CH", LocalDate.of(1971, 11, 17))));
        assertEquals(DevelopmentStatus.DEVELOPED, on("CH", "1971-11-18"));
        BusinessException unknown = assertThrows(UnknownRecordException.class, () ->
                admin(r -> r.developmentStatusOn("XX", TODAY)));
        assertEquals("country.unknown", unknown.messageKey());
    }
}
