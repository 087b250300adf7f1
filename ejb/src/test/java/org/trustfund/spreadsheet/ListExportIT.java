package org.trustfund.spreadsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditEntry;
import org.trustfund.audit.AuditExport;
import org.trustfund.audit.AuditQuery;
import org.trustfund.donor.Donor;
import org.trustfund.donor.DonorDetails;
import org.trustfund.donor.DonorExport;
import org.trustfund.donor.DonorQuery;
import org.trustfund.donor.StakeholderGroup;
import org.trustfund.reference.Country;
import org.trustfund.testing.TestDatabase;

/** The donor list's and the audit log's exports, read back with POI: their filters, order, and chunks. */
class ListExportIT {

    private static final Instant AT = Instant.parse("2026-12-02T10:00:00Z");
    private TestDatabase db;

    @BeforeEach
    void database() {
        db = TestDatabase.migrated();
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void donorsAndAuditEntriesAsTheListsSelectAndOrderThemAcrossChunks() throws IOException {
        // Donors: the names repeat so chunks of two end inside a run of equal keys; one is a formula in disguise.
        String[] names = {"Beta", "Alpha", "Beta", "Gamma", "=1+1", "Beta", "Alpha"};
        List<long[]> donors = new ArrayList<>();
        db.run(em -> {
            Country ch = em.find(Country.class, "CH");
            Country fr = em.find(Country.class, "FR");
            for (int i = 0; i < names.length; i++) {
                Donor d = new Donor(new DonorDetails(names[i], i % 2 == 0 ? StakeholderGroup.GOVERNMENT
                        : StakeholderGroup.ACADEMIA, i % 3 == 0 ? "FR" : "CH", null, null, false, "en"),
                        i % 3 == 0 ? fr : ch, AT.minusSeconds(1000 - i), "setup");
                em.persist(d);
                em.flush();
                donors.add(new long[] {d.getId(), i});
            }
        });
        // Every government donor, by name Z to A, then id Z to A.
        List<Long> expected = donors.stream().filter(d -> d[1] % 2 == 0)
                .sorted(Comparator.<long[], String>comparing(d -> names[(int) d[1]]).thenComparing(d -> d[0]).reversed())
                .map(d -> d[0]).toList();
        DonorQuery governments = new DonorQuery(null, StakeholderGroup.GOVERNMENT, null, DonorQuery.Sort.NAME, true);
        try (XSSFWorkbook book = read(out -> new DonorExport(db.entityManagerFactory().createEntityManager())
                .chunkSize(2).write(governments, Locale.ENGLISH, "ada", AT, out))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertEquals("Donors", sheet.getSheetName());
            List<String> top = top(sheet);
            assertTrue(top.contains("Stakeholder group: Government"), top.toString());
            assertTrue(top.contains("Sorted by: name, Z to A"), top.toString());
            assertEquals(expected, ids(sheet));
            Row disguised = rowOf(sheet, donors.get(4)[0]);
            assertEquals(CellType.STRING, disguised.getCell(1).getCellType());
            assertEquals("=1+1", disguised.getCell(1).getStringCellValue());
            assertEquals("English", disguised.getCell(7).getStringCellValue(), "the language of correspondence");
        }
        // In French, the labels are French.
        try (XSSFWorkbook book = read(out -> new DonorExport(db.entityManagerFactory().createEntityManager())
                .write(DonorQuery.all(), Locale.FRENCH, "ada", AT, out))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertEquals("Donateurs", sheet.getSheetName());
            assertTrue(top(sheet).contains("Filtre : aucun (toutes les lignes)"), top(sheet).toString());
            assertEquals(names.length, ids(sheet).size());
        }

        // Audit: entries on three days; the filter keeps the second and third day and one actor, oldest first.
        // One transaction each: EclipseLink inserts the new objects of one commit in no set order, and the ids
        // must follow i for "same instant, id order" to name the expected entries.
        for (int i = 0; i < 9; i++) {
            int n = i;
            Instant when = Instant.parse("2026-03-0" + (1 + n / 3) + "T12:00:00Z");
            db.run(em -> em.persist(new AuditEntry(when, n % 2 == 0 ? "fiona" : "carl", AuditAction.CREATE, "Donor",
                    String.valueOf(n), "entry " + n, "127.0.0.1")));
        }
        AuditQuery fionaLater = new AuditQuery("fio", null, null, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3), true);
        try (XSSFWorkbook book = read(out -> new AuditExport(db.entityManagerFactory().createEntityManager())
                .chunkSize(1).write(fionaLater, Locale.ENGLISH, "ada", AT, out))) {
            XSSFSheet sheet = book.getSheetAt(0);
            List<String> top = top(sheet);
            assertTrue(top.contains("Who contains: fio"), top.toString());
            assertTrue(top.contains("From 2026-03-02 to 2026-03-03 (UTC days)"), top.toString());
            assertTrue(top.contains("Sorted by: time, oldest first"), top.toString());
            List<String> details = new ArrayList<>();
            for (int i = headerRow(sheet) + 1; sheet.getRow(i) != null && sheet.getRow(i).getCell(0) != null; i++) {
                details.add(sheet.getRow(i).getCell(6).getStringCellValue());
            }
            // Entries 4, 6 and 8 (fiona on 2 and 3 March); same-instant entries come in id order.
            assertEquals(List.of("entry 4", "entry 6", "entry 8"), details);
        }
    }

    private interface Export {
        void write(ByteArrayOutputStream out) throws IOException;
    }

    private static XSSFWorkbook read(Export export) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.write(out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    private static List<String> top(XSSFSheet sheet) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < headerRow(sheet); i++) {
            Row row = sheet.getRow(i);
            if (row != null && row.getCell(0) != null) {
                lines.add(row.getCell(0).getStringCellValue());
            }
        }
        return lines;
    }

    private static int headerRow(XSSFSheet sheet) {
        for (int i = 0; i <= sheet.getLastRowNum(); i++) {
            Row row = sheet.getRow(i);
            if (row != null && row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                    && (row.getCell(0).getStringCellValue().equals("Id") || row.getCell(0).getStringCellValue().equals("N°"))) {
                return i;
            }
        }
        throw new AssertionError("no header row");
    }

    private static List<Long> ids(XSSFSheet sheet) {
        List<Long> ids = new ArrayList<>();
        for (int i = headerRow(sheet) + 1; sheet.getRow(i) != null && sheet.getRow(i).getCell(0) != null; i++) {
            ids.add((long) sheet.getRow(i).getCell(0).getNumericCellValue());
        }
        return ids;
    }

    private static Row rowOf(XSSFSheet sheet, long id) {
        for (int i = headerRow(sheet) + 1; i <= sheet.getLastRowNum(); i++) {
            Row row = sheet.getRow(i);
            if (row != null && row.getCell(0) != null && (long) row.getCell(0).getNumericCellValue() == id) {
                return row;
            }
        }
        throw new AssertionError("no row for " + id);
    }
}
