package org.trustfund.contribution.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustfund.contribution.imports.Workbooks.row;
import static org.trustfund.contribution.imports.Workbooks.rows;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustfund.contribution.Contribution;
import org.trustfund.contribution.ContributionService;
import org.trustfund.contribution.ContributionStatus;
import org.trustfund.contribution.imports.ImportResult.Outcome;
import org.trustfund.ledger.LedgerCheck;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.pledge.Pledge;
import org.trustfund.pledge.PledgeInput;
import org.trustfund.pledge.PledgeService;
import org.trustfund.pledge.ScheduleLine;
import org.trustfund.security.Roles;
import org.trustfund.testing.FixedCaller;
import org.trustfund.testing.FundFixture;
import org.trustfund.testing.TestDatabase;

/** The contribution import on the real database: all or nothing, at the right rates, idempotent. */
class ContributionImportIT {

    private static final String DONOR = "Fictional Ministry of Digital Affairs";
    private static final FixedCaller OFFICER = FixedCaller.of("officer.one", Roles.FINANCE_OFFICER);
    private static final FixedCaller CERTIFIER = FixedCaller.of("certifier.two", Roles.CERTIFYING_OFFICER);

    private TestDatabase db;
    private FundFixture fixture;

    @BeforeEach
    void database() {
        db = TestDatabase.migrated();
        fixture = FundFixture.create(db);
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void aGoodFileRecordsEveryRowAtTheRateInForceOnItsDate() throws SQLException {
        byte[] file = Workbooks.xlsx(rows(
                row(LocalDate.of(2026, 1, 10), null, DONOR, "IGF", "EUR", new BigDecimal("1000.00"), "BNK-001"),
                row("2026-02-20", fixture.donorId, null, "IGF", "EUR", new BigDecimal("500"), "BNK-002"),
                row(LocalDate.of(2026, 3, 1), fixture.otherDonorId, "Fictional Other Donor", "igf", "usd", 250.75, "BNK-003"),
                row(LocalDate.of(2026, 1, 31), fixture.donorId, null, "IGF", "JPY", 150000, "BNK-004")));

        ImportResult result = importAs(OFFICER, "bank statement.xlsx", file);

        assertEquals(Outcome.IMPORTED, result.outcome(), () -> result.errors().toString());
        assertEquals(4, result.rows());
        assertEquals(4, result.recorded());
        assertEquals(0, result.alreadyImported());
        List<Contribution> recorded = contributions();
        assertEquals(List.of("BNK-001", "BNK-002", "BNK-003", "BNK-004"),
                recorded.stream().map(Contribution::getBankReference).toList());
        // 1000 / 0.92, 500 / 0.88 (the mid-February revision), USD as is, 150000 / 150.
        assertEquals(List.of("1086.96", "568.18", "250.75", "1000.00"),
                recorded.stream().map(c -> c.getUsdAmount().toPlainString()).toList());
        assertEquals(List.of("0.920000", "0.880000", "1.000000", "150.000000"),
                recorded.stream().map(c -> c.getUnitsPerUsd().toPlainString()).toList());
        for (Contribution c : recorded) {
            assertEquals(ContributionStatus.RECORDED, c.getStatus(), "awaits certification");
            assertEquals("officer.one", c.getRecordedBy());
            assertEquals(result.batchId(), c.getImportBatchId());
            assertTrue(c.getApplications().isEmpty());
        }
        assertEquals(Money.of("1000.00", "EUR"), recorded.get(0).getAmount());
        assertEquals(fixture.otherDonorId, recorded.get(2).getDonor().getId());
        assertEquals(LocalDate.of(2026, 2, 20), recorded.get(1).getReceivedDate());

        ImportedFile batch = db.inTransaction(em -> em.find(ImportedFile.class, result.batchId()));
        assertEquals("bank statement.xlsx", batch.getFileName());
        assertEquals(ContributionImport.sha256(file), batch.getFileSha256());
        assertEquals(4, batch.getRowCount());
        assertEquals(4, batch.getAddedCount());
        assertEquals(List.of("CREATE ImportBatch " + result.batchId() + " officer.one"), auditEntries());
        assertEquals(0L, count("SELECT COUNT(*) FROM journal"), "recording posts nothing; certification will");
    }

    @Test
    void badRowsRejectTheWholeFileWithEachProblemAtItsRowAndColumn() throws SQLException {
        List<Object[]> rows = goodRows(10);
        rows.get(5)[5] = new BigDecimal("-120.00");
        rows.get(7)[4] = "XYZ";

        ImportResult result = importAs(OFFICER, "march.xlsx", Workbooks.xlsx(rows));

        assertEquals(Outcome.REJECTED, result.outcome());
        assertEquals(List.of(
                RowError.of(7, "F", "Amount", "import.row.amount.notPositive", "-120"),
                RowError.of(9, "E", "Currency", "import.row.currency.notAccepted", "XYZ")), result.errors());
        assertEquals(2, result.errorCount());
        assertEquals(10, result.rows());
        assertEquals(0, result.recorded());
        assertNothingSaved();
    }

    @Test
    void everyRuleOfAContributionIsCheckedOnEveryRow() throws SQLException {
        db.run(em -> em.persist(new org.trustfund.donor.Donor(new org.trustfund.donor.DonorDetails("Twin Foundation",
                org.trustfund.donor.StakeholderGroup.FOUNDATION, "CH", null, null, true, "en"),
                em.find(org.trustfund.reference.Country.class, "CH"), java.time.Instant.now(), "setup")));
        db.run(em -> em.persist(new org.trustfund.donor.Donor(new org.trustfund.donor.DonorDetails("Twin Foundation",
                org.trustfund.donor.StakeholderGroup.FOUNDATION, "CH", null, null, true, "en"),
                em.find(org.trustfund.reference.Country.class, "CH"), java.time.Instant.now(), "setup")));
        LocalDate tomorrow = LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1);
        byte[] file = Workbooks.xlsx(rows(
                row(LocalDate.of(2026, 1, 10), 999_999, null, "IGF", "EUR", 10, "R2"),
                row(LocalDate.of(2026, 1, 10), null, "Nobody We Know", "IGF", "EUR", 10, "R3"),
                row(LocalDate.of(2026, 1, 10), null, "Twin Foundation", "IGF", "EUR", 10, "R4"),
                row(LocalDate.of(2026, 1, 10), fixture.donorId, "Fictional Other Donor", "IGF", "EUR", 10, "R5"),
                row(LocalDate.of(2026, 1, 10), fixture.donorId, null, "NOPE", "EUR", 10, "R6"),
                row(tomorrow, fixture.donorId, null, "IGF", "USD", 10, "R7"),
                row(LocalDate.of(2025, 12, 31), fixture.donorId, null, "IGF", "EUR", 10, "R8"),
                row(LocalDate.of(2026, 1, 10), fixture.donorId, null, "IGF", "CHF", 10, "R9"),
                row(LocalDate.of(2026, 1, 10), fixture.donorId, null, "IGF", "JPY", "100.5", "R10"),
                row(LocalDate.of(2026, 1, 10), fixture.donorId, null, "IGF", "EUR", "12.345", "R11"),
                row(LocalDate.of(2026, 1, 10), fixture.donorId, null, "IGF", "EUR", 0, "R12"),
                row(LocalDate.of(2026, 1, 10), fixture.donorId, null, "IGF", "EUR", 10, "R13"),
                row(LocalDate.of(2026, 1, 10), fixture.donorId, null, "IGF", "EUR", 10, "R13")));

        ImportResult result = importAs(OFFICER, "rules.xlsx", file);

        assertEquals(Outcome.REJECTED, result.outcome());
        assertEquals(List.of(
                RowError.of(2, "B", "Donor id", "import.row.donor.unknownId", 999_999),
                RowError.of(3, "C", "Donor name", "import.row.donor.unknownName", "Nobody We Know"),
                RowError.of(4, "C", "Donor name", "import.row.donor.ambiguous", "Twin Foundation", 2),
                RowError.of(5, "C", "Donor name", "import.row.donor.mismatch", fixture.donorId, DONOR),
                RowError.of(6, "D", "Fund code", "import.row.fund.unknown", "NOPE"),
                RowError.of(7, "A", "Received date", "import.row.date.future", tomorrow),
                RowError.of(8, "E", "Currency", "import.row.rate.missing", "EUR", "2025-12-31"),
                RowError.of(9, "E", "Currency", "import.row.rate.missing", "CHF", "2026-01-10"),
                RowError.of(10, "F", "Amount", "import.row.amount.decimals", "100.5", "JPY", 0),
                RowError.of(11, "F", "Amount", "import.row.amount.decimals", "12.345", "EUR", 2),
                RowError.of(12, "F", "Amount", "import.row.amount.notPositive", "0"),
                RowError.of(14, "G", "Bank reference", "import.row.duplicateInFile", 13)), result.errors());
        assertNothingSaved();
    }

    @Test
    void importingTheSameFileAgainAddsNothingAndSaysWhenItWasImported() throws SQLException {
        byte[] file = Workbooks.xlsx(goodRows(5));
        ImportResult first = importAs(OFFICER, "april.xlsx", file);
        assertEquals(5, first.recorded());

        ImportResult again = importAs(FixedCaller.of("officer.three", Roles.FINANCE_OFFICER), "april (copy).xlsx", file);

        assertEquals(Outcome.FILE_ALREADY_IMPORTED, again.outcome());
        assertEquals(0, again.recorded());
        assertEquals(5, again.alreadyImported());
        assertEquals("officer.one", again.previousImportBy());
        assertNotNull(again.previousImportAt());
        assertEquals(5L, count("SELECT COUNT(*) FROM contribution"));
        assertEquals(1L, count("SELECT COUNT(*) FROM import_batch"));
        assertEquals(1, auditEntries().size(), "a file that adds nothing changes nothing");
    }

    @Test
    void aDifferentFileWithRowsAlreadyRecordedAddsOnlyTheNewOnes() throws SQLException {
        importAs(OFFICER, "may.xlsx", Workbooks.xlsx(goodRows(5)));
        List<Object[]> more = goodRows(7);
        // Same bank reference as a recorded row but another amount: a different contribution.
        more.get(6)[6] = more.get(0)[6];

        ImportResult result = importAs(OFFICER, "may-and-june.xlsx", Workbooks.xlsx(more));

        assertEquals(Outcome.IMPORTED, result.outcome());
        assertEquals(7, result.rows());
        assertEquals(2, result.recorded());
        assertEquals(5, result.alreadyImported());
        assertEquals(7L, count("SELECT COUNT(*) FROM contribution"));
        assertEquals(2L, count("SELECT COUNT(*) FROM contribution WHERE import_batch_id = " + result.batchId()));
        ImportedFile batch = db.inTransaction(em -> em.find(ImportedFile.class, result.batchId()));
        assertEquals(5, batch.getSkippedCount());
    }

    @Test
    void aReversedContributionDoesNotCountAsRecorded() throws SQLException {
        importAs(OFFICER, "first.xlsx", Workbooks.xlsx(goodRows(2)));
        db.sql("UPDATE contribution SET status = 'REVERSED' WHERE bank_reference = 'BNK-0001'");
        List<Object[]> again = goodRows(2);
        again.add(row(LocalDate.of(2026, 2, 2), fixture.donorId, null, "IGF", "USD", 1, "BNK-EXTRA"));

        ImportResult result = importAs(OFFICER, "second.xlsx", Workbooks.xlsx(again));

        assertEquals(2, result.recorded(), "the reversed row is recorded anew, with the new one");
        assertEquals(1, result.alreadyImported());
    }

    @Test
    void importedContributionsAreCertifiedLikeAnyOtherAndTheLedgerBalances() {
        ImportResult result = importAs(OFFICER, "to-certify.xlsx", Workbooks.xlsx(goodRows(3)));
        assertEquals(3, result.recorded());
        Contribution first = contributions().get(0);
        BusinessException own = assertThrows(BusinessException.class, () -> db.run(em -> new ContributionService(em,
                FixedCaller.of("officer.one", Roles.CERTIFYING_OFFICER)).certify(first.getId(), first.getVersion())));
        assertEquals("contribution.certify.ownEntry", own.messageKey(), "maker–checker holds for imported rows");

        for (Contribution c : contributions()) {
            db.run(em -> new ContributionService(em, CERTIFIER).certify(c.getId(), c.getVersion()));
        }
        assertTrue(contributions().stream().allMatch(c -> c.getStatus() == ContributionStatus.CERTIFIED));
        assertTrue(db.inTransaction(em -> new LedgerCheck(em).run()).isConsistent());
    }

    @Test
    void aCertifierCertifiesAWholeImportedFileButNeverTheirOwn() {
        ImportResult result = importAs(OFFICER, "batch.xlsx", Workbooks.xlsx(goodRows(4)));
        List<ImportSummary> listed = db.inTransaction(em -> new ContributionImport(em, CERTIFIER).recentImports(10));
        assertEquals(1, listed.size());
        assertEquals(4, listed.get(0).awaitingCertification());

        BusinessException own = assertThrows(BusinessException.class, () -> db.inTransaction(em ->
                new ContributionImport(em, FixedCaller.of("officer.one", Roles.CERTIFYING_OFFICER)).certifyBatch(result.batchId())));
        assertEquals("import.batch.ownImport", own.messageKey());

        ContributionImport.CertifiedBatch done = db.inTransaction(em ->
                new ContributionImport(em, CERTIFIER).certifyBatch(result.batchId()));

        assertEquals(new ContributionImport.CertifiedBatch(4, 0), done);
        assertTrue(contributions().stream().allMatch(c -> c.getStatus() == ContributionStatus.CERTIFIED
                && "certifier.two".equals(c.getCertifiedBy())));
        assertTrue(db.inTransaction(em -> new LedgerCheck(em).run()).isConsistent());
        assertEquals(0, db.inTransaction(em -> new ContributionImport(em, CERTIFIER).recentImports(10))
                .get(0).awaitingCertification());
        assertEquals(new ContributionImport.CertifiedBatch(0, 0),
                db.inTransaction(em -> new ContributionImport(em, CERTIFIER).certifyBatch(result.batchId())));
    }

    @Test
    void aRowNamingAPledgeIsAppliedToItsOldestOpenInstalmentsAcrossRows() throws SQLException {
        Pledge pledge = db.inTransaction(em -> new PledgeService(em, OFFICER).create(new PledgeInput(fixture.donorId,
                fixture.fundId, Money.of("300.00", "EUR"), "core", 2026, 2026, LocalDate.of(2026, 1, 2), List.of(
                new ScheduleLine(LocalDate.of(2026, 3, 31), Money.of("100.00", "EUR")),
                new ScheduleLine(LocalDate.of(2026, 1, 31), Money.of("100.00", "EUR")),
                new ScheduleLine(LocalDate.of(2026, 6, 30), Money.of("100.00", "EUR"))))));
        List<String> headers = new ArrayList<>(Workbooks.HEADERS);
        headers.add("Pledge id");
        byte[] file = Workbooks.xlsx(headers, rows(
                row(LocalDate.of(2026, 2, 1), fixture.donorId, null, "IGF", "EUR", 150, "P-1", pledge.getId()),
                row(LocalDate.of(2026, 2, 2), fixture.donorId, null, "IGF", "EUR", 200, "P-2", pledge.getId()),
                row(LocalDate.of(2026, 2, 3), fixture.donorId, null, "IGF", "EUR", 5, "P-3", pledge.getId())));

        ImportResult rejected = importAs(OFFICER, "pledge.xlsx", file);
        assertEquals(List.of(RowError.of(4, "H", "Pledge id", "import.row.pledge.nothingOpen", pledge.getId())),
                rejected.errors(), "the first two rows leave nothing open for the third");
        assertNothingSaved();

        ImportResult result = importAs(OFFICER, "pledge.xlsx", Workbooks.xlsx(headers, rows(
                row(LocalDate.of(2026, 2, 1), fixture.donorId, null, "IGF", "EUR", 150, "P-1", pledge.getId()),
                row(LocalDate.of(2026, 2, 2), fixture.donorId, null, "IGF", "EUR", 200, "P-2", pledge.getId()))));
        assertEquals(2, result.recorded(), () -> result.errors().toString());
        Map<String, List<String>> applied = Map.of(
                "P-1", List.of("2026-01-31 EUR 100.00", "2026-03-31 EUR 50.00"),
                "P-2", List.of("2026-03-31 EUR 50.00", "2026-06-30 EUR 100.00"));
        for (Contribution c : contributions()) {
            assertEquals(applied.get(c.getBankReference()), c.getApplications().stream()
                    .map(a -> a.getInstalment().getDueDate() + " " + a.getAmount()).sorted().toList(), c.getBankReference());
        }
        assertEquals("EUR 50.00", contributions().get(1).unapplied().toString());
        for (Contribution c : contributions()) {
            db.run(em -> new ContributionService(em, CERTIFIER).certify(c.getId(), c.getVersion()));
        }
        assertTrue(db.inTransaction(em -> new LedgerCheck(em).run()).isConsistent());
        assertEquals("PAID", db.inTransaction(em -> em.find(Pledge.class, pledge.getId()).getStatus().name()));
    }

    @Test
    void aRowNamingNoPledgePaysTheDonorsOldestDueInstalmentsAndWhatIsLeftIsHeldWhileTheDonorOwes() {
        Pledge pledge = db.inTransaction(em -> new PledgeService(em, OFFICER).create(new PledgeInput(fixture.donorId,
                fixture.fundId, Money.of("300.00", "EUR"), "core", 2026, 2026, LocalDate.of(2026, 1, 2), List.of(
                new ScheduleLine(LocalDate.of(2026, 3, 31), Money.of("100.00", "EUR")),
                new ScheduleLine(LocalDate.of(2026, 1, 31), Money.of("100.00", "EUR")),
                new ScheduleLine(LocalDate.of(2026, 6, 30), Money.of("100.00", "EUR"))))));
        db.run(em -> new PledgeService(em, OFFICER).signAgreement(pledge.getId(),
                em.find(Pledge.class, pledge.getId()).getVersion(), LocalDate.of(2026, 1, 10), "STFA-IMPORT"));
        ImportResult result = importAs(OFFICER, "no-pledge.xlsx", Workbooks.xlsx(rows(
                row(LocalDate.of(2026, 2, 1), fixture.donorId, null, "IGF", "EUR", 150, "N-1"),
                row(LocalDate.of(2026, 2, 2), fixture.donorId, null, "IGF", "EUR", 100, "N-2"),
                row(LocalDate.of(2026, 2, 3), fixture.donorId, null, "IGF", "USD", 80, "N-3"))));
        assertEquals(3, result.recorded(), () -> result.errors().toString());
        Map<String, List<String>> applied = Map.of(
                "N-1", List.of("2026-01-31 EUR 100.00", "2026-03-31 EUR 50.00"),
                "N-2", List.of("2026-03-31 EUR 50.00", "2026-06-30 EUR 50.00"),
                "N-3", List.of());
        for (Contribution c : contributions()) {
            assertEquals(applied.get(c.getBankReference()), c.getApplications().stream()
                    .map(a -> a.getInstalment().getDueDate() + " " + a.getAmount()).sorted().toList(), c.getBankReference());
        }
        for (Contribution c : contributions()) {
            db.run(em -> new ContributionService(em, CERTIFIER).certify(c.getId(), c.getVersion()));
        }
        assertTrue(db.inTransaction(em -> new LedgerCheck(em).run()).isConsistent());
        // The US dollars pay no EUR pledge, and the donor still owes EUR 50 under the agreement: held, not revenue.
        Contribution dollars = contributions().get(2);
        assertEquals("USD 80.00", dollars.heldUnapplied().toString());
        assertEquals(new BigDecimal("-80.00"), db.inTransaction(em -> new org.trustfund.ledger.Ledger(em)
                .balances(fixture.fundId, LocalDate.of(2100, 1, 1))).get(org.trustfund.ledger.Account.UNAPPLIED_RECEIPTS));
    }

    @Test
    void aPledgeOfAnotherDonorFundOrCurrencyIsRefused() {
        Pledge pledge = db.inTransaction(em -> new PledgeService(em, OFFICER).create(new PledgeInput(fixture.otherDonorId,
                fixture.fundId, Money.of("100", "JPY"), null, 2026, 2026, LocalDate.of(2026, 1, 2), List.of(
                new ScheduleLine(LocalDate.of(2026, 3, 31), Money.of("100", "JPY"))))));
        List<String> headers = new ArrayList<>(Workbooks.HEADERS);
        headers.add("pledge_id");
        ImportResult result = importAs(OFFICER, "pledges.xlsx", Workbooks.xlsx(headers, rows(
                row(LocalDate.of(2026, 2, 1), fixture.donorId, null, "IGF", "JPY", 100, "Q-1", pledge.getId()),
                row(LocalDate.of(2026, 2, 1), fixture.otherDonorId, null, "IGF", "EUR", 100, "Q-2", pledge.getId()),
                row(LocalDate.of(2026, 2, 1), fixture.otherDonorId, null, "IGF", "JPY", 100, "Q-3", 424242))));
        assertEquals(List.of(
                RowError.of(2, "H", "pledge_id", "import.row.pledge.otherDonor", pledge.getId()),
                RowError.of(3, "H", "pledge_id", "import.row.pledge.currency", pledge.getId(), "JPY"),
                RowError.of(4, "H", "pledge_id", "import.row.pledge.unknown", 424242)), result.errors());
    }

    @Test
    void hostileFilesAreRefusedAndNothingIsSaved() throws SQLException {
        BusinessException text = assertThrows(BusinessException.class,
                () -> importAs(OFFICER, "evil.xlsx", "<html>not a workbook</html>".getBytes()));
        assertEquals("import.file.notXlsx", text.messageKey());
        BusinessException bomb = assertThrows(BusinessException.class,
                () -> importAs(OFFICER, "bomb.xlsx", Workbooks.zipBomb(50)));
        assertEquals("import.file.zipBomb", bomb.messageKey());
        assertNothingSaved();
    }

    @Test
    void theFileNameIsKeptWithoutFolders() {
        assertEquals("statement.xlsx", ContributionImport.cleanFileName("C:\\Users\\me\\statement.xlsx"));
        assertEquals("statement.xlsx", ContributionImport.cleanFileName("/tmp/x/statement.xlsx"));
        assertEquals("import.xlsx", ContributionImport.cleanFileName(null));
    }

    @Test
    void twoImportsAtOnceOfOverlappingFilesRecordEachRowOnce() throws Exception {
        List<Object[]> a = goodRows(40);
        List<Object[]> b = new ArrayList<>(goodRows(60).subList(20, 60));
        byte[] fileA = Workbooks.xlsx(a);
        byte[] fileB = Workbooks.xlsx(b);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> importAs(OFFICER, "a.xlsx", fileA));
            var second = pool.submit(() -> importAs(FixedCaller.of("officer.four", Roles.FINANCE_OFFICER), "b.xlsx", fileB));
            int recorded = first.get().recorded() + second.get().recorded();
            assertEquals(60, recorded);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(60L, count("SELECT COUNT(*) FROM contribution"));
        assertEquals(60L, count("SELECT COUNT(DISTINCT bank_reference) FROM contribution"));
    }

    // ---------------------------------------------------------------- helpers

    private ImportResult importAs(FixedCaller who, String name, byte[] file) {
        return db.inTransaction(em -> new ContributionImport(em, who).importFile(name, file));
    }

    /** Valid rows BNK-0001 … in EUR and USD for the fixture's donor, dated in 2026. */
    private List<Object[]> goodRows(int n) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            rows.add(row(LocalDate.of(2026, 1, 1).plusDays(i % 60), fixture.donorId, null, "IGF", i % 2 == 0 ? "USD" : "EUR",
                    new BigDecimal(100 + i).add(new BigDecimal("0.25")), String.format("BNK-%04d", i)));
        }
        return rows;
    }

    private List<Contribution> contributions() {
        return db.inTransaction(em -> {
            List<Contribution> all = em.createQuery("SELECT c FROM Contribution c ORDER BY c.id", Contribution.class)
                    .getResultList();
            all.forEach(c -> c.getApplications().forEach(a -> a.getInstalment().getDueDate()));
            return all;
        });
    }

    private List<String> auditEntries() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT action, entity_type, entity_id, actor FROM audit_entry"
                     + " WHERE entity_type = 'ImportBatch' ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            }
        }
        return out;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void assertNothingSaved() throws SQLException {
        assertEquals(0L, count("SELECT COUNT(*) FROM contribution"), "no contribution");
        assertEquals(0L, count("SELECT COUNT(*) FROM contribution_application"), "no application");
        assertEquals(0L, count("SELECT COUNT(*) FROM import_batch"), "no batch");
        assertEquals(List.of(), auditEntries(), "no audit entry");
    }
}
