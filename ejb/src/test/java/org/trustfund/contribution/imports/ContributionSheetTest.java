package org.trustfund.contribution.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustfund.contribution.imports.Workbooks.row;
import static org.trustfund.contribution.imports.Workbooks.rows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.trustfund.platform.BusinessException;

/** Reading import files: cells to values, headers to columns, and refusing what is not a plain xlsx. */
class ContributionSheetTest {

    private static final LocalDate JAN_10 = LocalDate.of(2026, 1, 10);

    @Test
    void datesAreReadAsExcelDatesOrAsIsoText() {
        ContributionSheet sheet = ContributionSheet.read(Workbooks.xlsx(rows(
                row(JAN_10, 1, null, "IGF", "EUR", 10, "A"),
                row("2026-01-11", 1, null, "IGF", "EUR", 10, "B"),
                row("11/01/2026", 1, null, "IGF", "EUR", 10, "C"),
                row(46032, 1, null, "IGF", "EUR", 10, "D"))));
        assertEquals(JAN_10, sheet.rows().get(0).receivedDate());
        assertEquals(LocalDate.of(2026, 1, 11), sheet.rows().get(1).receivedDate());
        assertNull(sheet.rows().get(2).receivedDate());
        assertNull(sheet.rows().get(3).receivedDate(), "a plain number is not taken for a date");
        assertEquals(List.of(
                        RowError.of(4, "A", "Received date", "import.row.date.invalid", "11/01/2026"),
                        RowError.of(5, "A", "Received date", "import.row.date.invalid", "46032")),
                sheet.errors());
    }

    @Test
    void amountsAreExactDecimalsWhetherNumbersOrText() {
        ContributionSheet sheet = ContributionSheet.read(Workbooks.xlsx(rows(
                row(JAN_10, 1, null, "IGF", "EUR", new BigDecimal("1234.56"), "A"),
                row(JAN_10, 1, null, "IGF", "EUR", "1250.50", "B"),
                row(JAN_10, 1, null, "IGF", "EUR", 0.1 + 0.2, "C"),
                row(JAN_10, 1, null, "IGF", "EUR", "1,250.50", "D"),
                row(JAN_10, 1, null, "IGF", "EUR", "-5", "E"))));
        assertEquals(0, new BigDecimal("1234.56").compareTo(sheet.rows().get(0).amount()));
        assertEquals("1250.50", sheet.rows().get(1).amount().toPlainString(), "text keeps the digits typed");
        assertEquals("0.3", sheet.rows().get(2).amount().toPlainString(), "Excel's 15 digits, not binary noise");
        assertNull(sheet.rows().get(3).amount());
        assertEquals("-5", sheet.rows().get(4).amount().toPlainString(), "a sign is read; its rule is checked later");
        assertEquals(List.of(RowError.of(5, "F", "Amount", "import.row.amount.notNumber", "1,250.50")), sheet.errors());
    }

    @Test
    void columnsAreFoundByHeaderInAnyOrderAndEitherLanguage() {
        List<String> headers = List.of("Montant", "Référence bancaire", "MONNAIE", "code du fonds", "donor_name",
                "Date de réception");
        ContributionSheet sheet = ContributionSheet.read(Workbooks.xlsx(headers, rows(
                row(500, "REF-1", "eur", "igf", "  Fictional Donor  ", JAN_10))));
        assertEquals(List.of(), sheet.errors());
        ImportRow r = sheet.rows().get(0);
        assertEquals(new ImportRow(2, JAN_10, null, "Fictional Donor", "IGF", "EUR", new BigDecimal("500"), "REF-1", null, null), r);
        assertEquals("B", sheet.location(ImportColumn.BANK_REFERENCE).letters());
    }

    @Test
    void headerProblemsAreReportedOnRowOne() {
        ContributionSheet sheet = ContributionSheet.read(Workbooks.xlsx(
                List.of("Received date", "Donor", "Fund code", "Amount", "Amount"),
                rows(row(JAN_10, "x", "IGF", 1, 2))));
        assertEquals(List.of(
                RowError.of(1, "B", "Donor", "import.header.unknown", "Donor"),
                RowError.of(1, "E", "Amount", "import.header.duplicate", "Amount", "D"),
                RowError.of(1, "", "currency", "import.header.missing", "currency"),
                RowError.of(1, "", "bank_reference", "import.header.missing", "bank_reference"),
                RowError.of(1, "", "donor_name", "import.header.donorMissing", "donor_id", "donor_name")),
                sheet.errors());
        assertTrue(sheet.rows().isEmpty(), "rows under a wrong header are not read");
        assertEquals(1, sheet.dataRows());
    }

    @Test
    void formulasAreReadAsTheirValueAndWithoutOneAreFlagged() throws IOException {
        byte[] file;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Workbooks.xlsx(rows(
                row(JAN_10, 1, null, "IGF", "EUR", "=600+650.5", "=\"REF-\"&\"7\""),
                row(JAN_10, 1, null, "IGF", "EUR", "=2*3", "REF-8")))))) {
            // Only the first row is calculated, as if the second had been written by a program that never calculates.
            var evaluator = wb.getCreationHelper().createFormulaEvaluator();
            evaluator.evaluateFormulaCell(wb.getSheetAt(0).getRow(1).getCell(5));
            evaluator.evaluateFormulaCell(wb.getSheetAt(0).getRow(1).getCell(6));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            file = out.toByteArray();
        }
        ContributionSheet sheet = ContributionSheet.read(file);
        assertEquals("1250.5", sheet.rows().get(0).amount().toPlainString());
        assertEquals("REF-7", sheet.rows().get(0).bankReference());
        assertEquals(List.of(RowError.of(3, "F", "Amount", "import.row.cell.formulaWithoutValue")), sheet.errors());
    }

    @Test
    void missingValuesAreReportedPerCell() {
        ContributionSheet sheet = ContributionSheet.read(Workbooks.xlsx(rows(
                row(null, null, null, "IGF", null, 10, "REF"),
                row(JAN_10, "twelve", null, "IGF", "EUR", 10, null, null, "stray"))));
        assertEquals(List.of(
                RowError.of(2, "A", "Received date", "import.row.required"),
                RowError.of(2, "E", "Currency", "import.row.required"),
                RowError.of(2, "B", "Donor id", "import.row.donor.required"),
                RowError.of(3, "I", "", "import.row.cell.noHeader", "stray"),
                RowError.of(3, "B", "Donor id", "import.row.id.invalid", "twelve"),
                RowError.of(3, "G", "Bank reference", "import.row.required")),
                sheet.errors());
    }

    @Test
    void emptyRowsAreIgnoredAndRowNumbersAreExcels() {
        ContributionSheet sheet = ContributionSheet.read(Workbooks.xlsx(rows(
                row(JAN_10, 1, null, "IGF", "EUR", 10, "A"),
                row(),
                row(null, null, "   "),
                row(JAN_10, 1, null, "IGF", "EUR", 10, "B"))));
        assertEquals(2, sheet.dataRows());
        assertEquals(List.of(2, 5), sheet.rows().stream().map(ImportRow::rowNumber).toList());
    }

    @Test
    void whatIsNotAnXlsxIsRefused() throws IOException {
        assertRefused("import.file.notXlsx", "date,amount\n2026-01-10,5\n".getBytes(StandardCharsets.UTF_8));
        assertRefused("import.file.notXlsx", "%PDF-1.7 something".getBytes(StandardCharsets.US_ASCII));
        assertRefused("import.file.empty", new byte[0]);

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("notes.txt"));
            out.write("a zip, but no workbook".getBytes(StandardCharsets.UTF_8));
        }
        assertRefused("import.file.notXlsx", zip.toByteArray());

        try (HSSFWorkbook xls = new HSSFWorkbook()) {
            xls.createSheet("Contributions").createRow(0).createCell(0).setCellValue("Received date");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            xls.write(out);
            assertRefused("import.file.oldOrProtected", out.toByteArray());
        }
    }

    @Test
    void aZipBombIsRefused() {
        byte[] bomb = Workbooks.zipBomb(50);
        assertTrue(bomb.length < 200_000, "the bomb is small: " + bomb.length);
        assertRefused("import.file.zipBomb", bomb);
    }

    @Test
    void externalEntitiesAreNeverResolved() throws IOException {
        Path secret = Files.createTempFile("tf-secret-", ".txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        try {
            byte[] xxe = Workbooks.withSheetXml(xml -> xml
                    .replaceFirst("<worksheet", "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]><worksheet")
                    .replace("</row></sheetData>", "<c r=\"H2\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData>"));
            BusinessException e = assertRefused("import.file.notXlsx", xxe);
            assertTrue(java.util.Arrays.stream(e.arguments()).noneMatch(a -> String.valueOf(a).contains("TOP-SECRET")));
        } finally {
            Files.delete(secret);
        }
    }

    @Test
    void aFileLargerThanTheUploadLimitIsRefused() {
        byte[] big = new byte[XlsxSheetReader.MAX_FILE_BYTES + 1];
        big[0] = 'P';
        big[1] = 'K';
        assertRefused("import.file.tooLarge", big);
    }

    @Test
    void valuesFarToTheRightAreRefused() {
        Object[] wide = new Object[30];
        wide[0] = JAN_10;
        wide[29] = "far away";
        BusinessException e = assertRefused("import.file.tooManyColumns", Workbooks.xlsx(rows(wide)));
        assertEquals(List.of("AD2", "Z"), List.of(e.arguments()));
    }

    @Test
    void moreRowsThanTheLimitAreRefused() {
        // The header row and the limit's worth of data rows are read; one more is refused.
        assertEquals(XlsxSheetReader.MAX_ROWS, ContributionSheet.read(Workbooks.manyRows(XlsxSheetReader.MAX_ROWS + 1)).dataRows());
        BusinessException e = assertRefused("import.file.tooManyRows", Workbooks.manyRows(XlsxSheetReader.MAX_ROWS + 2));
        assertEquals(XlsxSheetReader.MAX_ROWS, e.arguments()[0]);
    }

    @Test
    void theTemplateReadsBackWithItsExampleRowInBothLanguages() throws IOException {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.FRENCH}) {
            byte[] template = ContributionTemplate.write(locale);
            ContributionSheet sheet = ContributionSheet.read(template);
            assertEquals(List.of(), sheet.errors(), locale.toString());
            ImportRow example = sheet.rows().get(0);
            assertEquals(LocalDate.of(2026, 1, 15), example.receivedDate());
            assertEquals("IGF", example.fundCode());
            assertEquals("EUR", example.currency());
            assertEquals(0, new BigDecimal("25000").compareTo(example.amount()));
            assertTrue(example.donorName().contains(locale == Locale.FRENCH ? "fictif" : "fictional"), example.donorName());

            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
                Sheet data = wb.getSheetAt(0);
                for (int i = 0; i < ImportColumn.values().length; i++) {
                    ImportColumn column = ImportColumn.values()[i];
                    assertEquals(column.label(locale), data.getRow(0).getCell(i).getStringCellValue());
                    assertNotNull(data.getRow(0).getCell(i).getCellComment(), "comment on " + column);
                    assertEquals(column.description(locale),
                            data.getRow(0).getCell(i).getCellComment().getString().getString());
                }
                Sheet instructions = wb.getSheetAt(1);
                assertEquals(locale == Locale.FRENCH ? "Mode d’emploi" : "Instructions", instructions.getSheetName());
                String all = java.util.stream.StreamSupport.stream(instructions.spliterator(), false)
                        .map(r -> r.getCell(0) == null ? "" : r.getCell(0).getStringCellValue())
                        .reduce("", (a, b) -> a + "\n" + b);
                // French groups digits with a (narrow) no-break space.
                assertTrue(all.matches("(?s).*200.000 .*"), all);
            }
        }
    }

    @Test
    void columnLettersRoundTrip() {
        assertEquals("A", XlsxSheetReader.letters(0));
        assertEquals("Z", XlsxSheetReader.letters(25));
        assertEquals("AA", XlsxSheetReader.letters(26));
        assertEquals("XFD", XlsxSheetReader.letters(16_383));
        for (int c = 0; c < 800; c++) {
            assertEquals(c, XlsxSheetReader.columnOf(XlsxSheetReader.letters(c) + "12"));
        }
    }

    private static BusinessException assertRefused(String key, byte[] content) {
        BusinessException e = assertThrows(BusinessException.class, () -> ContributionSheet.read(content));
        assertEquals(key, e.messageKey());
        assertEquals("file", e.field().orElseThrow());
        return e;
    }
}
