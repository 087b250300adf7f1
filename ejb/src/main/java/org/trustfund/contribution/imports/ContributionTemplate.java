package org.trustfund.contribution.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.ResourceBundle;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The downloadable template of a contribution import: on the first sheet a header row (with a comment on
 * each header saying what goes below) and one fictional example row; on a second sheet the instructions.
 * Text columns are formatted as text, so Excel keeps a reference such as {@code 000123} as typed.
 */
final class ContributionTemplate {

    private static final int EXAMPLE_ROW = 1;

    private ContributionTemplate() {
    }

    static byte[] write(Locale locale) {
        ResourceBundle texts = ImportColumn.texts(locale);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CreationHelper helper = workbook.getCreationHelper();
            CellStyle header = headerStyle(workbook);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(helper.createDataFormat().getFormat("@"));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd"));

            Sheet data = workbook.createSheet(texts.getString("sheet.data"));
            Drawing<?> drawing = data.createDrawingPatriarch();
            Row headers = data.createRow(0);
            Row example = data.createRow(EXAMPLE_ROW);
            ImportColumn[] columns = ImportColumn.values();
            for (int i = 0; i < columns.length; i++) {
                ImportColumn column = columns[i];
                Cell cell = headers.createCell(i);
                cell.setCellValue(column.label(locale));
                cell.setCellStyle(header);
                cell.setCellComment(comment(drawing, helper, i, column.description(locale)));
                CellStyle body = switch (column) {
                    case RECEIVED_DATE -> date;
                    // Numbers keep Excel's General format: 2 decimals would mislead for JPY.
                    case DONOR_ID, PLEDGE_ID, AMOUNT -> null;
                    default -> text;
                };
                if (body != null) {
                    data.setDefaultColumnStyle(i, body);
                }
                data.setColumnWidth(i, 256 * (column == ImportColumn.DONOR_NAME ? 34 : 20));
                exampleValue(example.createCell(i), column, texts, body);
            }
            data.createFreezePane(0, 1);

            writeInstructions(workbook.createSheet(texts.getString("sheet.instructions")), texts, locale, header);
            workbook.setActiveSheet(0);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the import template", e);
        }
    }

    private static void exampleValue(Cell cell, ImportColumn column, ResourceBundle texts, CellStyle style) {
        if (style != null) {
            cell.setCellStyle(style);
        }
        switch (column) {
            case RECEIVED_DATE -> cell.setCellValue(LocalDate.of(2026, 1, 15));
            case DONOR_NAME -> cell.setCellValue(texts.getString("example.donor"));
            case FUND_CODE -> cell.setCellValue(texts.getString("example.fund"));
            case CURRENCY -> cell.setCellValue(texts.getString("example.currency"));
            case AMOUNT -> cell.setCellValue(new BigDecimal(texts.getString("example.amount")).doubleValue());
            case BANK_REFERENCE -> cell.setCellValue(texts.getString("example.reference"));
            default -> cell.setBlank();
        }
    }

    private static Comment comment(Drawing<?> drawing, CreationHelper helper, int column, String text) {
        ClientAnchor anchor = helper.createClientAnchor();
        anchor.setCol1(column);
        anchor.setCol2(column + 4);
        anchor.setRow1(0);
        anchor.setRow2(6);
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(helper.createRichTextString(text));
        comment.setAuthor("Trustfund");
        return comment;
    }

    private static void writeInstructions(Sheet sheet, ResourceBundle texts, Locale locale, CellStyle header) {
        sheet.setColumnWidth(0, 256 * 26);
        sheet.setColumnWidth(1, 256 * 120);
        int r = 0;
        Cell title = sheet.createRow(r++).createCell(0);
        title.setCellValue(texts.getString("instructions.title"));
        title.setCellStyle(header);
        for (int i = 1; texts.containsKey("instructions." + i); i++) {
            String line = texts.getString("instructions." + i);
            if (line.contains("{0}")) {
                line = new MessageFormat(line, locale).format(new Object[] {XlsxSheetReader.MAX_ROWS,
                        XlsxSheetReader.MAX_FILE_BYTES / (1024 * 1024)});
            }
            sheet.createRow(r++).createCell(0).setCellValue("• " + line);
        }
        r++;
        Row columnsHeader = sheet.createRow(r++);
        columnsHeader.createCell(0).setCellValue(texts.getString("instructions.column"));
        columnsHeader.createCell(1).setCellValue(texts.getString("instructions.meaning"));
        columnsHeader.getCell(0).setCellStyle(header);
        columnsHeader.getCell(1).setCellStyle(header);
        for (ImportColumn column : ImportColumn.values()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(column.label(locale));
            row.createCell(1).setCellValue(column.description(locale));
        }
    }

    private static CellStyle headerStyle(XSSFWorkbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderBottom(BorderStyle.THIN);
        return style;
    }
}
