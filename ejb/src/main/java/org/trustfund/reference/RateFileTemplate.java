package org.trustfund.reference;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The empty rate files offered for download: a workbook whose first sheet has the header row and columns
 * already formatted (a date column, a text column for codes), with the instructions on a second sheet; and
 * the same header as CSV.
 */
public final class RateFileTemplate {

    public static final String XLSX_NAME = "operational-rates-template.xlsx";
    public static final String CSV_NAME = "operational-rates-template.csv";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV_TYPE = "text/csv; charset=UTF-8";

    private RateFileTemplate() {
    }

    /**
     * @param instructionsTitle the name of the second sheet, in the reader's language
     * @param instructions lines of text for the second sheet
     */
    public static byte[] xlsx(String instructionsTitle, List<String> instructions) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet rates = workbook.createSheet(RateFileReader.SHEET);
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle units = workbook.createCellStyle();
            units.setDataFormat(workbook.createDataFormat().getFormat("0.000000"));

            Row first = rates.createRow(0);
            for (int i = 0; i < RateFileReader.COLUMNS.size(); i++) {
                first.createCell(i).setCellValue(RateFileReader.COLUMNS.get(i));
                first.getCell(i).setCellStyle(header);
            }
            // Column styles apply to what the person types below the header, without making empty rows.
            rates.setDefaultColumnStyle(0, text);
            rates.setDefaultColumnStyle(1, date);
            rates.setDefaultColumnStyle(2, units);
            rates.setColumnWidth(0, 12 * 256);
            rates.setColumnWidth(1, 16 * 256);
            rates.setColumnWidth(2, 18 * 256);
            rates.createFreezePane(0, 1);

            Sheet help = workbook.createSheet(instructionsTitle);
            for (int i = 0; i < instructions.size(); i++) {
                help.createRow(i).createCell(0).setCellValue(instructions.get(i));
            }
            help.setColumnWidth(0, 110 * 256);
            workbook.setActiveSheet(0);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the rate template in memory", e);
        }
    }

    public static byte[] csv() {
        return (String.join(",", RateFileReader.COLUMNS) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
