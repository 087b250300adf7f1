package org.trustfund.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditEntry;
import org.trustfund.audit.AuditQuery;
import org.trustfund.audit.AuditRepository;
import org.trustfund.contribution.ContributionInput;
import org.trustfund.contribution.ContributionService;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.ConcurrentChangeException;
import org.trustfund.security.Roles;
import org.trustfund.testing.FixedCaller;
import org.trustfund.testing.FundFixture;
import org.trustfund.testing.TestDatabase;

/** The administrator's rules for reference data, on the real database. */
class ReferenceDataIT {

    private static final FixedCaller ADMIN = FixedCaller.of("admin", Roles.ADMIN);

    private TestDatabase db;
    private FundFixture fixture;

    @BeforeEach
    void database() {
        db = TestDatabase.migrated();
        fixture = FundFixture.create(db, false);
    }

    @AfterEach
    void drop() {
        db.close();
    }

    private <T> T admin(Function<ReferenceData, T> work) {
        return db.inTransaction(em -> work.apply(new ReferenceData(em, ADMIN)));
    }

    private ExchangeRate rate(String currency, String date) {
        return admin(r -> r.rates(currency, 100).stream()
                .filter(x -> x.getEffectiveDate().equals(LocalDate.parse(date))).findFirst().orElseThrow());
    }

    private long count(String currency) {
        return db.inTransaction(em -> new ReferenceData(em, ADMIN).countRates(currency));
    }

    private boolean used(long rateId) {
        return db.inTransaction(em -> new ReferenceData(em, ADMIN).isRateUsed(rateId));
    }

    // ---- rates entered one by one

    @Test
    void aRateUsedByAContributionCannotBeCorrectedOnlySupersededByALaterOne() {
        db.run(em -> new ContributionService(em, FixedCaller.of("officer", Roles.FINANCE_OFFICER)).record(
                new ContributionInput(fixture.donorId, fixture.fundId, LocalDate.of(2026, 2, 20),
                        Money.of("1000.00", "EUR"), "BANK-1", Map.of())));
        ExchangeRate used = rate("EUR", "2026-02-15");
        ExchangeRate unused = rate("EUR", "2026-02-01");
        assertTrue(used(used.getId()));
        assertFalse(used(unused.getId()));
        assertEquals(Set.of(used.getId()), admin(r -> r.usedRateIds(List.of(used.getId(), unused.getId()))));

        BusinessException refused = assertThrows(BusinessException.class, () -> admin(r ->
                r.correctRate(used.getId(), used.getVersion(), new BigDecimal("0.87"))));
        assertEquals("rate.used", refused.messageKey());
        assertEquals("unitsPerUsd", refused.field().orElseThrow());
        assertEquals(0, new BigDecimal("0.88").compareTo(rate("EUR", "2026-02-15").getUnitsPerUsd()), "unchanged");

        // The unused one can still be corrected.
        admin(r -> r.correctRate(unused.getId(), unused.getVersion(), new BigDecimal("0.901")));
        assertEquals(0, new BigDecimal("0.901").compareTo(rate("EUR", "2026-02-01").getUnitsPerUsd()));

        // A mid-month revision supersedes the used rate from its own date; before it, the old rate holds.
        admin(r -> r.addRate(new RateRow("EUR", LocalDate.of(2026, 2, 22), new BigDecimal("0.87"))));
        assertEquals(0, new BigDecimal("0.87").compareTo(admin(r -> r.rateInForce("EUR", LocalDate.of(2026, 2, 25)))
                .orElseThrow().getUnitsPerUsd()));
        assertEquals(used.getId(), admin(r -> r.rateInForce("EUR", LocalDate.of(2026, 2, 21))).orElseThrow().getId());
    }

    @Test
    void aCorrectionWithAStaleVersionIsRefused() {
        ExchangeRate rate = rate("JPY", "2026-01-01");
        admin(r -> r.correctRate(rate.getId(), rate.getVersion(), new BigDecimal("151")));
        BusinessException stale = assertThrows(ConcurrentChangeException.class, () -> admin(r ->
                r.correctRate(rate.getId(), rate.getVersion(), new BigDecimal("152"))));
        assertEquals("record.changedByAnother", stale.messageKey());
        assertEquals(0, new BigDecimal("151").compareTo(rate("JPY", "2026-01-01").getUnitsPerUsd()));
    }

    @Test
    void aSecondRateForTheSameCurrencyAndDateIsRefused() {
        BusinessException duplicate = assertThrows(BusinessException.class, () -> admin(r ->
                r.addRate(new RateRow("EUR", LocalDate.of(2026, 2, 1), new BigDecimal("0.95")))));
        assertEquals("rate.exists", duplicate.messageKey());
        assertEquals("effectiveDate", duplicate.field().orElseThrow());
        assertEquals(3L, count("EUR"));

        BusinessException notAccepted = assertThrows(BusinessException.class, () -> admin(r ->
                r.addRate(new RateRow("GBP", LocalDate.of(2026, 2, 1), new BigDecimal("0.8")))));
        assertEquals("rate.currency.unknown", notAccepted.messageKey());
    }

    @Test
    void ratesArePagedNewestFirstAndFilteredByCurrency() {
        assertEquals(4L, count(null));
        List<String> firstTwo = admin(r -> r.rates(null, 0, 2)).stream().map(ExchangeRate::toString).toList();
        assertEquals(List.of("EUR 0.880000 per USD from 2026-02-15", "EUR 0.900000 per USD from 2026-02-01"), firstTwo);
        List<String> next = admin(r -> r.rates(null, 2, 2)).stream().map(ExchangeRate::getCurrency).toList();
        assertEquals(List.of("EUR", "JPY"), next, "same date: by currency");
        assertEquals(List.of(LocalDate.of(2026, 1, 1)), admin(r -> r.rates("JPY", 0, 10)).stream()
                .map(ExchangeRate::getEffectiveDate).toList());
    }

    // ---- rate files

    @Test
    void anImportWithOneBadRowSavesNothingAndListsEveryProblem() {
        RateImport result = admin(r -> r.importRateFile("march.csv", csv("""
                currency,effective_date,units_per_usd
                EUR,2026-03-01,0.91
                CHF,2026-03-01,0.89
                GBP,2026-03-01,0.79
                JPY,2026-01-01,151
                USD,2026-03-01,1
                JPY,2026-03-01,abc
                """)));
        assertTrue(result.isRejected());
        assertEquals(0, result.added());
        assertEquals(6, result.rows());
        assertEquals(List.of(
                        RateFileProblem.of(4, "currency", "rate.file.currency.notAccepted", "GBP"),
                        RateFileProblem.of(5, "units_per_usd", "rate.file.exists", "JPY", "2026-01-01", "150"),
                        RateFileProblem.of(6, "currency", "rate.file.currency.usd"),
                        RateFileProblem.of(7, "units_per_usd", "rate.file.value.format", "abc")),
                result.problems());
        assertEquals(4L, count(null), "nothing saved, not even the good rows");
    }

    @Test
    void importingTheSameFileAgainAddsNothing() {
        byte[] file = csv("""
                currency,effective_date,units_per_usd
                EUR,2026-03-01,0.91
                CHF,2026-03-01,0.89
                JPY,2026-03-01,149.5
                EUR,2026-02-15,0.88
                """);
        RateImport first = admin(r -> r.importRateFile("march.csv", file));
        assertEquals(List.of(), first.problems());
        assertEquals(3, first.added());
        assertEquals(1, first.alreadyThere(), "the February rate was already recorded with that value");
        assertEquals(7L, count(null));
        assertEquals(0, new BigDecimal("149.5").compareTo(
                admin(r -> r.rateInForce("JPY", LocalDate.of(2026, 3, 31))).orElseThrow().getUnitsPerUsd()));

        RateImport again = admin(r -> r.importRateFile("march.csv", file));
        assertEquals(0, again.added());
        assertEquals(4, again.alreadyThere());
        assertFalse(again.isRejected());
        assertEquals(7L, count(null));

        List<AuditEntry> audit = db.inTransaction(em -> new AuditRepository(em).search(
                new AuditQuery("admin", "ExchangeRate", AuditAction.CREATE, null, null, true), 0, 10));
        assertEquals(1, audit.size(), "one audit entry for the import that added rates, none for the one that did not");
        assertTrue(audit.get(0).getDetails().startsWith("3 rates imported from march.csv: "), audit.get(0).getDetails());
    }

    @Test
    void aYearOfRatesForEveryCurrencyImportsOnceInOneFile() {
        List<String> codes = java.util.Currency.getAvailableCurrencies().stream().map(java.util.Currency::getCurrencyCode)
                .filter(c -> !Set.of("USD", "EUR", "JPY", "CHF").contains(c)).sorted().limit(150).toList();
        db.run(em -> codes.forEach(c -> em.persist(new AcceptedCurrency(c, null))));
        StringBuilder file = new StringBuilder("currency,effective_date,units_per_usd\n");
        for (String code : codes) {
            for (int month = 1; month <= 12; month++) {
                file.append(code).append(",2025-").append(month < 10 ? "0" : "").append(month).append("-01,")
                        .append(month).append(".25\n");
            }
        }
        long start = System.nanoTime();
        RateImport first = admin(r -> r.importRateFile("2025.csv", csv(file.toString())));
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1800, first.added(), first.problems().toString());
        start = System.nanoTime();
        RateImport again = admin(r -> r.importRateFile("2025.csv", csv(file.toString())));
        long againMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, again.added());
        assertEquals(1800, again.alreadyThere());
        assertEquals(1804L, count(null));
        System.out.printf("1,800-row rate file: imported in %d ms, re-imported (nothing added) in %d ms%n",
                firstMillis, againMillis);
    }

    @Test
    void anImportedWorkbookGoesThroughTheSameRules() {
        byte[] template = RateFileTemplate.xlsx("Instructions", List.of("Fill in the first sheet."));
        byte[] filled;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(template));
                var out = new java.io.ByteArrayOutputStream()) {
            var row = wb.getSheet("Rates").createRow(1);
            row.createCell(0).setCellValue("CHF");
            row.createCell(1).setCellValue(LocalDate.of(2026, 4, 1));
            row.getCell(1).setCellStyle(wb.getSheet("Rates").getColumnStyle(1));
            row.createCell(2).setCellValue(0.8875);
            wb.write(out);
            filled = out.toByteArray();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        RateImport result = admin(r -> r.importRateFile("april.xlsx", filled));
        assertEquals(1, result.added());
        assertEquals(0, new BigDecimal("0.8875").compareTo(rate("CHF", "2026-04-01").getUnitsPerUsd()));
    }

    @Test
    void aFileThatIsNotARateFileIsRefusedAtTheFileField() {
        BusinessException e = assertThrows(BusinessException.class,
                () -> admin(r -> r.importRateFile("rates.exe", new byte[] {0x4D, 0x5A})));
        assertEquals("rate.file.type", e.messageKey());
        assertEquals("file", e.field().orElseThrow());
        assertEquals(4L, count(null));
    }

    // ---- funds, countries, currencies

    @Test
    void aFundTakesTheDefaultSupportCostRateAndAStaleEditIsRefused() {
        Fund created = admin(r -> r.createFund(" wsis-tf ", "WSIS Trust Fund", LocalDate.of(2026, 1, 1), null));
        assertEquals("WSIS-TF", created.getCode());
        assertEquals(0, new BigDecimal("0.13").compareTo(created.getPscRate()));
        assertEquals("USD", created.getBaseCurrency());

        admin(r -> r.updateFund(created.getId(), created.getVersion(), "WSIS Fund", LocalDate.of(2026, 2, 1),
                new BigDecimal("0.07")));
        BusinessException stale = assertThrows(BusinessException.class, () -> admin(r -> r.updateFund(created.getId(),
                created.getVersion(), "Overwritten", LocalDate.of(2026, 1, 1), new BigDecimal("0.13"))));
        assertEquals("record.changedByAnother", stale.messageKey());
        Fund now = admin(r -> r.fund(created.getId())).orElseThrow();
        assertEquals("WSIS Fund", now.getName());
        assertEquals(0, new BigDecimal("0.07").compareTo(now.getPscRate()));

        BusinessException taken = assertThrows(BusinessException.class, () -> admin(r ->
                r.createFund("IGF", "Another", LocalDate.of(2026, 1, 1), null)));
        assertEquals("fund.code.taken", taken.messageKey());
        assertEquals(List.of("IGF", "WSIS-TF"), admin(ReferenceData::funds).stream().map(Fund::getCode).toList());
    }

    @Test
    void aCountryIsRenamedButItsStatusChangesOnlyByADatedPeriod() {
        admin(r -> r.saveCountry("ke", "Kenya (Republic of)", null, "Africa", "Eastern Africa"));
        Country kenya = admin(r -> r.country("KE")).orElseThrow();
        assertEquals("Kenya (Republic of)", kenya.getName());
        assertEquals("Eastern Africa", kenya.getSubRegion());
        assertEquals(DevelopmentStatus.DEVELOPING, kenya.statusOn(LocalDate.of(2026, 12, 2)).orElseThrow());
        BusinessException byPeriod = assertThrows(BusinessException.class, () -> admin(r ->
                r.saveCountry("KE", "Kenya", DevelopmentStatus.LEAST_DEVELOPED, "Africa", null)));
        assertEquals("country.status.byPeriod", byPeriod.messageKey());
        assertEquals("status", byPeriod.field().orElseThrow());
        BusinessException unknown = assertThrows(BusinessException.class, () -> admin(r ->
                r.saveCountry("XX", "Nowhere", DevelopmentStatus.DEVELOPED, "Europe", null)));
        assertEquals("country.code.invalid", unknown.messageKey());
        assertEquals("code", unknown.field().orElseThrow());
    }

    @Test
    void aCurrencyIsAddedByItsIsoCodeAndAnUnknownCodeIsRefusedAtTheField() {
        AcceptedCurrency gbp = admin(r -> r.addCurrency("gbp", null));
        assertEquals("GBP", gbp.getCode());
        assertEquals("British Pound", gbp.getName());
        assertEquals(2, gbp.getMinorUnits());
        BusinessException unknown = assertThrows(BusinessException.class, () -> admin(r -> r.addCurrency("ABC", null)));
        assertEquals("currency.unknown", unknown.messageKey());
        assertEquals("code", unknown.field().orElseThrow());
        BusinessException again = assertThrows(BusinessException.class, () -> admin(r -> r.addCurrency("GBP", null)));
        assertEquals("currency.exists", again.messageKey());
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
