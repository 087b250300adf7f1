package org.trustfund.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.trustfund.platform.BusinessException;

class RateFileReaderTest {

    private final RateFileReader reader = new RateFileReader();

    @Test
    void readsAGoodCsvFile() {
        RateFile file = reader.read("rates.csv", csv("""
                currency,effective_date,units_per_usd
                EUR,2026-03-01,0.921500
                jpy , 2026-03-01 , 149.8
                CHF,2026-03-15,0.88
                """));
        assertEquals(List.of(), file.problems());
        assertEquals(3, file.dataRows());
        assertEquals(List.of(2, 3, 4), file.lines().stream().map(RateFile.Line::row).toList());
        assertEquals(new RateRow("EUR", LocalDate.of(2026, 3, 1), new BigDecimal("0.9215")), file.rates().get(0));
        assertEquals(new RateRow("JPY", LocalDate.of(2026, 3, 1), new BigDecimal("149.8")), file.rates().get(1));
        assertEquals(0, new BigDecimal("0.88").compareTo(file.rates().get(2).unitsPerUsd()));
    }

    @Test
    void readsCsvAsSpreadsheetsSaveIt() {
        // Byte order mark, semicolons, columns in another order, quoted fields, CRLF, blank lines, extra column.
        String text = "\uFEFFUnits per USD;Currency;Effective date;note\r\n"
                + "\"1.5\";\"EUR\";2026-01-01;\"a note; with a separator\"\r\n"
                + ";;;\r\n"
                + "\r\n"
                + "2;CHF;2026-01-01;\"two\r\nlines\"\r\n"
                + "3;JPY;2026-02-01;";
        RateFile file = reader.read("export.CSV", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), file.problems());
        assertEquals(List.of(new RateRow("EUR", LocalDate.of(2026, 1, 1), new BigDecimal("1.5")),
                new RateRow("CHF", LocalDate.of(2026, 1, 1), new BigDecimal("2")),
                new RateRow("JPY", LocalDate.of(2026, 2, 1), new BigDecimal("3"))), file.rates());
        assertEquals(List.of(2, 5, 7), file.lines().stream().map(RateFile.Line::row).toList(),
                "row numbers are lines of the file, a quoted line break included");
    }

    @Test
    void listsEveryBadCsvRowWithItsColumn() {
        RateFile file = reader.read("rates.csv", csv("""
                currency,effective_date,units_per_usd
                EUR,2026-03-01,0.92
                EURO,2026-03-01,0.92
                CHF,01/03/2026,0.88
                JPY,2026-02-30,abc
                GBP,2026-03-01,-1
                CAD,2026-03-01,1.1234567
                ,,1
                SEK,2026-03-01
                EUR,2026-03-01,0.93
                NOK,2026-03-01,12345678901234
                """));
        assertEquals(List.of(
                        problem(3, "currency", "rate.file.currency.format", "EURO"),
                        problem(4, "effective_date", "rate.file.date.format", "01/03/2026"),
                        problem(5, "effective_date", "rate.file.date.format", "2026-02-30"),
                        problem(5, "units_per_usd", "rate.file.value.format", "abc"),
                        problem(6, "units_per_usd", "rate.file.value.format", "-1"),
                        problem(7, "units_per_usd", "rate.file.value.decimals", "1.1234567", "6"),
                        problem(8, "currency", "rate.file.required"),
                        problem(8, "effective_date", "rate.file.required"),
                        problem(9, "units_per_usd", "rate.file.required"),
                        problem(10, "effective_date", "rate.file.duplicate", "EUR", "2026-03-01", "2"),
                        problem(11, "units_per_usd", "rate.file.value.tooLarge", "12345678901234")),
                file.problems());
        assertEquals(10, file.dataRows());
        assertEquals(List.of(2), file.lines().stream().map(RateFile.Line::row).toList(), "only the good row was read");
    }

    @Test
    void readsAGoodWorkbookWithDateAndNumberCells() {
        byte[] xlsx = workbook(sheet -> {
            row(sheet, 0, "currency", "effective_date", "units_per_usd");
            Row eur = sheet.createRow(1);
            eur.createCell(0).setCellValue("EUR");
            eur.createCell(1).setCellValue(LocalDate.of(2026, 3, 1));
            eur.getCell(1).setCellStyle(dateStyle(sheet));
            eur.createCell(2).setCellValue(0.9215);
            // Typed as text, and a rate computed by a formula whose cached value is read.
            Row jpy = sheet.createRow(2);
            jpy.createCell(0).setCellValue("JPY");
            jpy.createCell(1).setCellValue("2026-03-15");
            jpy.createCell(2).setCellFormula("150-0.2");
            sheet.getWorkbook().getCreationHelper().createFormulaEvaluator().evaluateAll();
            // 0.1 + 0.2 is stored as 0.30000000000000004; Excel shows 0.3, and so do we.
            Row chf = sheet.createRow(4);
            chf.createCell(0).setCellValue("chf");
            chf.createCell(1).setCellValue("2026-03-01");
            chf.createCell(2).setCellValue(0.1 + 0.2);
        });
        RateFile file = reader.read("Rates March.xlsx", xlsx);
        assertEquals(List.of(), file.problems());
        assertEquals(List.of(new RateRow("EUR", LocalDate.of(2026, 3, 1), new BigDecimal("0.9215")),
                new RateRow("JPY", LocalDate.of(2026, 3, 15), new BigDecimal("149.8")),
                new RateRow("CHF", LocalDate.of(2026, 3, 1), new BigDecimal("0.3"))), file.rates());
        assertEquals(List.of(2, 3, 5), file.lines().stream().map(RateFile.Line::row).toList());
    }

    @Test
    void listsEveryBadWorkbookRowWithItsColumn() {
        byte[] xlsx = workbook(sheet -> {
            row(sheet, 0, "effective_date", "currency", "units_per_usd");
            Row numericCode = sheet.createRow(1);
            numericCode.createCell(0).setCellValue("2026-03-01");
            numericCode.createCell(1).setCellValue(978);
            numericCode.createCell(2).setCellValue(0.92);
            Row withTime = sheet.createRow(2);
            withTime.createCell(0).setCellValue(LocalDateTime.of(2026, 3, 1, 12, 30));
            withTime.getCell(0).setCellStyle(dateStyle(sheet));
            withTime.createCell(1).setCellValue("EUR");
            withTime.createCell(2).setCellValue(0.92);
            Row plainNumberDate = sheet.createRow(3);
            plainNumberDate.createCell(0).setCellValue(46082);
            plainNumberDate.createCell(1).setCellValue("CHF");
            plainNumberDate.createCell(2).setCellValue(0);
            Row tooPrecise = sheet.createRow(4);
            tooPrecise.createCell(0).setCellValue("2026-03-01");
            tooPrecise.createCell(1).setCellValue("JPY");
            tooPrecise.createCell(2).setCellValue(149.1234567);
            Row errorCell = sheet.createRow(5);
            errorCell.createCell(0).setCellValue("2026-03-01");
            errorCell.createCell(1).setCellValue("GBP");
            errorCell.createCell(2).setCellFormula("1/0");
            sheet.getWorkbook().getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
        RateFile file = reader.read("rates.xlsx", xlsx);
        assertEquals(List.of(
                        problem(2, "currency", "rate.file.currency.format", "978"),
                        problem(3, "effective_date", "rate.file.date.time", "2026-03-01 12:30"),
                        problem(4, "effective_date", "rate.file.date.format", "46082"),
                        problem(4, "units_per_usd", "rate.file.value.positive", "0"),
                        problem(5, "units_per_usd", "rate.file.value.decimals", "149.1234567", "6"),
                        problem(6, "units_per_usd", "rate.file.value.format", "#ERROR")),
                file.problems());
        assertEquals(5, file.dataRows());
        assertEquals(List.of(), file.lines());
    }

    @Test
    void readsTheSheetNamedRatesWhenThereAreSeveral() {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            row(wb.createSheet("Notes"), 0, "anything");
            Sheet rates = wb.createSheet("Rates");
            row(rates, 0, "currency", "effective_date", "units_per_usd");
            row(rates, 1, "EUR", "2026-04-01", "0.9");
            wb.write(out);
            xlsx = out.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(List.of(new RateRow("EUR", LocalDate.of(2026, 4, 1), new BigDecimal("0.9"))),
                reader.read("r.xlsx", xlsx).rates());
    }

    @Test
    void theDownloadableTemplateHasTheHeaderAndFormatsAndReadsBackOnceFilledIn() throws IOException {
        byte[] template = RateFileTemplate.xlsx("How to", List.of("Line one", "Line two"));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            assertEquals("Rates", wb.getSheetName(0));
            assertEquals("How to", wb.getSheetName(1));
            Row header = wb.getSheetAt(0).getRow(0);
            assertEquals(List.of("currency", "effective_date", "units_per_usd"), List.of(
                    header.getCell(0).getStringCellValue(), header.getCell(1).getStringCellValue(),
                    header.getCell(2).getStringCellValue()));
            assertTrue(wb.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold());
            assertEquals("yyyy-mm-dd", wb.getSheetAt(0).getColumnStyle(1).getDataFormatString());
            assertEquals(1, wb.getSheetAt(0).getPhysicalNumberOfRows(), "no empty rows to trip over");
            assertEquals("Line two", wb.getSheetAt(1).getRow(1).getCell(0).getStringCellValue());

            // Filled in as a person would: typed dates take the column's date format.
            Sheet sheet = wb.getSheetAt(0);
            Row eur = sheet.createRow(1);
            eur.createCell(0).setCellValue("EUR");
            eur.createCell(1).setCellValue(LocalDate.of(2026, 5, 1));
            eur.getCell(1).setCellStyle(sheet.getColumnStyle(1));
            eur.createCell(2).setCellValue(0.93);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            assertEquals(List.of(new RateRow("EUR", LocalDate.of(2026, 5, 1), new BigDecimal("0.93"))),
                    reader.read(RateFileTemplate.XLSX_NAME, out.toByteArray()).rates());
        }
        BusinessException empty = assertThrows(BusinessException.class,
                () -> reader.read(RateFileTemplate.XLSX_NAME, template));
        assertEquals("rate.file.noRows", empty.messageKey(), "the empty template has nothing to import");
        assertEquals("rate.file.noRows", assertThrows(BusinessException.class,
                () -> reader.read(RateFileTemplate.CSV_NAME, RateFileTemplate.csv())).messageKey());
    }

    // ---- files that are not rate files at all

    @Test
    void refusesOtherFileTypes() {
        assertRefused("rate.file.type", "rates.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII));
        assertRefused("rate.file.type", "rates", csv("currency,effective_date,units_per_usd\nEUR,2026-01-01,1\n"));
        assertRefused("rate.file.notXlsx", "rates.xlsx", csv("currency,effective_date,units_per_usd\n"));
        assertRefused("rate.file.notCsv", "rates.csv", goodWorkbook());
        byte[] ole2 = new byte[512];
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1}, 0, ole2, 0, 8);
        assertRefused("rate.file.oldExcel", "rates.xlsx", ole2);
        assertRefused("rate.file.empty", "rates.csv", new byte[0]);
    }

    @Test
    void refusesAFileOverTwoMegabytesWithoutReadingIt() throws IOException {
        byte[] big = new byte[RateFileReader.MAX_BYTES + 1];
        Arrays.fill(big, (byte) 'A');
        assertRefused("rate.file.tooLarge", "rates.csv", big);
        // From a stream, only one byte more than the limit is read to know it is too much.
        ByteArrayInputStream endless = new ByteArrayInputStream(new byte[10 * RateFileReader.MAX_BYTES]);
        BusinessException e = assertThrows(BusinessException.class, () -> reader.read("rates.csv", endless));
        assertEquals("rate.file.tooLarge", e.messageKey());
        assertEquals(10 * RateFileReader.MAX_BYTES - RateFileReader.MAX_BYTES - 1, endless.available());
    }

    @Test
    void refusesAZipBombBeforePoiOpensIt() throws IOException {
        // 200 MB of zeros deflate to about 200 KB: well within the upload limit.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertTrue(out.size() < RateFileReader.MAX_BYTES, "the bomb fits the upload limit: " + out.size());
        assertRefused("rate.file.bomb", "bomb.xlsx", out.toByteArray());
    }

    @Test
    void poiRefusesAPartThatInflatesTooFarEvenBelowOurTotal() throws IOException {
        // 10 MB of one repeated byte: below our total, but a hundredfold inflation, which POI calls a bomb.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(" ".repeat(10 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        assertRefused("rate.file.bomb", "dense.xlsx", out.toByteArray());
    }

    @Test
    void refusesAZipWithThousandsOfParts() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < 5000; i++) {
                zip.putNextEntry(new ZipEntry("part" + i));
                zip.closeEntry();
            }
        }
        assertRefused("rate.file.bomb", "many.xlsx", out.toByteArray());
    }

    @Test
    void refusesABrokenWorkbook() {
        byte[] good = goodWorkbook();
        byte[] truncated = Arrays.copyOf(good, good.length / 2);
        assertRefused("rate.file.unreadable", "rates.xlsx", truncated);
        byte[] notAWorkbook;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("hello.txt"));
                zip.write("hello".getBytes(StandardCharsets.US_ASCII));
                zip.closeEntry();
            }
            notAWorkbook = out.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertRefused("rate.file.unreadable", "rates.xlsx", notAWorkbook);
    }

    @Test
    void refusesCsvThatIsNotUtf8TextOrHasNoHeader() {
        byte[] latin1 = "currency,effective_date,units_per_usd,note\nEUR,2026-01-01,1,café\n".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused("rate.file.encoding", "rates.csv", latin1);
        assertRefused("rate.file.notCsv", "rates.csv", "currency\0,effective_date".getBytes(StandardCharsets.UTF_8));
        BusinessException noHeader = assertRefused("rate.file.header", "rates.csv", csv("EUR,2026-01-01,0.9\n"));
        assertEquals(List.of("currency", "currency, effective_date, units_per_usd"), List.of(noHeader.arguments()));
        BusinessException missing = assertRefused("rate.file.header", "rates.csv", csv("currency,date,units_per_usd\n"));
        assertEquals("effective_date", missing.arguments()[0]);
        assertRefused("rate.file.noRows", "rates.csv", csv("currency,effective_date,units_per_usd\n\n,,\n"));
        BusinessException quote = assertRefused("rate.file.csv.quote", "rates.csv",
                csv("currency,effective_date,units_per_usd\nEUR,2026-01-01,1\n\"CHF,2026-01-01,1\n"));
        assertEquals("3", quote.arguments()[0], "the row where the unclosed quote starts");
    }

    @Test
    void refusesMoreRowsThanAllowed() {
        StringBuilder text = new StringBuilder("currency,effective_date,units_per_usd\n");
        LocalDate day = LocalDate.of(1900, 1, 1);
        for (int i = 0; i <= RateFileReader.MAX_ROWS; i++) {
            text.append("EUR,").append(day.plusDays(i)).append(",1\n");
        }
        assertRefused("rate.file.tooManyRows", "rates.csv", csv(text.toString()));
    }

    // ---- helpers

    private BusinessException assertRefused(String key, String name, byte[] content) {
        BusinessException e = assertThrows(BusinessException.class, () -> reader.read(name, content));
        assertEquals(key, e.messageKey(), e.getMessage());
        assertEquals("file", e.field().orElse(null));
        return e;
    }

    private static RateFileProblem problem(int row, String column, String key, String... args) {
        return RateFileProblem.of(row, column, key, args);
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] goodWorkbook() {
        return workbook(sheet -> {
            row(sheet, 0, "currency", "effective_date", "units_per_usd");
            row(sheet, 1, "EUR", "2026-01-01", "0.9");
        });
    }

    private static byte[] workbook(Consumer<Sheet> fill) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill.accept(wb.createSheet("Sheet1"));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }

    private static CellStyle dateStyle(Sheet sheet) {
        CellStyle style = sheet.getWorkbook().createCellStyle();
        style.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        return style;
    }
}
