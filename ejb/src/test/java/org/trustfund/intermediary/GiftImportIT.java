package org.trustfund.intermediary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustfund.contribution.imports.RowError;
import org.trustfund.donor.DonorDetails;
import org.trustfund.donor.StakeholderGroup;
import org.trustfund.platform.BusinessException;
import org.trustfund.security.Roles;
import org.trustfund.testing.FixedCaller;
import org.trustfund.testing.FundFixture;
import org.trustfund.testing.TestDatabase;

/**
 * Importing a transfer's gifts from the intermediary's statement, on the real database: all or nothing, per-row
 * errors, the same file twice adds nothing, a formula-like name kept as typed, xlsx and CSV alike.
 */
class GiftImportIT {

    private static final FixedCaller FINANCE = FixedCaller.of("fiona", Roles.FINANCE_OFFICER);
    private static final FixedCaller CERTIFIER = FixedCaller.of("carl", Roles.CERTIFYING_OFFICER);
    private static final String HEADER = "Giver,Kind,Anonymous,May be named,Amount,Date given\n";
    private static final String FORMULA = "=HYPERLINK(\"http://example.org\",\"click\")";

    private TestDatabase db;
    private FundFixture fx;
    private long transfer;

    @BeforeEach
    void database() {
        db = TestDatabase.migrated();
        fx = FundFixture.create(db);
        long tides = db.inTransaction(em -> new IntermediaryService(em, FINANCE).register(new IntermediaryInput(null,
                new DonorDetails("Fictional Tides Foundation", StakeholderGroup.FOUNDATION, "US", null, null, true,
                        "en"),
                "3 % overhead plus card fees"), false).getId());
        transfer = db.inTransaction(em -> new IntermediaryService(em, FINANCE).recordTransfer(new TransferInput(tides,
                fx.fundId, "USD", new BigDecimal("10000.00"), new BigDecimal("450.00"), new BigDecimal("9550.00"),
                LocalDate.of(2026, 3, 10), "TIDES-2026-03", "Statement 2026-Q1", List.of(), null)).getId());
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void aGoodStatementAddsItsGiftsOnceAndTheTransferThenReconciles() {
        byte[] csv = (HEADER + "Ada Example,person,no,yes,2500.00,2026-01-05\n"
                + "\"" + FORMULA.replace("\"", "\"\"") + "\",company,no,yes,4000,2026-01-09\n"
                + ",person,yes,no,1000.00,2026-02-01\n"
                + "Private Person,person,no,no,1500.00,2026-02-02\n"
                + "Example Family Foundation,foundation,no,yes,1000.00,\n").getBytes(StandardCharsets.UTF_8);
        GiftImport.Result first = importFile("statement.csv", csv);
        assertEquals(5, first.added());
        assertEquals(List.of(), first.errors());
        IntermediaryTransfer t = db.inTransaction(em -> new IntermediaryService(em, FINANCE).findTransfer(transfer));
        assertEquals(FORMULA, t.getGifts().get(1).getGiverName(), "kept exactly as written, as text");
        assertTrue(t.getGifts().get(2).isAnonymous());
        assertTrue(t.reconciliation().reconciles(), "gifts add up to the gross: " + t.reconciliation());

        GiftImport.Result again = importFile("statement-copy.csv", csv);
        assertTrue(again.alreadyImported(), "the same file again is recognized");
        assertEquals(0, again.added());
        assertEquals(5L, count("SELECT COUNT(*) FROM transfer_gift"), "nothing added the second time");
        assertEquals(1L, count("SELECT COUNT(*) FROM import_batch WHERE kind = 'TRANSFER_GIFTS'"));

        db.run(em -> new IntermediaryService(em, CERTIFIER).certify(transfer,
                em.find(IntermediaryTransfer.class, transfer).getVersion()));
    }

    @Test
    void anyBadRowRejectsTheWholeFileWithEachProblemAtItsRowAndColumn() {
        byte[] csv = (HEADER + "Ada Example,person,no,yes,2500.00,2026-01-05\n"
                + "Someone,alien,no,yes,100,2026-01-05\n"
                + "Other,person,maybe,yes,100,2026-01-05\n"
                + "Third,person,no,yes,-5,2026-01-05\n"
                + "Fourth,person,no,yes,12.345,15/01/2026\n").getBytes(StandardCharsets.UTF_8);
        GiftImport.Result result = importFile("bad.csv", csv);
        assertTrue(result.isRejected());
        assertEquals(List.of("3 B giftImport.kind", "4 C giftImport.yesNo", "6 E giftImport.amountDecimals",
                "6 F giftImport.date"), result.errors().stream().map(e -> e.row() + " " + e.column() + " " + e.messageKey())
                .toList(), "each cell that cannot be read; the rules of the rows that can come next");
        assertEquals(0L, count("SELECT COUNT(*) FROM transfer_gift"), "nothing saved");

        byte[] negative = (HEADER + "Third,person,no,yes,-5,2026-01-05\nAnon,person,yes,no,5,\n")
                .getBytes(StandardCharsets.UTF_8);
        List<RowError> rules = importFile("rules.csv", negative).errors();
        assertEquals(List.of("2 transfer.gift.amountNotPositive", "3 transfer.gift.anonymousNamed"),
                rules.stream().map(e -> e.row() + " " + e.messageKey()).toList());
        assertEquals(0L, count("SELECT COUNT(*) FROM import_batch"), "a rejected file is not remembered as imported");
    }

    @Test
    void anXlsxStatementIsReadTheSameWayAndGiftsThatDoNotAddUpBlockCertification() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Gifts");
            Object[][] rows = {{"Giver", "Kind", "Anonymous", "May be named", "Amount", "Date given"},
                    {"Ada Example", "Person", "No", "Yes", 2500.0, "2026-01-05"},
                    {"+Example Networks", "Company", "No", "Yes", 4000.0, "2026-01-09"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Double d) {
                        row.createCell(c).setCellValue(d);
                    } else {
                        row.createCell(c).setCellValue((String) rows[r][c]);
                    }
                }
            }
            wb.write(out);
            xlsx = out.toByteArray();
        }
        assertEquals(2, importFile("statement.xlsx", xlsx).added());
        IntermediaryTransfer t = db.inTransaction(em -> new IntermediaryService(em, FINANCE).findTransfer(transfer));
        assertEquals("+Example Networks", t.getGifts().get(1).getGiverName());
        assertEquals(new BigDecimal("-3500.00"), t.reconciliation().giftsDifference().amount(), "6,500 of 10,000");
        BusinessException refused = assertThrows(BusinessException.class, () -> db.run(em -> new IntermediaryService(em,
                CERTIFIER).certify(transfer, em.find(IntermediaryTransfer.class, transfer).getVersion())));
        assertEquals("transfer.certify.notReconciled", refused.messageKey());
    }

    @Test
    void aFileThatIsNeitherXlsxNorTextIsRefusedAtTheFileField() {
        BusinessException e = assertThrows(BusinessException.class,
                () -> importFile("photo.bin", new byte[] {0x00, 0x01, 0x02, 0x03}));
        assertEquals("giftImport.notCsv", e.messageKey());
        assertEquals("file", e.field().orElse(null));
    }

    private GiftImport.Result importFile(String name, byte[] content) {
        try {
            return db.inTransaction(em -> new GiftImport(em, FINANCE).importGifts(transfer,
                    em.find(IntermediaryTransfer.class, transfer).getVersion(), name, content));
        } catch (UncheckedIOException e) {
            throw e;
        }
    }

    private long count(String sql) {
        return db.inTransaction(em -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
