package org.trustfund.contribution.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Import files made in the tests with POI, as a spreadsheet program would save them. */
final class Workbooks {

    static final List<String> HEADERS = List.of("Received date", "Donor id", "Donor name", "Fund code", "Currency",
            "Amount", "Bank reference");

    private Workbooks() {
    }

    /**
     * A workbook whose first row is {@code headers} and then one row per array. A LocalDate becomes a date
     * cell (formatted yyyy-mm-dd), a number a numeric cell, a String starting with '=' a formula, any other
     * String a text cell, null an empty cell.
     */
    static byte[] xlsx(List<String> headers, List<Object[]> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            fill(wb, headers, rows);
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] xlsx(List<Object[]> rows) {
        return xlsx(HEADERS, rows);
    }

    /** Large files through POI's streaming writer, as Excel would hold them: shared strings off, inline text. */
    static byte[] largeXlsx(List<String> headers, Iterable<Object[]> rows) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 1000, true)) {
            fill(wb, headers, rows);
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(Workbook wb, List<String> headers, Iterable<Object[]> rows) {
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        Sheet sheet = wb.createSheet("Contributions");
        Row header = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            header.createCell(i).setCellValue(headers.get(i));
        }
        int r = 1;
        for (Object[] values : rows) {
            Row row = sheet.createRow(r++);
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v == null) {
                    continue;
                }
                Cell cell = row.createCell(i);
                if (v instanceof LocalDate d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(date);
                } else if (v instanceof BigDecimal n) {
                    cell.setCellValue(n.doubleValue());
                } else if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (v instanceof String s && s.startsWith("=")) {
                    cell.setCellFormula(s.substring(1));
                } else {
                    cell.setCellValue(v.toString());
                }
            }
        }
    }

    private static byte[] bytes(Workbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }

    static Object[] row(Object... values) {
        return values;
    }

    /**
     * A valid workbook whose sheet part is inflated with a long run of spaces (legal XML whitespace)
     * so that it expands to {@code megabytes} from almost nothing: a zip bomb.
     */
    static byte[] zipBomb(int megabytes) {
        return withSheet(oneRowWorkbook(), (xml, out) -> {
            int at = xml.indexOf("<sheetData");
            out.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < megabytes; i++) {
                out.write(spaces);
            }
            out.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
        });
    }

    /**
     * A valid workbook whose first sheet holds {@code rows} rows of one number each, written as XML straight
     * into the zip: much faster than POI for a file too long to import.
     */
    static byte[] manyRows(int rows) {
        return withSheet(xlsx(List.<Object[]>of(row(LocalDate.of(2026, 1, 10)))), (xml, out) -> {
            int start = xml.indexOf("<sheetData>") + "<sheetData>".length();
            int end = xml.indexOf("</sheetData>");
            var writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(xml.substring(0, start));
            for (int r = 1; r <= rows; r++) {
                writer.write("<row r=\"" + r + "\"><c r=\"A" + r + "\"><v>" + r + "</v></c></row>");
            }
            writer.write(xml.substring(end));
            writer.flush();
        });
    }

    /** A valid one-row workbook whose first sheet's XML is changed by {@code edit}, as an attacker would. */
    static byte[] withSheetXml(java.util.function.UnaryOperator<String> edit) {
        return withSheet(oneRowWorkbook(), (xml, out) -> out.write(edit.apply(xml).getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] oneRowWorkbook() {
        return xlsx(List.<Object[]>of(row(LocalDate.of(2026, 1, 10), null, "Someone", "IGF", "EUR", 10, "REF")));
    }

    /** Writes a sheet part in place of the one the workbook has. */
    private interface SheetWriter {
        void write(String originalXml, java.io.OutputStream out) throws IOException;
    }

    /** The workbook {@code valid} with its first sheet's part written by {@code sheet}; every other part as it was. */
    private static byte[] withSheet(byte[] valid, SheetWriter sheet) {
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(valid));
             ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    sheet.write(new String(content, StandardCharsets.UTF_8), out);
                } else {
                    out.write(content);
                }
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows for a list, for readability at the call site. */
    static List<Object[]> rows(Object[]... rows) {
        return new ArrayList<>(List.of(rows));
    }
}
